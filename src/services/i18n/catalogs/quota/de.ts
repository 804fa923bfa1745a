/** The `quota` group in de: see ../../README.md for who owns which area. */
export const quota = {} as const;
