/** Colours and small formatting helpers shared by every reply the bot renders. */
export const COLOURS = {
  brand: 0x7c5cff,
  working: 0xfaa61a,
  success: 0x3ba55d,
  failure: 0xed4245,
  neutral: 0x4f545c,
} as const;

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

export function credits(count: number): string {
  return plural(count, 'credit');
}

/** Cuts text to a length Discord accepts, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Quotes a member's text in a block, so markdown in a prompt cannot restyle the embed. */
export function quote(text: string, max = 1000): string {
  const safe = clip(text.replace(/```/g, 'ʼʼʼ'), max);
  return safe
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Discord's relative timestamp, e.g. "in 3 hours", shown in each member's own time zone. */
export function relativeTime(epochMs: number): string {
  return `<t:${Math.floor(epochMs / 1000)}:R>`;
}
