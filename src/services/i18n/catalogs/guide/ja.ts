/** The `guide` group in ja: see ../../README.md for who owns which area. */
export const guide = {} as const;
