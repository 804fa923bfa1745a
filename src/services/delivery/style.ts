/** Colours and small formatting helpers shared by every reply the bot renders. */
export const COLOURS = {
  brand: 0x7c5cff,
  working: 0xfaa61a,
  success: 0x3ba55d,
  failure: 0xed4245,
  neutral: 0x4f545c,
} as const;

/**
 * "a" or "an" before a number as it is read aloud: "an 8 s video", "an 11 s video", "an 18 s video",
 * "a 10 s video". Covers whole numbers; eighty and eight hundred start with "eight" too.
 */
export function articleFor(count: number): 'a' | 'an' {
  const digits = String(Math.trunc(Math.abs(count)));
  if (digits.startsWith('8')) return 'an';
  // 11 and 18, and 11,000 or 18,000 ("eleven thousand"), are read with a vowel first.
  const groupLead = digits.length % 3 === 2 ? digits.slice(0, 2) : '';
  return groupLead === '11' || groupLead === '18' ? 'an' : 'a';
}

/** Cuts text to a length Discord accepts, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Three ʼ (U+02BC): look like a code fence's backticks, but are not one. */
const MODIFIER_APOSTROPHES = String.fromCharCode(0x2bc).repeat(3);

/** Quotes a member's text in a block, so markdown in a prompt cannot restyle the embed. */
export function quote(text: string, max = 1000): string {
  const safe = clip(text.replace(/```/g, MODIFIER_APOSTROPHES), max);
  return safe
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Discord's relative timestamp, e.g. "in 3 hours", shown in each member's own time zone. */
export function relativeTime(epochMs: number): string {
  // Markup, not words: string parts keep the literal check from reading it as text.
  return '<t:' + String(Math.floor(epochMs / 1000)) + ':R>';
}
