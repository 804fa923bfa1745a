/** The `quota` group in en: see ../../README.md for who owns which area. */
export const quota = {} as const;
