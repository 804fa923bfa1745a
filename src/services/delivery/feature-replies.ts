import type { APIEmbed } from 'discord.js';
import type { GuildSettings } from '../credits/index.js';
import type { Translator } from '../i18n/index.js';
import { COLOURS } from './style.js';

/** `/quota features`: which features that use members' likeness this server allows, in the admin's language. */

const LABELS = {
  photoAvatars: 'quota.features.photoAvatars',
  voiceCloning: 'quota.features.voiceCloning',
} as const satisfies Record<keyof GuildSettings['features'], string>;

export function renderFeatures(
  features: GuildSettings['features'],
  tr: Translator,
  before?: GuildSettings['features'],
): APIEmbed {
  const lines = (Object.keys(LABELS) as Array<keyof GuildSettings['features']>).map((feature) => {
    const vars = {
      feature: tr.t(LABELS[feature]),
      state: tr.t(features[feature] ? 'quota.features.on' : 'quota.features.off'),
    };
    return before && before[feature] !== features[feature]
      ? tr.t('quota.features.lineChanged', {
          ...vars,
          was: tr.t(before[feature] ? 'quota.features.wasOn' : 'quota.features.wasOff'),
        })
      : tr.t('quota.features.line', vars);
  });
  return {
    color: COLOURS.brand,
    title: tr.t(before ? 'quota.features.updatedTitle' : 'quota.features.title'),
    description: `${lines.join('\n')}\n\n${tr.t('quota.features.footnote')}`,
  };
}
