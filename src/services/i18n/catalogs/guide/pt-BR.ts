/** The `guide` group in pt-BR: see ../../README.md for who owns which area. */
export const guide = {} as const;
