/** The `guide` group in de: see ../../README.md for who owns which area. */
export const guide = {} as const;
