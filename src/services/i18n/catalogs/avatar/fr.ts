/** The `avatar` group in fr: see ../../README.md for who owns which area. */
export const avatar = {} as const;
