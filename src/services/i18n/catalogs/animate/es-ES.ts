/** The `animate` group in es-ES: see ../../README.md for who owns which area. */
export const animate = {} as const;
