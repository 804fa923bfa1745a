/** The `quota` group in es-ES: see ../../README.md for who owns which area. */
export const quota = {} as const;
