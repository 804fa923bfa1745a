/** The `avatar` group in en: see ../../README.md for who owns which area. */
export const avatar = {} as const;
