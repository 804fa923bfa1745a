import type { Translator } from '../i18n/index.js';

const BAR_CELLS = 10;

/** `▰▰▰▱▱▱▱▱▱▱ 30%` */
export function progressBar(percent: number): string {
  const clamped = Math.max(0, Math.min(100, Math.floor(percent)));
  const filled = Math.floor(clamped / BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${clamped}%`;
}

/**
 * "about 40 s left", "about 3 min left"; past the expected time it promises nothing and says how long
 * the work has been going instead, so the line still changes while the member waits. In the reader's
 * language (`tr`).
 */
export function timeLeftText(secondsLeft: number, elapsedSeconds: number, tr: Translator): string {
  if (secondsLeft <= 0) return tr.t('avatar.progress.overdue', { elapsed: durationText(elapsedSeconds, tr) });
  if (secondsLeft < 60) {
    return tr.t('avatar.progress.secondsLeft', { n: Math.max(5, Math.round(secondsLeft / 5) * 5) });
  }
  return tr.t('avatar.progress.minutesLeft', { n: Math.round(secondsLeft / 60) });
}

/** "45 s", "2 min 5 s", "12 min". */
export function durationText(seconds: number, tr: Translator): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return tr.t('avatar.progress.seconds', { n: whole });
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return minutes >= 10 || rest === 0
    ? tr.t('avatar.progress.minutes', { n: minutes })
    : tr.t('avatar.progress.minutesSeconds', { minutes, seconds: rest });
}
