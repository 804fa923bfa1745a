import { insufficientCredits } from './account.js';
import { checkSampleFile, checkSampleLength, measureSeconds, sampleContentType } from './audio-sample.js';
import { ApiError } from './errors.js';
import { formFile, formText, requiredFormText } from './form-fields.js';
import { isoSeconds, newId } from './ids.js';
import { SUPPORTED_LANGUAGES, supportedLanguage } from './languages.js';
import { requireForm, type UploadForm } from './multipart.js';
import type { Route, RouteAnswer, RouteRequest } from './server.js';
import { USER_ID, type SimContext, type SimVoice } from './types.js';
import { publicCopy } from './validate.js';
import { CLONE_PRICE, findVoice, isPreset, PRESET_VOICES, voiceNotFound } from './voices.js';

/** Unspecified in the docs; the voice's own language when none is given. */
const DEFAULT_LANGUAGE = 'en-US';
const samplePath = (voice: SimVoice, extension: string): string => `/media/voices/${voice.id}.${extension}`;

/** Docs §5: clone from a sample (multipart), list, get and delete voices. */
export function voiceRoutes(context: SimContext): Route[] {
  return [
    { method: 'POST', pattern: /^\/v1\/voices\/clone$/, handle: (request) => clone(context, request) },
    {
      method: 'GET',
      pattern: /^\/v1\/voices$/,
      // Presets first, then the account's clones: the list a voice picker shows.
      handle: () => ({
        status: 200,
        body: { voices: [...PRESET_VOICES, ...[...context.voices.values()].map(publicCopy)] },
      }),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/voices\/([^/]+)$/,
      handle: ({ params }) => ({ status: 200, body: publicCopy(findVoice(context, params[0] ?? '')) }),
    },
    {
      method: 'DELETE',
      pattern: /^\/v1\/voices\/([^/]+)$/,
      handle: ({ params }) => remove(context, params[0] ?? ''),
    },
  ];
}

function language(form: UploadForm): string {
  const tag = formText(form, 'language', 35);
  if (tag === undefined) return DEFAULT_LANGUAGE;
  const known = supportedLanguage(tag);
  if (!known) {
    throw new ApiError(400, 'unsupported_language', `Language not supported: ${tag}`, {
      field: 'language',
      language: tag,
      supported: [...SUPPORTED_LANGUAGES],
    });
  }
  return known;
}

async function clone(context: SimContext, request: RouteRequest): Promise<RouteAnswer> {
  const form = requireForm(request.form);
  // CONTRADICTION in the docs (§5.2): the prose says `audio`, the OpenAPI file `audioFile`. Both work.
  const sample = formFile(form, ['audio', 'audioFile']);
  const name = requiredFormText(form, 'name', 100);
  const description = formText(form, 'description', 500);
  const voiceLanguage = language(form);
  const format = checkSampleFile(sample.bytes);
  // Held before the costly measurement, released if the sample is refused.
  context.account.reserve(CLONE_PRICE, (available) => insufficientCredits(CLONE_PRICE, available));
  let sampleDuration: number;
  try {
    sampleDuration = await measureSeconds(sample.bytes, format);
    checkSampleLength(sampleDuration);
  } catch (error) {
    context.account.release(CLONE_PRICE);
    throw error;
  }
  const voice: SimVoice = {
    id: newId('voice'),
    userId: USER_ID,
    name,
    ...(description === undefined ? {} : { description }),
    language: voiceLanguage,
    type: 'cloned',
    // The docs' example answers `completed` at once and also send `voice.cloned`: the simulator does both.
    status: 'completed',
    sampleUrl: null,
    sampleDuration,
    quality: 'high',
    creditCost: CLONE_PRICE,
    metadata: { pitch: 'medium', pace: 'normal', emotion: 'neutral' },
    createdAt: isoSeconds(context.now()),
  };
  const path = samplePath(voice, format);
  context.media.put(path, { bytes: sample.bytes, contentType: sampleContentType(format) });
  voice.sampleUrl = `${context.origin}${path}`;
  context.voices.set(voice.id, voice);
  context.account.commit(CLONE_PRICE, { type: 'voice', id: voice.id });
  context.webhooks.emit('voice.cloned', {
    voiceId: voice.id,
    userId: voice.userId,
    name: voice.name,
    language: voice.language,
    status: 'completed',
    creditCost: voice.creditCost,
  });
  return { status: 200, body: publicCopy(voice) };
}

function remove(context: SimContext, voiceId: string): RouteAnswer {
  if (isPreset(voiceId)) {
    throw new ApiError(400, 'invalid_request', `Preset voices cannot be deleted: ${voiceId}`, {
      field: 'voiceId',
    });
  }
  const voice = context.voices.get(voiceId);
  if (!voice) throw voiceNotFound(voiceId);
  context.voices.delete(voiceId);
  if (voice.sampleUrl !== null) context.media.delete(new URL(voice.sampleUrl).pathname);
  return { status: 200, body: { success: true } };
}
