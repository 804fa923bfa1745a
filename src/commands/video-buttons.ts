import {
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import type { VideoJob } from '../services/jobs/job-record.js';
import type { VoiceChoice } from '../services/voices/catalog.js';
import { forMember, type Translator } from '../services/i18n/index.js';
import {
  nearestSpokenLanguage,
  spokenLanguage,
  spokenLanguageChoices,
} from '../services/i18n/spoken-languages.js';
import { chooseSpokenLanguage } from './spoken-language.js';
import { SPEECH_MAX } from './data/animate.js';
import { DEFAULT_VOICE, resolveVideoParams, startVideoJob } from './animate-job.js';
import { enforceJobPolicy } from './job-policy.js';
import { ownedJob } from './owned-job.js';
import { startOnce } from './one-click.js';
import type { ComponentHandlers, GuildComponentInteraction } from './types.js';

/** The buttons under a finished video. State comes from the job record, so they outlive restarts. */

async function ownedVideoJob(
  interaction: GuildComponentInteraction,
  jobId: string,
  ctx: BotContext,
): Promise<VideoJob> {
  const job = await ownedJob(interaction, jobId, ctx);
  if (job.kind !== 'video' || !job.video) {
    throw new UserError({ key: 'video.gone' }, 'unknown-job');
  }
  return job;
}

/**
 * A modal with a paragraph for the line, a select of voices and one of languages (Discord's label
 * components), in the member's language: only they see it. Discord's select holds 25 of Percify's 29
 * languages; the member's nearest comes first and is chosen already.
 */
function voiceModal(
  jobId: string,
  voices: readonly VoiceChoice[],
  tr: Translator,
  locale: string,
): APIModalInteractionResponseCallbackData {
  const nearest = nearestSpokenLanguage(locale);
  return {
    custom_id: encodeCustomId('voicemodal', jobId),
    title: tr.t('voiceModal.title'),
    components: [
      {
        type: ComponentType.Label,
        label: tr.t('voiceModal.line'),
        component: {
          type: ComponentType.TextInput,
          custom_id: 'line',
          style: TextInputStyle.Paragraph,
          min_length: 1,
          max_length: SPEECH_MAX,
          required: true,
        },
      },
      {
        type: ComponentType.Label,
        label: tr.t('voiceModal.voice'),
        component: {
          type: ComponentType.StringSelect,
          custom_id: 'voice',
          required: false,
          placeholder: tr.t('voiceModal.narrator'),
          options: voices.slice(0, 25).map((voice) => ({ label: voice.name.slice(0, 100), value: voice.id })),
        },
      },
      {
        type: ComponentType.Label,
        label: tr.t('voiceModal.language'),
        component: {
          type: ComponentType.StringSelect,
          custom_id: 'language',
          required: false,
          options: spokenLanguageChoices('', locale).map((choice) => ({
            label: choice.name.slice(0, 100),
            value: choice.value,
            default: choice.value === nearest,
          })),
        },
      },
    ],
  };
}

/** A select's first value; undefined when the form had no such field (one opened before it existed). */
function selected(interaction: ModalSubmitInteraction, customId: string): string | undefined {
  try {
    return interaction.fields.getStringSelectValues(customId)[0];
  } catch {
    return undefined;
  }
}

export const videoButtonHandlers: ComponentHandlers = {
  async voice(interaction, { jobId }, ctx) {
    await ownedVideoJob(interaction, jobId, ctx);
    // Refused here, before the member writes a line that could not be used.
    await enforceJobPolicy(interaction, ctx, { kind: 'video' });
    const tr = forMember(ctx.i18n, interaction);
    const voices = await ctx.voices.list(interaction.user.id, tr);
    await interaction.showModal(voiceModal(jobId, voices, tr, interaction.locale));
  },

  async voicemodal(interaction, { jobId }, ctx) {
    const job = await ownedVideoJob(interaction, jobId, ctx);
    const chosen = selected(interaction, 'voice');
    const language = chooseSpokenLanguage(selected(interaction, 'language'), interaction.locale);
    const settings = await ctx.settings.get(interaction.guildId);
    const params = resolveVideoParams(
      {
        ...job.params,
        speech: interaction.fields.getTextInputValue('line'),
        voiceId: chosen ?? DEFAULT_VOICE,
        language,
        existingVideoId: job.video?.videoId,
      },
      settings,
    );
    // The form was opened by 🔊 Add voice on the video: that button is what greys out.
    await startOnce(interaction, ctx, [encodeCustomId('voice', jobId)], () =>
      startVideoJob(interaction, ctx, params),
    );
  },

  async rerender(interaction, { jobId }, ctx) {
    const job = await ownedVideoJob(interaction, jobId, ctx);
    const settings = await ctx.settings.get(interaction.guildId);
    const { speech, existingVideoId: _existing, ...rest } = job.params;
    const params = resolveVideoParams(
      {
        ...rest,
        speech: speech?.text,
        voiceId: speech?.voiceId,
        language: speech?.language ? spokenLanguage(speech.language) : undefined,
        existingVideoId: undefined,
      },
      settings,
    );
    await startOnce(interaction, ctx, [interaction.customId], () => startVideoJob(interaction, ctx, params));
  },
};
