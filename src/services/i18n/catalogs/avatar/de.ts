/** The `avatar` group in de: see ../../README.md for who owns which area. */
export const avatar = {} as const;
