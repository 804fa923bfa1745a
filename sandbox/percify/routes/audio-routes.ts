import { ApiError, notFound } from '../api-error.js';
import { audioPrice, estimateSpeechSeconds, MAX_AUDIO_TEXT, SIM_USER_ID, VOICES } from '../catalog.js';
import { isoSeconds, newId } from '../ids.js';
import { runAudioJob } from '../jobs/audio-job.js';
import type { SimAudio } from '../types.js';
import { paginate, readPageQuery, requireObject, requireString } from '../validation.js';
import { ok, type Route, type RouteContext } from './route-types.js';

async function generateAudio({ state, body }: RouteContext) {
  const input = requireObject(await body());
  const rawText = input.text;
  if (typeof rawText === 'string' && rawText.trim().length > MAX_AUDIO_TEXT) {
    throw new ApiError(400, 'text_too_long', `Text must be at most ${MAX_AUDIO_TEXT} characters`, {
      maxLength: MAX_AUDIO_TEXT,
      length: rawText.trim().length,
    });
  }
  const text = requireString(input, 'text', { min: 1, max: MAX_AUDIO_TEXT });
  const voiceId = requireString(input, 'voiceId', { max: 200 });
  if (!VOICES.some((voice) => voice.id === voiceId)) throw notFound('voice_not_found', 'Voice', voiceId);
  const durationSeconds = estimateSpeechSeconds(text);
  const cost = audioPrice(durationSeconds);
  state.credits.reserve(
    cost,
    (available) =>
      new ApiError(
        402,
        'insufficient_credits',
        `Not enough credits. Required: ${cost}, Available: ${available}`,
        {
          required: cost,
          available,
          shortfall: cost - available,
        },
      ),
  );
  const audio: SimAudio = {
    id: newId('audio'),
    userId: SIM_USER_ID,
    voiceId,
    text,
    status: 'processing',
    durationSeconds,
    format: 'mp3',
    creditCost: cost,
    createdAt: isoSeconds(state.now()),
  };
  state.audios.set(audio.id, audio);
  runAudioJob(state, audio);
  return ok(structuredClone(audio));
}

function getAudio({ state, params }: RouteContext) {
  const audio = state.audios.get(params.id ?? '');
  if (!audio) throw notFound('audio_not_found', 'Audio', params.id ?? '');
  return ok(audio);
}

function listAudio({ state, query }: RouteContext) {
  const { items, pagination } = paginate([...state.audios.values()].reverse(), readPageQuery(query));
  return ok({ audio: items, pagination });
}

function listVoices() {
  return ok({
    voices: VOICES.map(({ id, name, type, language }) => ({ id, name, type, language, status: 'completed' })),
  });
}

function creditBalance({ state }: RouteContext) {
  return ok({
    balance: state.credits.balance,
    reserved: state.credits.reserved,
    available: state.credits.available,
    lifetime: { spent: state.credits.spent },
    tier: state.plan,
  });
}

export const audioRoutes: Route[] = [
  { method: 'POST', path: '/audio/generate', handler: generateAudio },
  { method: 'GET', path: '/audio', handler: listAudio },
  { method: 'GET', path: '/audio/:id', handler: getAudio },
  { method: 'GET', path: '/voices', handler: listVoices },
];

export const accountRoutes: Route[] = [
  { method: 'GET', path: '/user/credits/balance', handler: creditBalance },
  { method: 'GET', path: '/credits/balance', handler: creditBalance },
];
