/**
 * Prompt blocklist matching. Members will try to slip past a list with odd spacing and invisible
 * characters, so both the text and the phrases are normalised the same way before comparing:
 * NFKC (folds full-width letters and exotic spaces such as U+2003 into plain ones), zero-width and
 * soft-hyphen characters removed, lower-cased, and split into words. A phrase matches when its words
 * appear consecutively as whole words: "cat" blocks "a Cat!" but not "category".
 */

const INVISIBLE = /[\u200B-\u200D\uFEFF\u2060\u00AD]/g;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function normaliseForMatching(text: string): string[] {
  const folded = text.normalize('NFKC').replace(INVISIBLE, '').toLocaleLowerCase('en-US');
  return folded.match(WORD) ?? [];
}

/** The first blocklist entry (as the admin wrote it) found in `text`, or undefined. */
export function findBlockedPhrase(
  settings: { blocklist: readonly string[] },
  text: string,
): string | undefined {
  const words = normaliseForMatching(text);
  if (words.length === 0) return undefined;
  for (const phrase of settings.blocklist) {
    const needle = normaliseForMatching(phrase);
    if (needle.length > 0 && containsSequence(words, needle)) return phrase;
  }
  return undefined;
}

function containsSequence(words: readonly string[], needle: readonly string[]): boolean {
  for (let start = 0; start + needle.length <= words.length; start += 1) {
    if (needle.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
