import { ApiError } from './errors.js';
import { USER_ID, type SimContext, type SimVoice } from './types.js';

/** The preset voices of docs §6.5: no cloning needed, never deletable. */
export const PRESET_VOICES = [
  {
    id: 'preset-professional-male',
    name: 'Professional Male',
    type: 'preset',
    language: 'en',
    gender: 'male',
  },
  {
    id: 'preset-professional-female',
    name: 'Professional Female',
    type: 'preset',
    language: 'en',
    gender: 'female',
  },
  { id: 'preset-friendly-male', name: 'Friendly Male', type: 'preset', language: 'en', gender: 'male' },
  { id: 'preset-friendly-female', name: 'Friendly Female', type: 'preset', language: 'en', gender: 'female' },
  { id: 'preset-narrator', name: 'Narrator', type: 'preset', language: 'en', gender: 'neutral' },
] as const;

export const CLONE_PRICE = 5;

/** The account starts with one clone, so a client can use a `voice_…` id before cloning any. */
export function seedVoice(createdAt: string): SimVoice {
  return {
    id: 'voice_sandbox01',
    userId: USER_ID,
    name: 'Sandbox Narrator',
    language: 'en-US',
    type: 'cloned',
    status: 'completed',
    sampleUrl: null,
    sampleDuration: 30,
    quality: 'high',
    creditCost: CLONE_PRICE,
    metadata: { pitch: 'medium', pace: 'normal', emotion: 'neutral' },
    createdAt,
  };
}

export const voiceNotFound = (voiceId: string): ApiError =>
  new ApiError(404, 'voice_not_found', `Voice not found: ${voiceId}`, { voiceId });

export const isPreset = (voiceId: string): boolean => PRESET_VOICES.some((voice) => voice.id === voiceId);

/** A preset or a clone that still exists; a deleted clone is `voice_not_found` like an unknown id. */
export function findVoice(context: SimContext, voiceId: string): (typeof PRESET_VOICES)[number] | SimVoice {
  const voice = PRESET_VOICES.find((preset) => preset.id === voiceId) ?? context.voices.get(voiceId);
  if (!voice) throw voiceNotFound(voiceId);
  return voice;
}
