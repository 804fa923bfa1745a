/** The `quota` group in fr: see ../../README.md for who owns which area. */
export const quota = {} as const;
