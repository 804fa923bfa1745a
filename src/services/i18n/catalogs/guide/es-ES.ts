/** The `guide` group in es-ES: see ../../README.md for who owns which area. */
export const guide = {} as const;
