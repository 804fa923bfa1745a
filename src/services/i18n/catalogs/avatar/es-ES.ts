/** The `avatar` group in es-ES: see ../../README.md for who owns which area. */
export const avatar = {} as const;
