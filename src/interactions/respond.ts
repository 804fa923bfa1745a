import {
  MessageFlags,
  type AutocompleteInteraction,
  type InteractionEditReplyOptions,
  type RepliableInteraction,
} from 'discord.js';

/**
 * Answers an interaction by its state, the way Discord wants it: not yet acknowledged -> reply;
 * deferred -> edit the deferred reply; already replied -> a follow-up. Always ephemeral for the first
 * and last, since these are messages for one member (errors, refusals, confirmations).
 */
export async function answerPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    const edit: InteractionEditReplyOptions = { content, embeds: [], components: [], files: [] };
    await interaction.editReply(edit);
  } else if (interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  }
}

/** Autocomplete must always be answered, even with nothing, or the member sees "Loading options failed". */
export async function answerNoChoices(interaction: AutocompleteInteraction): Promise<void> {
  if (!interaction.responded) await interaction.respond([]);
}
