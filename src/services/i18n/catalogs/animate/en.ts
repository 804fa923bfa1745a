/** The `animate` group in en: see ../../README.md for who owns which area. */
export const animate = {} as const;
