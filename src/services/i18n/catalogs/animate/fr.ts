/** The `animate` group in fr: see ../../README.md for who owns which area. */
export const animate = {} as const;
