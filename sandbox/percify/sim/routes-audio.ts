import { insufficientCredits } from './account.js';
import { ApiError, notFound } from './errors.js';
import { isoSeconds, newId } from './ids.js';
import { SUPPORTED_LANGUAGES, supportedLanguage, type Language } from './languages.js';
import { renderSpeechMp3 } from './media-video.js';
import type { Route, RouteAnswer } from './server.js';
import { scaled, USER_ID, type SimAudio, type SimContext } from './types.js';
import { asBody, publicCopy } from './validate.js';
import { findVoice } from './voices.js';

const WORDS_PER_SECOND = 2.6;
/** Documented 2-5 s; the middle. */
const PROCESSING_SECONDS = 3.5;

/** Spoken length estimated from the word count, one decimal, at least 1 s. */
export function speechSeconds(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round((words / WORDS_PER_SECOND) * 10) / 10);
}
export const audioPrice = (durationSeconds: number): number => 5 + Math.round(durationSeconds);

/**
 * `language` is optional (the docs say Percify detects it from the text); when given it must be one
 * of the 29 codes of §6.4, compared without case, else `unsupported_language` as for a clone.
 */
function spokenLanguage(raw: unknown): Language | undefined {
  if (raw === undefined) return undefined;
  const known = typeof raw === 'string' ? supportedLanguage(raw) : undefined;
  if (!known) {
    throw new ApiError(400, 'unsupported_language', `Language not supported: ${String(raw)}`, {
      field: 'language',
      language: raw,
      supported: [...SUPPORTED_LANGUAGES],
    });
  }
  return known;
}

export function audioRoutes(context: SimContext): Route[] {
  return [
    { method: 'POST', pattern: /^\/v1\/audio\/generate$/, handle: ({ body }) => generate(context, body) },
    {
      method: 'GET',
      pattern: /^\/v1\/audio\/([^/]+)$/,
      handle: ({ params }) => {
        const audio = context.audios.get(params[0] ?? '');
        if (!audio) throw notFound('audio_not_found', 'Audio', params[0] ?? '');
        return { status: 200, body: publicCopy(audio) };
      },
    },
  ];
}

function generate(context: SimContext, raw: unknown): RouteAnswer {
  const body = asBody(raw);
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (text.length < 1 || text.length > 5000) {
    throw new ApiError(400, 'text_too_long', 'Text must be 1-5000 characters', { field: 'text', max: 5000 });
  }
  const language = spokenLanguage(body.language);
  const voiceId = typeof body.voiceId === 'string' ? body.voiceId : '';
  findVoice(context, voiceId); // a preset or a clone not deleted; else voice_not_found
  const durationSeconds = speechSeconds(text);
  const creditCost = audioPrice(durationSeconds);
  context.account.reserve(creditCost, (available) => insufficientCredits(creditCost, available));
  const audio: SimAudio = {
    id: newId('audio'),
    userId: USER_ID,
    voiceId,
    text,
    ...(language ? { language } : {}),
    status: 'processing',
    audioUrl: null,
    durationSeconds,
    format: 'mp3',
    creditCost,
    createdAt: isoSeconds(context.now()),
    completedAt: null,
  };
  context.audios.set(audio.id, audio);
  // TTS does not take a video plan slot: it runs on its own timer.
  const timer = setTimeout(() => void finish(context, audio), scaled(context, PROCESSING_SECONDS));
  timer.unref();
  return { status: 200, body: publicCopy(audio) };
}

async function finish(context: SimContext, audio: SimAudio): Promise<void> {
  try {
    const bytes = await renderSpeechMp3(audio.durationSeconds, audio.text.length);
    const path = `/media/audio/${audio.id}.mp3`;
    context.media.put(path, { bytes, contentType: 'audio/mpeg' });
    context.account.commit(audio.creditCost, { type: 'audio', id: audio.id });
    audio.status = 'completed';
    audio.audioUrl = `${context.origin}${path}`;
    audio.completedAt = isoSeconds(context.now());
    context.webhooks.emit('audio.completed', {
      audioId: audio.id,
      userId: audio.userId,
      voiceId: audio.voiceId,
      status: 'completed',
      audioUrl: audio.audioUrl,
      durationSeconds: audio.durationSeconds,
      creditCost: audio.creditCost,
    });
  } catch (error) {
    context.logger.warn({ err: error, audioId: audio.id }, 'audio render failed');
    context.account.release(audio.creditCost);
    audio.status = 'failed';
    audio.error = { code: 'processing_error', message: 'Speech synthesis failed' };
    audio.completedAt = isoSeconds(context.now());
  }
}
