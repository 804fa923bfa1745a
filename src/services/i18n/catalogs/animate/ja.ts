/** The `animate` group in ja: see ../../README.md for who owns which area. */
export const animate = {} as const;
