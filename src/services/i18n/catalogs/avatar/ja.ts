/** The `avatar` group in ja: see ../../README.md for who owns which area. */
export const avatar = {} as const;
