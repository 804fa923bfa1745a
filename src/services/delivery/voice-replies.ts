import type { APIEmbed } from 'discord.js';
import type { Translator } from '../i18n/index.js';
import { COLOURS, clip, relativeTime } from './style.js';

/**
 * The private answers of `/voice`: a clone at work, done or failed, and a member's list. Only the
 * member reads them, so `tr` is theirs (`forMember`); the voice's name is theirs as they wrote it.
 */

/** Sent as an interaction answer or edit: embeds only, no buttons left. */
export interface PrivateAnswer {
  embeds: APIEmbed[];
  components: [];
}

export function renderCloning(name: string, tr: Translator): PrivateAnswer {
  return {
    embeds: [
      {
        color: COLOURS.working,
        title: tr.t('animate.voice.cloningTitle', { name: clip(name, 100) }),
        description: tr.t('animate.voice.cloningBody'),
      },
    ],
    components: [],
  };
}

export function renderCloneDone(name: string, tr: Translator): PrivateAnswer {
  return {
    embeds: [
      {
        color: COLOURS.success,
        title: tr.t('animate.voice.doneTitle', { name: clip(name, 100) }),
        description: tr.t('animate.voice.doneBody'),
      },
    ],
    components: [],
  };
}

/** `reason` is in the reader's language already. */
export function renderCloneFailed(name: string, reason: string, tr: Translator): PrivateAnswer {
  return {
    embeds: [
      {
        color: COLOURS.failure,
        title: tr.t('animate.voice.failedTitle', { name: clip(name, 100) }),
        description: tr.t('animate.voice.failedBody', { reason: clip(reason, 3000) }),
      },
    ],
    components: [],
  };
}

export interface VoiceListEntry {
  id: string;
  name: string;
  sampleSeconds: number;
  createdAt: number;
}

export function renderVoiceList(voices: readonly VoiceListEntry[], tr: Translator): APIEmbed {
  if (voices.length === 0) {
    return {
      color: COLOURS.neutral,
      title: tr.t('animate.voice.listTitle'),
      description: tr.t('animate.voice.listEmpty'),
    };
  }
  return {
    color: COLOURS.brand,
    title: tr.t('animate.voice.listTitle'),
    description: clip(
      voices
        .map((voice) =>
          tr.t('animate.voice.listEntry', {
            name: voice.name,
            id: voice.id,
            length: tr.seconds(Math.round(voice.sampleSeconds)),
            when: relativeTime(voice.createdAt),
          }),
        )
        .join('\n'),
      4000,
    ),
    footer: { text: tr.t('animate.voice.listFooter') },
  };
}
