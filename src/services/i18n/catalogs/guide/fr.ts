/** The `guide` group in fr: see ../../README.md for who owns which area. */
export const guide = {} as const;
