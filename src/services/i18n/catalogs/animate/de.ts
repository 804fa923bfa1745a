/** The `animate` group in de: see ../../README.md for who owns which area. */
export const animate = {} as const;
