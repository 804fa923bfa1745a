import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { randomBytes } from 'node:crypto';
import type { BotContext } from '../context.js';
import { storeKey } from '../services/store.js';
import { UserError } from '../errors.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import type { AspectRatio, StylePreset } from '../services/percify/requests.js';
import type { AvatarModel } from '../services/percify/pricing.js';
import { AVATAR_PROMPT_MAX, avatarCommandData } from './data/avatar.js';
import { startAvatarJob, type AvatarRequest } from './avatar-job.js';
import type { CommandModule, GuildCommandInteraction, GuildComponentInteraction } from './types.js';
import { avatarButtonHandlers } from './avatar-buttons.js';

/** Options given with `/avatar` while the member writes the prompt in the modal. */
interface PromptDraft {
  ownerId: string;
  createdAt: number;
  request: Omit<AvatarRequest, 'prompt' | 'negativePrompt'>;
}

/** A form left open longer than an hour is stale; the member can run the command again. */
const DRAFT_LIFETIME_MS = 60 * 60_000;

function optionsOf(interaction: GuildCommandInteraction): Omit<AvatarRequest, 'prompt' | 'negativePrompt'> {
  const options = interaction.options;
  return {
    model: (options.getString('model') ?? undefined) as AvatarModel | undefined,
    style: (options.getString('style') ?? undefined) as StylePreset | undefined,
    aspectRatio: (options.getString('aspect_ratio') ?? undefined) as AspectRatio | undefined,
    guidance: options.getNumber('guidance') ?? undefined,
    seed: options.getInteger('seed') ?? undefined,
    variations: options.getInteger('variations') ?? undefined,
  };
}

function promptModal(
  draftId: string,
  negativePrompt: string | null,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeCustomId('promptmodal', draftId),
    title: 'Describe your avatar',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'prompt',
            label: 'Prompt',
            style: TextInputStyle.Paragraph,
            placeholder: 'Who, in what style, where, with what light and mood',
            min_length: 1,
            max_length: AVATAR_PROMPT_MAX,
            required: true,
          },
        ],
      },
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'negative_prompt',
            label: 'Keep out (optional)',
            style: TextInputStyle.Paragraph,
            placeholder: 'blurry, low quality, distorted',
            max_length: AVATAR_PROMPT_MAX,
            required: false,
            ...(negativePrompt ? { value: negativePrompt } : {}),
          },
        ],
      },
    ],
  };
}

async function execute(interaction: GuildCommandInteraction, ctx: BotContext): Promise<void> {
  const prompt = interaction.options.getString('prompt');
  if (prompt !== null) {
    await startAvatarJob(interaction, ctx, {
      ...optionsOf(interaction),
      prompt,
      negativePrompt: interaction.options.getString('negative_prompt') ?? undefined,
    });
    return;
  }
  // No prompt: a form with room for a long one. The other options wait in a draft.
  const draftId = randomBytes(6).toString('hex');
  const draft: PromptDraft = {
    ownerId: interaction.user.id,
    createdAt: ctx.now(),
    request: optionsOf(interaction),
  };
  await ctx.store.set(storeKey.avatarDraft(draftId), draft);
  await interaction.showModal(promptModal(draftId, interaction.options.getString('negative_prompt')));
}

async function submitPromptModal(interaction: GuildComponentInteraction, args: string[], ctx: BotContext) {
  if (!interaction.isModalSubmit()) return;
  const [draftId = ''] = args;
  const draft = await ctx.store.get<PromptDraft>(storeKey.avatarDraft(draftId));
  if (!draft || draft.ownerId !== interaction.user.id || ctx.now() - draft.createdAt > DRAFT_LIFETIME_MS) {
    throw new UserError('This form has expired. Run `/avatar` again.', 'draft-expired');
  }
  await ctx.store.delete(storeKey.avatarDraft(draftId));
  await startAvatarJob(interaction, ctx, {
    ...draft.request,
    prompt: interaction.fields.getTextInputValue('prompt'),
    negativePrompt: interaction.fields.getTextInputValue('negative_prompt') || undefined,
  });
}

export const avatarModule: CommandModule = {
  command: { data: avatarCommandData, execute },
  components: { promptmodal: submitPromptModal, ...avatarButtonHandlers },
};
