/** The `guide` group in en: see ../../README.md for who owns which area. */
export const guide = {} as const;
