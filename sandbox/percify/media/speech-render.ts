import { runFfmpeg } from './ffmpeg.js';

/**
 * A real MP3 (libmp3lame is in the bundled ffmpeg) standing in for text-to-speech: a voiced tone at
 * the voice's pitch with a syllable-rate envelope, so it sounds like murmured speech and has the
 * estimated duration.
 */
export async function renderSpeech(
  outputFile: string,
  durationSeconds: number,
  pitchHz: number,
): Promise<void> {
  // No commas inside the expression: they would split the filter's arguments.
  const tone = `(0.55*sin(2*PI*(${pitchHz}+18*sin(2*PI*0.9*t))*t)+0.25*sin(4*PI*(${pitchHz}+18*sin(2*PI*0.9*t))*t))`;
  const syllables = '(0.5+0.5*sin(2*PI*3.6*t))';
  const voice = `${tone}*${syllables}*${syllables}*(0.6+0.4*sin(2*PI*0.45*t))`;
  await runFfmpeg([
    '-f',
    'lavfi',
    '-i',
    `aevalsrc=${voice}:s=22050:d=${durationSeconds}`,
    '-ac',
    '1',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    outputFile,
  ]);
}
