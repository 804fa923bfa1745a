/** The `quota` group in ja: see ../../README.md for who owns which area. */
export const quota = {} as const;
