const BAR_CELLS = 10;

/** `▰▰▰▱▱▱▱▱▱▱ 30%` */
export function progressBar(percent: number): string {
  const clamped = Math.max(0, Math.min(100, Math.floor(percent)));
  const filled = Math.floor(clamped / BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${clamped}%`;
}

/** "about 40 s left", "about 3 min left"; past the usual time, says so instead of counting below 0. */
export function timeLeftText(secondsLeft: number): string {
  if (secondsLeft <= 0) return 'taking a little longer than usual, almost there';
  if (secondsLeft < 60) return `about ${Math.max(5, Math.round(secondsLeft / 5) * 5)} s left`;
  return `about ${Math.round(secondsLeft / 60)} min left`;
}
