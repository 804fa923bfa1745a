import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { forMember, type Translator } from '../services/i18n/index.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import { AVATAR_PROMPT_MAX, avatarCommandData } from './data/avatar.js';
import { startAvatarJob, type AvatarRequest } from './avatar-job.js';
import { checkJobPolicy } from './job-policy.js';
import { defineCommand } from './kit/define-command.js';
import type { OptionsOf } from './kit/option-types.js';
import type { ComponentHandler } from './types.js';
import { avatarButtonHandlers } from './avatar-buttons.js';
import { requestPhotoAvatar } from './avatar-photo.js';
import { likenessHandlers } from './likeness-buttons.js';

/** Options given with `/avatar` while the member writes the prompt in the modal. */
interface PromptDraft {
  ownerId: string;
  createdAt: number;
  request: Omit<AvatarRequest, 'prompt' | 'negativePrompt'>;
}

type AvatarOptions = OptionsOf<typeof avatarCommandData>;

function requestOf(options: AvatarOptions): Omit<AvatarRequest, 'prompt' | 'negativePrompt'> {
  return {
    model: options.model,
    style: options.style,
    aspectRatio: options.aspect_ratio,
    guidance: options.guidance,
    seed: options.seed,
    variations: options.variations,
  };
}

function promptModal(
  draftId: string,
  negativePrompt: string | undefined,
  tr: Translator,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeCustomId('promptmodal', draftId),
    title: tr.t('avatar.modal.title'),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'prompt',
            label: tr.t('avatar.modal.prompt'),
            style: TextInputStyle.Paragraph,
            placeholder: tr.t('avatar.modal.promptPlaceholder'),
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
            label: tr.t('avatar.modal.negative'),
            style: TextInputStyle.Paragraph,
            placeholder: tr.t('avatar.modal.negativePlaceholder'),
            max_length: AVATAR_PROMPT_MAX,
            required: false,
            ...(negativePrompt ? { value: negativePrompt } : {}),
          },
        ],
      },
    ],
  };
}

const submitPromptModal: ComponentHandler<'promptmodal'> = async (interaction, { draftId }, ctx) => {
  const found = await ctx.shortLived.get<PromptDraft>('avatarDraft', draftId);
  if (found.state !== 'open' || found.record.ownerId !== interaction.user.id) {
    throw new UserError({ key: 'avatar.modal.expired' }, 'draft-expired');
  }
  const draft = found.record;
  // A form sent twice makes one job: only the submission that takes the draft goes on.
  if (!(await ctx.shortLived.delete('avatarDraft', draftId))) {
    throw new UserError({ key: 'avatar.modal.taken' }, 'draft-taken');
  }
  await startAvatarJob(interaction, ctx, {
    ...draft.request,
    prompt: interaction.fields.getTextInputValue('prompt'),
    negativePrompt: interaction.fields.getTextInputValue('negative_prompt') || undefined,
  });
};

export const avatarModule = defineCommand(avatarCommandData, {
  async execute(interaction, options, ctx) {
    if (options.photo !== undefined) {
      await requestPhotoAvatar(interaction, ctx, {
        photo: options.photo,
        prompt: options.prompt,
        style: options.style,
      });
      return;
    }
    if (options.prompt !== undefined) {
      await startAvatarJob(interaction, ctx, {
        ...requestOf(options),
        prompt: options.prompt,
        negativePrompt: options.negative_prompt,
      });
      return;
    }
    // No prompt: a form with room for a long one. The other options wait in a draft. A channel the
    // server refuses is said now, before the member writes the prompt.
    const settings = await ctx.settings.get(interaction.guildId);
    checkJobPolicy(settings, interaction.channelId, { kind: 'avatar' });
    const draftId = randomBytes(6).toString('hex');
    const draft: PromptDraft = {
      ownerId: interaction.user.id,
      createdAt: ctx.now(),
      request: requestOf(options),
    };
    await ctx.shortLived.put('avatarDraft', draftId, draft);
    // The form is the member's own: their language.
    await interaction.showModal(
      promptModal(draftId, options.negative_prompt, forMember(ctx.i18n, interaction)),
    );
  },
  components: { promptmodal: submitPromptModal, ...avatarButtonHandlers, ...likenessHandlers },
});
