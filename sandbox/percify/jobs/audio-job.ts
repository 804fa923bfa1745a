import { stat } from 'node:fs/promises';
import { AUDIO_SECONDS, VOICES } from '../catalog.js';
import { isoSeconds } from '../ids.js';
import { renderSpeech } from '../media/speech-render.js';
import type { SimState } from '../sim-state.js';
import type { SimAudio } from '../types.js';

export const audioPath = (id: string) => `/media/audio/${id}.mp3`;

/** Text-to-speech jobs do not take plan slots (the plan table counts avatars and videos). */
export function runAudioJob(state: SimState, audio: SimAudio): void {
  audio.status = 'processing';
  void processAudio(state, audio).catch((error: unknown) => {
    state.logger.warn({ err: error, audioId: audio.id }, 'speech render failed');
    if (audio.status !== 'processing') return;
    audio.status = 'failed';
    audio.error = { code: 'processing_error', message: 'Speech generation failed' };
    state.credits.release(audio.creditCost);
  });
}

async function processAudio(state: SimState, audio: SimAudio): Promise<void> {
  const file = state.media.filePath(`${audio.id}.mp3`);
  const pitch = VOICES.find((voice) => voice.id === audio.voiceId)?.pitchHz ?? 150;
  await Promise.all([state.processingDelay(AUDIO_SECONDS), renderSpeech(file, audio.durationSeconds, pitch)]);
  await stat(file);
  if (state.isClosed) return;
  state.audioFiles.set(audio.id, file);
  state.media.publish(audioPath(audio.id), file);
  audio.status = 'completed';
  audio.audioUrl = state.mediaUrl(audioPath(audio.id));
  audio.completedAt = isoSeconds(state.now());
  state.credits.capture(audio.creditCost);
  state.webhooks.emit('audio.completed', {
    audioId: audio.id,
    userId: audio.userId,
    voiceId: audio.voiceId,
    status: 'completed',
    audioUrl: audio.audioUrl,
    durationSeconds: audio.durationSeconds,
    creditCost: audio.creditCost,
  });
}
