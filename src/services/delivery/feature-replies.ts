import type { APIEmbed } from 'discord.js';
import type { GuildSettings } from '../credits/index.js';
import { COLOURS } from './style.js';

/** `/quota features`: which features that use members' likeness this server allows. */

const LABELS: Record<keyof GuildSettings['features'], string> = {
  photoAvatars: '📸 Photo avatars (`/avatar photo:`)',
  voiceCloning: '🎙 Voice cloning (`/voice clone`)',
};

export function renderFeatures(
  features: GuildSettings['features'],
  before?: GuildSettings['features'],
): APIEmbed {
  const lines = (Object.keys(LABELS) as Array<keyof GuildSettings['features']>).map((feature) => {
    const now = features[feature] ? '**on**' : '**off**';
    const was =
      before && before[feature] !== features[feature] ? ` (was ${before[feature] ? 'on' : 'off'})` : '';
    return `${LABELS[feature]}: ${now}${was}`;
  });
  return {
    color: COLOURS.brand,
    title: before ? 'Features updated' : 'Features',
    description: `${lines.join('\n')}\n\nBoth follow the channel list, the blocklist, the limits and the credits like every job.`,
  };
}
