import type { BotContext } from '../context.js';
import { forMember } from '../services/i18n/index.js';
import { animateCommandData } from './data/animate.js';
import { askToConfirm, confirmHandlers } from './animate-confirm.js';
import { findOwnedAvatar, quoteVideo, resolveVideoParams, startVideoJob } from './animate-job.js';
import { animatePanelHandlers } from './animate-panel.js';
import { checkJobPolicy } from './job-policy.js';
import { defineCommand } from './kit/define-command.js';
import type { OptionsOf } from './kit/option-types.js';
import type { GuildAutocompleteInteraction, GuildCommandInteraction } from './types.js';
import { deleteResultHandler } from './owned-job.js';
import { videoButtonHandlers } from './video-buttons.js';
import { chooseSpokenLanguage, suggestSpokenLanguages } from './spoken-language.js';

/** Discord shows at most 25 suggestions, each name at most 100 characters. */
const MAX_CHOICES = 25;

function choiceName(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 99)}…`;
}

async function execute(
  interaction: GuildCommandInteraction,
  options: OptionsOf<typeof animateCommandData>,
  ctx: BotContext,
): Promise<void> {
  const avatar = await findOwnedAvatar(ctx, interaction.guildId, interaction.user.id, options.avatar);
  const settings = await ctx.settings.get(interaction.guildId);
  checkJobPolicy(settings, interaction.channelId, { kind: 'video' });
  const params = resolveVideoParams(
    {
      avatarId: avatar.avatarId,
      avatarPrompt: avatar.prompt,
      durationSeconds: options.duration,
      tier: options.tier,
      motion: options.motion,
      fps: options.fps,
      format: options.format,
      speech: options.speech,
      voiceId: options.voice,
      // Only a spoken line has a language; checked even then only when there is a line to speak.
      language:
        options.speech === undefined ? undefined : chooseSpokenLanguage(options.language, interaction.locale),
    },
    settings,
  );
  // The whole gate before the price is shown; launchJob runs it again when the job starts.
  checkJobPolicy(settings, interaction.channelId, { kind: 'video', params });
  if (quoteVideo(params).total > settings.limits.confirmAbove) {
    await askToConfirm(interaction, ctx, settings, params);
    return;
  }
  await startVideoJob(interaction, ctx, params);
}

async function autocomplete(interaction: GuildAutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'avatar') {
    const found = await ctx.history.search(
      interaction.guildId,
      interaction.user.id,
      focused.value,
      MAX_CHOICES,
    );
    await interaction.respond(
      found.map((avatar) => ({
        name: choiceName(`${avatar.prompt} · ${avatar.avatarId}`),
        value: avatar.avatarId,
      })),
    );
    return;
  }
  if (focused.name === 'voice') {
    const typed = focused.value.toLowerCase();
    const voices = await ctx.voices.list(interaction.user.id, forMember(ctx.i18n, interaction));
    await interaction.respond(
      voices
        .filter((voice) => `${voice.name} ${voice.id}`.toLowerCase().includes(typed))
        .slice(0, MAX_CHOICES)
        .map((voice) => ({
          name: choiceName(voice.name === voice.id ? voice.id : `${voice.name} (${voice.id})`),
          value: voice.id,
        })),
    );
    return;
  }
  if (focused.name === 'language') {
    await suggestSpokenLanguages(interaction);
    return;
  }
  await interaction.respond([]);
}

export const animateModule = defineCommand(animateCommandData, {
  execute,
  autocomplete,
  components: { ...confirmHandlers, ...animatePanelHandlers, ...videoButtonHandlers, ...deleteResultHandler },
});
