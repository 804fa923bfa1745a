/** The `quota` group in pt-BR: see ../../README.md for who owns which area. */
export const quota = {} as const;
