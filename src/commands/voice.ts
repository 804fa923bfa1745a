import { MessageFlags } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { forMember } from '../services/i18n/index.js';
import { renderVoiceList } from '../services/delivery/voice-replies.js';
import { NotFoundError } from '../services/percify/errors.js';
import { voiceCommandData } from './data/voice.js';
import { defineCommand } from './kit/define-command.js';
import type { GuildAutocompleteInteraction, GuildCommandInteraction } from './types.js';
import { requestVoiceClone } from './voice-clone.js';

/** `/voice`: clone, list and delete the member's own voices. Every answer is private. */

async function list(interaction: GuildCommandInteraction, ctx: BotContext): Promise<void> {
  const voices = await ctx.voices.library.list(interaction.user.id);
  await interaction.reply({
    embeds: [renderVoiceList(voices, forMember(ctx.i18n, interaction))],
    flags: MessageFlags.Ephemeral,
  });
}

async function remove(interaction: GuildCommandInteraction, ctx: BotContext, voiceId: string): Promise<void> {
  const own = await ctx.voices.library.list(interaction.user.id);
  const voice = own.find((known) => known.id === voiceId || known.name === voiceId);
  if (!voice) {
    throw new UserError({ key: 'animate.voice.notYours' }, 'unknown-voice');
  }
  try {
    await ctx.percify.deleteVoice(voice.id);
  } catch (error) {
    // Already gone at Percify: forgetting it here is all that is left to do.
    if (!(error instanceof NotFoundError)) throw error;
  }
  await ctx.voices.library.remove(interaction.user.id, voice.id);
  ctx.voices.forget();
  await interaction.reply({
    content: forMember(ctx.i18n, interaction).t('animate.voice.deleted', { name: voice.name }),
    flags: MessageFlags.Ephemeral,
  });
}

async function autocomplete(interaction: GuildAutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().toLowerCase();
  const own = await ctx.voices.library.list(interaction.user.id);
  await interaction.respond(
    own
      .filter((voice) => `${voice.name} ${voice.id}`.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((voice) => ({ name: voice.name.slice(0, 100), value: voice.id })),
  );
}

export const voiceModule = defineCommand(voiceCommandData, {
  async execute(interaction, { subcommand, options }, ctx) {
    if (subcommand === 'clone') await requestVoiceClone(interaction, ctx, options);
    else if (subcommand === 'list') await list(interaction, ctx);
    else await remove(interaction, ctx, options.voice);
  },
  autocomplete,
});
