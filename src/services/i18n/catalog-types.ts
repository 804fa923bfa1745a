import type { en } from './catalogs/en.js';

/**
 * The shape every catalog has, derived from the English one: the same groups and keys, any text.
 * Plural forms differ by language (Japanese has only `_other`, French adds `_many`), so a plural
 * key requires `_other` and allows the rest; the catalog test checks each language has exactly the
 * forms `Intl.PluralRules` lists for it.
 */
export type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

type PluralBase<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : never;

type Shape<G> = {
  [K in keyof G as K extends `${string}_${PluralSuffix}` ? never : K]: G[K] extends string
    ? string
    : Shape<G[K]>;
} & { [B in PluralBase<keyof G> as `${B}_other`]: string } & {
  [B in PluralBase<keyof G> as `${B}_${Exclude<PluralSuffix, 'other'>}`]?: string;
};

export type Catalog = Shape<typeof en>;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every key `t()` takes, e.g. 'credits.titleOwn' or 'units.credits' (a plural: pass `count`). */
export type MessageKey = WithoutPlural<Leaves<typeof en>>;

/** Named placeholders: numbers are formatted for the locale by `{{name, number}}` in the text. */
export type MessageVars = Readonly<Record<string, string | number>>;

/**
 * A value of a message still to be rendered: text, a number, a message of its own (rendered in the
 * same reader's language, e.g. a price `{ key: 'units.credits', vars: { count } }`), or a choice of
 * messages, joined the reader's way ("A or B", "A oder B", "AまたはB").
 */
export type MessageValue = string | number | Message | { readonly anyOf: readonly Message[] };

/** A message still to be rendered, for code that does not know the reader's language yet (errors). */
export interface Message {
  readonly key: MessageKey;
  readonly vars?: Readonly<Record<string, MessageValue>>;
}
