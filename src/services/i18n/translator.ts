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
  const formatNumber = cachedNumberFormat();
  instance.services.formatter?.add('number', formatNumber);
  const translators = new Map<Language, Translator>(
    LANGUAGES.map((language) => [
      language,
      makeTranslator(
        language,
        instance.getFixedT(language),
        (options.memo ?? true) ? formatNumber : undefined,
      ),
    ]),
  );
  const translator = (locale: string | null | undefined): Translator =>
    translators.get(languageOf(locale)) ?? (translators.get(DEFAULT_LANGUAGE) as Translator);
  return { translator, t: (locale, key, vars) => translator(locale).t(key, vars) };
}

/** `formatNumber` given: texts are kept (see `memoized`); absent, every call goes to i18next. */
function makeTranslator(language: Language, fixed: TFunction, formatNumber?: NumberFormatter): Translator {
  const numbers = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const direct = (key: MessageKey, vars?: MessageVars): string => fixed(key, { ...vars });
  const t = formatNumber ? memoized(language, fixed, formatNumber) : direct;
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
type NumberFormatter = (
  value: unknown,
  language: string | undefined,
  options?: Record<string, unknown>,
) => string;

function cachedNumberFormat(): NumberFormatter {
  const formats = new Map<string, Intl.NumberFormat>();
  return (value, language, options = {}) => {
    const chosen: Intl.NumberFormatOptions = {};
    for (const name of NUMBER_FORMAT_OPTIONS) {
      const option = options[name];
      if (typeof option === 'number') chosen[name] = option;
    }
    // A value's slot (see `memoized`) comes back as a slot that says how to format it.
    if (typeof value === 'string' && value.startsWith(SLOT)) {
      return `${FORMATTED}${value.slice(1, -1)}|${chosen.minimumFractionDigits ?? ''}|${chosen.maximumFractionDigits ?? ''}${FORMATTED}`;
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

/** Texts kept per language before the memo starts over: far more than the catalog's messages. */
const MEMO_LIMIT = 5_000;

/**
 * Where a value goes in a kept text (private-use characters, never in a catalog): `SLOT name SLOT`
 * as i18next would insert it, `FORMATTED name|min|max FORMATTED` where it formats it as a number.
 */
const SLOT = '\uE000';
const FORMATTED = '\uE001';
const SLOTS = /\uE000([^\uE000]*)\uE000|\uE001([^\uE001]*)\uE001/g;

/**
 * The catalogs never change while the bot runs, so each message is translated once and kept, with
 * a slot where each value goes. i18next takes ~25 µs a call on a warm process and several times that
 * on a busy one (it resolves the key, picks the plural and interpolates each time), and a job's card
 * asks for a dozen texts whose values are new for every job (its id, its seed, its place in line,
 * the balance left): it was the bot's own largest cost under load (issue 19).
 *
 * A text is kept by its key, its values' names and, for `count`, the plural form that count picks
 * (i18next gets the real count to choose the form, and the slots to interpolate). Values are then
 * put in the slots as i18next would: as they are, or through the same number format. Catalogs
 * format values only as numbers (a catalog test), so no other transformation can lose a slot.
 */
function memoized(language: Language, fixed: TFunction, formatNumber: NumberFormatter) {
  const plurals = new Intl.PluralRules(language);
  const texts = new Map<string, string>();
  return (key: MessageKey, vars?: MessageVars): string => {
    if (vars === undefined) {
      let text = texts.get(key);
      if (text === undefined) {
        text = fixed(key);
        if (texts.size >= MEMO_LIMIT) texts.clear();
        texts.set(key, text);
      }
      return text;
    }
    const count = vars.count;
    let id = `${key}\u0000${typeof count === 'number' ? (count === 0 ? '=0' : plurals.select(count)) : typeof count}`;
    const slots: Record<string, string> = {};
    for (const name of Object.keys(vars)) {
      slots[name] = `${SLOT}${name}${SLOT}`;
      id += `\u0000${name}`;
    }
    let text = texts.get(id);
    if (text === undefined) {
      text = fixed(key, { ...(count === undefined ? {} : { count }), replace: slots });
      if (texts.size >= MEMO_LIMIT) texts.clear();
      texts.set(id, text);
    }
    // One pass with a function: a value is put in as it is, never read for slots or `$` patterns.
    return text.replace(SLOTS, (slot, name: string | undefined, formatted: string | undefined) => {
      if (name !== undefined) return name in vars ? valueText(vars[name]) : slot;
      const [numberName = '', min = '', max = ''] = (formatted ?? '').split('|');
      if (!(numberName in vars)) return slot;
      const value = vars[numberName];
      if (value === undefined) return '';
      return formatNumber(value, language, {
        ...(min ? { minimumFractionDigits: Number(min) } : {}),
        ...(max ? { maximumFractionDigits: Number(max) } : {}),
      });
    });
  };
}

/** A value as i18next writes it into a text. */
function valueText(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}
