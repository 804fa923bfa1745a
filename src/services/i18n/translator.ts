import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, languageOf, type Language } from '../../locales.js';
import type { Message, MessageKey, MessageValue, MessageVars } from './catalog-types.js';
import { CATALOGS } from './catalogs/index.js';

/**
 * What a reply renderer needs to speak one reader's language: catalog text by key, and numbers,
 * lengths and dates the way that reader writes them. Discord timestamps (`<t:…>`) need no help:
 * each client shows them in its own language and time zone.
 */
export interface Translator {
  readonly language: Language;
  /** The text of `key` with its `{{placeholders}}` filled; `count` also picks the plural form. */
  t(key: MessageKey, vars?: MessageVars): string;
  /** A message built before the reader was known (a UserError's). */
  render(message: Message): string;
  number(value: number): string;
  /** "12 credits", "12 Credits", "12 クレジット". */
  credits(count: number): string;
  /** "8 s", "8 秒". */
  seconds(count: number): string;
  /** A calendar date, e.g. "2 Dec 2026" or "2026/12/02". */
  date(epochMs: number): string;
}

/** The catalogs, loaded once at start-up (src/app.ts) and handed to handlers through the context. */
export interface I18n {
  translator(locale: string | null | undefined): Translator;
  t(locale: string | null | undefined, key: MessageKey, vars?: MessageVars): string;
}

export interface I18nOptions {
  /** Keep made texts (the default); off, every call goes to i18next (the tests compare the two). */
  memo?: boolean;
}

export function createI18n(options: I18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  // Synchronous: every catalog is in memory, so `t` works as soon as this returns.
  void instance.init({
    resources: Object.fromEntries(
      LANGUAGES.map((language) => [language, { translation: CATALOGS[language] }]),
    ),
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    initAsync: false,
    // Replies are Discord markdown, not HTML: escaping would show `&lt;@123&gt;` for a mention.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.services.formatter?.add('number', cachedNumberFormat());
  const translators = new Map<Language, Translator>(
    LANGUAGES.map((language) => [
      language,
      makeTranslator(language, instance.getFixedT(language), options.memo ?? true),
    ]),
  );
  const translator = (locale: string | null | undefined): Translator =>
    translators.get(languageOf(locale)) ?? (translators.get(DEFAULT_LANGUAGE) as Translator);
  return { translator, t: (locale, key, vars) => translator(locale).t(key, vars) };
}

function makeTranslator(language: Language, fixed: TFunction, memo: boolean): Translator {
  const numbers = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const direct = (key: MessageKey, vars?: MessageVars): string => fixed(key, { ...vars });
  const t = memo ? memoized(direct) : direct;
  const choices = new Intl.ListFormat(language, { type: 'disjunction' });
  const value = (raw: MessageValue): string | number =>
    typeof raw !== 'object' ? raw : 'anyOf' in raw ? choices.format(raw.anyOf.map(render)) : render(raw);
  const render = (message: Message): string =>
    t(
      message.key,
      message.vars &&
        Object.fromEntries(Object.entries(message.vars).map(([name, raw]) => [name, value(raw)])),
    );
  return {
    language,
    t,
    render,
    number: (value) => numbers.format(value),
    credits: (count) => t('units.credits', { count }),
    seconds: (count) => t('units.seconds', { count }),
    date: (epochMs) => dates.format(epochMs),
  };
}

/** The Intl.NumberFormat options the catalogs give `{{value, number(…)}}` (a catalog test keeps to them). */
export const NUMBER_FORMAT_OPTIONS = ['minimumFractionDigits', 'maximumFractionDigits'] as const;

/**
 * i18next's own `number` format caches its Intl.NumberFormat by the language and every option of
 * the `t` call, the values among them: each new count made a new formatter (~40 µs, a card's texts
 * took ~0.3 ms under load, issue 19) and kept it for good. This one caches by language and the
 * format's own options only, a handful of formatters in all.
 */
function cachedNumberFormat() {
  const formats = new Map<string, Intl.NumberFormat>();
  return (value: unknown, language: string | undefined, options: Record<string, unknown> = {}) => {
    const chosen: Intl.NumberFormatOptions = {};
    for (const name of NUMBER_FORMAT_OPTIONS) {
      const option = options[name];
      if (typeof option === 'number') chosen[name] = option;
    }
    const id = `${language ?? ''}\u0000${chosen.minimumFractionDigits}\u0000${chosen.maximumFractionDigits}`;
    let format = formats.get(id);
    if (!format) {
      format = new Intl.NumberFormat(language, chosen);
      formats.set(id, format);
    }
    return typeof value === 'number' ? format.format(value) : String(value);
  };
}

/** Texts kept per language before the memo starts over: far more than the catalog and its usual values. */
const MEMO_LIMIT = 5_000;

/** Marks a text value's place while its message is translated (a private-use character, never in a catalog). */
const SLOT = '\uE000';
const SLOTS = /\uE000([^\uE000]+)\uE000/g;

/**
 * The catalogs never change while the bot runs, so a message's text is made once and kept. i18next
 * takes ~25 µs a call on a warm process and several times that on a busy one (it resolves the key,
 * picks the plural and interpolates each time), and a job's card asks for a dozen texts on every
 * edit: it was the bot's own largest cost under load (issue 19).
 *
 * Numbers pick plural forms and are formatted, so they are part of what is kept; text values (a job
 * id, a seed, a name) are not: the message is translated once with a slot for each of them and the
 * values are put in the slots after, so a new job's id does not make a new translation. A message
 * that changes a text value as it inserts it (none does today) leaves no slot, and is translated with
 * its values every time. A full memo is simply cleared: the texts come back on the next calls.
 */
function memoized(translate: (key: MessageKey, vars?: MessageVars) => string) {
  /** By key and numbers: the text with slots, or null when the message's text values cannot be slotted. */
  const texts = new Map<string, string | null>();
  return (key: MessageKey, vars?: MessageVars): string => {
    let id: string = key;
    let slotted: Record<string, string | number> | undefined;
    let slots = 0;
    if (vars !== undefined) {
      slotted = {};
      for (const [name, value] of Object.entries(vars)) {
        if (typeof value === 'string') {
          slotted[name] = `${SLOT}${name}${SLOT}`;
          id += `\u0000${name}`;
          slots++;
        } else {
          slotted[name] = value;
          id += `\u0000${name}=${value}`;
        }
      }
    }
    let text = texts.get(id);
    if (text === undefined) {
      const made = translate(key, slotted);
      const names = Object.keys(vars ?? {}).filter((name) => typeof vars?.[name] === 'string');
      text = names.every((name) => made.includes(`${SLOT}${name}${SLOT}`)) ? made : null;
      if (texts.size >= MEMO_LIMIT) texts.clear();
      texts.set(id, text);
    }
    if (text === null) return translate(key, vars);
    if (slots === 0) return text;
    // One pass with a function: a value is put in as it is, never read for slots or `$` patterns.
    return text.replace(SLOTS, (slot, name: string) => {
      const value = vars?.[name];
      return typeof value === 'string' ? value : slot;
    });
  };
}
