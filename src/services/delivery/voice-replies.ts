import type { APIEmbed } from 'discord.js';
import { COLOURS, clip, relativeTime } from './style.js';

/** The private answers of `/voice`: a clone at work, done or failed, and a member's list. */

/** Sent as an interaction answer or edit: embeds only, no buttons left. */
export interface PrivateAnswer {
  embeds: APIEmbed[];
  components: [];
}

export function renderCloning(name: string): PrivateAnswer {
  return {
    embeds: [
      {
        color: COLOURS.working,
        title: `🎙 Cloning “${clip(name, 100)}”…`,
        description: 'Usually under a minute.',
      },
    ],
    components: [],
  };
}

export function renderCloneDone(name: string): PrivateAnswer {
  return {
    embeds: [
      {
        color: COLOURS.success,
        title: `✅ Your voice “${clip(name, 100)}” is ready`,
        description:
          'Pick it in `/animate`’s voice option or under 🔊 Add voice on a video: it is listed first, and only for you. `/voice delete` removes it.',
      },
    ],
    components: [],
  };
}

export function renderCloneFailed(name: string, reason: string): PrivateAnswer {
  return {
    embeds: [
      {
        color: COLOURS.failure,
        title: `❌ Could not clone “${clip(name, 100)}”`,
        description: `${reason}\n\n**Nothing was charged.**`,
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

export function renderVoiceList(voices: readonly VoiceListEntry[]): APIEmbed {
  if (voices.length === 0) {
    return {
      color: COLOURS.neutral,
      title: '🎙 Your voices',
      description: 'You have not cloned a voice yet. Record 30–60 s of yourself and use `/voice clone`.',
    };
  }
  return {
    color: COLOURS.brand,
    title: '🎙 Your voices',
    description: clip(
      voices
        .map(
          (voice) =>
            `**${voice.name}** · \`${voice.id}\` · ${voice.sampleSeconds.toFixed(0)} s sample · ${relativeTime(voice.createdAt)}`,
        )
        .join('\n'),
      4000,
    ),
    footer: { text: 'Only you see these. /voice delete removes one, here and at Percify.' },
  };
}
