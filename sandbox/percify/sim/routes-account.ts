import type { Route } from './server.js';
import type { SimContext } from './types.js';

/** Preset voices from the docs plus one cloned voice so clone ids can be exercised. */
export const VOICES = [
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
  { id: 'voice_sandbox01', name: 'Sandbox Narrator', type: 'cloned', language: 'en', status: 'completed' },
] as const;

export function accountRoutes(context: SimContext): Route[] {
  const balance = (): { status: number; body: unknown } => ({
    status: 200,
    body: {
      balance: context.account.credits,
      reserved: context.account.reserved,
      lifetime: { spent: context.account.spent },
      tier: context.plan,
    },
  });
  return [
    { method: 'GET', pattern: /^\/v1\/user\/credits\/balance$/, handle: balance },
    { method: 'GET', pattern: /^\/v1\/credits\/balance$/, handle: balance },
    { method: 'GET', pattern: /^\/v1\/voices$/, handle: () => ({ status: 200, body: { voices: VOICES } }) },
  ];
}
