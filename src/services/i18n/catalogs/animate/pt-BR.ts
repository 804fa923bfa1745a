/** The `animate` group in pt-BR: see ../../README.md for who owns which area. */
export const animate = {} as const;
