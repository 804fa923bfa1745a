const BAR_CELLS = 10;

/** `▰▰▰▱▱▱▱▱▱▱ 30%` */
export function progressBar(percent: number): string {
  const clamped = Math.max(0, Math.min(100, Math.floor(percent)));
  const filled = Math.floor(clamped / BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${clamped}%`;
}

/**
 * "about 40 s left", "about 3 min left"; past the expected time it promises nothing and says how long
 * the work has been going instead, so the line still changes while the member waits.
 */
export function timeLeftText(secondsLeft: number, elapsedSeconds: number): string {
  if (secondsLeft <= 0) return `longer than usual · ${durationText(elapsedSeconds)} so far`;
  if (secondsLeft < 60) return `about ${Math.max(5, Math.round(secondsLeft / 5) * 5)} s left`;
  return `about ${Math.round(secondsLeft / 60)} min left`;
}

/** "45 s", "2 min 5 s", "12 min". */
export function durationText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return minutes >= 10 || rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
