import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import type { VideoJob } from '../services/jobs/job-record.js';
import type { VoiceChoice } from '../services/voices/catalog.js';
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
    throw new UserError(
      'This video is no longer available. Run `/animate` to make a new one.',
      'unknown-job',
    );
  }
  return job;
}

/** A modal with a paragraph for the line and a select of voices (Discord's label components). */
function voiceModal(jobId: string, voices: readonly VoiceChoice[]): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeCustomId('voicemodal', jobId),
    title: 'Add a voice',
    components: [
      {
        type: ComponentType.Label,
        label: 'What should the avatar say?',
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
        label: 'Voice',
        component: {
          type: ComponentType.StringSelect,
          custom_id: 'voice',
          required: false,
          placeholder: 'Narrator',
          options: voices.slice(0, 25).map((voice) => ({ label: voice.name.slice(0, 100), value: voice.id })),
        },
      },
    ],
  };
}

export const videoButtonHandlers: ComponentHandlers = {
  async voice(interaction, { jobId }, ctx) {
    await ownedVideoJob(interaction, jobId, ctx);
    // Refused here, before the member writes a line that could not be used.
    await enforceJobPolicy(interaction, ctx, { kind: 'video' });
    await interaction.showModal(voiceModal(jobId, await ctx.voices.list(interaction.user.id)));
  },

  async voicemodal(interaction, { jobId }, ctx) {
    const job = await ownedVideoJob(interaction, jobId, ctx);
    const chosen = interaction.fields.getStringSelectValues('voice')[0];
    const settings = await ctx.settings.get(interaction.guildId);
    const params = resolveVideoParams(
      {
        ...job.params,
        speech: interaction.fields.getTextInputValue('line'),
        voiceId: chosen ?? DEFAULT_VOICE,
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
      { ...rest, speech: speech?.text, voiceId: speech?.voiceId, existingVideoId: undefined },
      settings,
    );
    await startOnce(interaction, ctx, [interaction.customId], () => startVideoJob(interaction, ctx, params));
  },
};
