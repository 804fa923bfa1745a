/** The `avatar` group in pt-BR: see ../../README.md for who owns which area. */
export const avatar = {} as const;
