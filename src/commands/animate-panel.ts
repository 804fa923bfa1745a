import { randomBytes } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import { encodeCustomId } from '../interactions/custom-id.js';
import type { GuildSettings } from '../services/credits/index.js';
import { longestVideoSeconds } from '../services/credits/server-limits.js';
import { COLOURS, quote } from '../services/delivery/style.js';
import { motionName } from '../services/delivery/video-replies.js';
import { forMember, type Translator } from '../services/i18n/index.js';
import { TIER_SPECS, isStudioTier, type StudioTier } from '../services/percify/pricing.js';
import { MOTION_STYLES, type MotionStyle } from '../percify-catalog.js';
import { quoteVideo, resolveVideoParams, startVideoJob } from './animate-job.js';
import { checkJobPolicy } from './job-policy.js';
import { startOnce } from './one-click.js';
import type { ComponentHandlers, GuildComponentInteraction } from './types.js';

/** The choices of the 🎬 Animate button, kept while the member picks; all state lives here. */
interface AnimatePanel {
  ownerId: string;
  guildId: string;
  avatarId: string;
  avatarPrompt: string;
  tier: StudioTier;
  motion: MotionStyle;
  duration: number;
  createdAt: number;
}

/** A select menu holds 25 options; these lengths cover both tiers in useful steps. */
const DURATIONS = [3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30];

function durationsFor(tier: StudioTier, settings: GuildSettings): number[] {
  const max = Math.min(TIER_SPECS[tier].maxSeconds, settings.limits.maxVideoSeconds);
  return DURATIONS.filter((seconds) => seconds <= max);
}

function panelParams(panel: AnimatePanel, settings: GuildSettings) {
  return resolveVideoParams(
    {
      avatarId: panel.avatarId,
      avatarPrompt: panel.avatarPrompt,
      tier: panel.tier,
      motion: panel.motion,
      durationSeconds: panel.duration,
    },
    settings,
  );
}

/** The panel in the member's language (`tr`): only they see it. */
function renderPanel(
  id: string,
  panel: AnimatePanel,
  settings: GuildSettings,
  tr: Translator,
): { embeds: APIEmbed[]; components: APIActionRowComponent<APIComponentInMessageActionRow>[] } {
  const cost = quoteVideo(panelParams(panel, settings)).total;
  const select = (
    field: 'tier' | 'motion' | 'duration',
    placeholder: string,
    options: Array<{ label: string; value: string; default: boolean }>,
  ) => ({
    type: ComponentType.ActionRow as const,
    components: [
      {
        type: ComponentType.StringSelect as const,
        custom_id: encodeCustomId('panel', id, field),
        placeholder,
        options,
      },
    ],
  });
  return {
    embeds: [
      {
        color: COLOURS.brand,
        title: tr.t('animate.panel.title'),
        description: tr.t('animate.panel.body', { prompt: quote(panel.avatarPrompt, 300) }),
        footer: { text: panel.avatarId },
      },
    ],
    components: [
      select(
        'tier',
        tr.t('animate.panel.tier'),
        settings.limits.allowedTiers.map((tier) => ({
          label: tr.t('animate.panel.tierOption', {
            tier: TIER_SPECS[tier].label,
            resolution: TIER_SPECS[tier].resolution,
            longest: tr.seconds(longestVideoSeconds(settings.limits, tier)),
          }),
          value: tier,
          default: tier === panel.tier,
        })),
      ),
      select(
        'motion',
        tr.t('animate.panel.motion'),
        MOTION_STYLES.map((motion) => ({
          label: motionName(motion, tr),
          value: motion,
          default: motion === panel.motion,
        })),
      ),
      select(
        'duration',
        tr.t('animate.panel.length'),
        durationsFor(panel.tier, settings).map((seconds) => ({
          label: tr.t('animate.panel.lengthOption', { count: seconds }),
          value: String(seconds),
          default: seconds === panel.duration,
        })),
      ),
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: encodeCustomId('panel', id, 'render'),
            label: tr.t('animate.panel.render', { cost: tr.credits(cost) }),
            style: ButtonStyle.Primary,
          },
        ],
      },
    ],
  };
}

/** The 🎬 Animate button under an avatar result: opens the panel for that image, privately. */
export async function openAnimatePanel(
  interaction: GuildComponentInteraction,
  ctx: BotContext,
  avatarId: string,
  avatarPrompt: string,
) {
  const settings = await ctx.settings.get(interaction.guildId);
  checkJobPolicy(settings, interaction.channelId, { kind: 'video' });
  const tier: StudioTier = settings.limits.allowedTiers[0] ?? 'basic';
  const panel: AnimatePanel = {
    ownerId: interaction.user.id,
    guildId: interaction.guildId,
    avatarId,
    avatarPrompt,
    tier,
    motion: 'moderate',
    duration: Math.min(5, ...durationsFor(tier, settings).slice(-1)),
    createdAt: ctx.now(),
  };
  // The panel's first choice is what Render would start: refused now, not after the member picked.
  checkJobPolicy(settings, interaction.channelId, { kind: 'video', params: panelParams(panel, settings) });
  const id = randomBytes(6).toString('hex');
  await ctx.shortLived.put('animatePanel', id, panel);
  await interaction.reply({
    ...renderPanel(id, panel, settings, forMember(ctx.i18n, interaction)),
    flags: MessageFlags.Ephemeral,
  });
}

export const animatePanelHandlers: ComponentHandlers = {
  async panel(interaction, { panelId: id, field }, ctx) {
    const found = await ctx.shortLived.get<AnimatePanel>('animatePanel', id);
    if (found.state === 'expired') {
      throw new UserError({ key: 'animate.panel.expired' }, 'panel-expired');
    }
    const panel = found.state === 'open' ? found.record : undefined;
    if (!panel || panel.guildId !== interaction.guildId || panel.ownerId !== interaction.user.id) {
      throw new UserError({ key: 'animate.panel.gone' }, 'panel-gone');
    }
    const settings = await ctx.settings.get(interaction.guildId);
    if (field === 'render') {
      // The whole panel greys out: its choices have become this job.
      await startOnce(interaction, ctx, 'all', () =>
        startVideoJob(interaction, ctx, panelParams(panel, settings)),
      );
      return;
    }
    // Only Render is a button; a button claiming another field is answered like an unknown choice.
    const value = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : '';
    const next = { ...panel };
    if (field === 'tier' && isStudioTier(value)) next.tier = value;
    else if (field === 'motion' && (MOTION_STYLES as readonly string[]).includes(value))
      next.motion = value as MotionStyle;
    else if (field === 'duration' && DURATIONS.includes(Number(value))) next.duration = Number(value);
    else throw new UserError({ key: 'animate.panel.badChoice' }, 'panel-choice');
    // A shorter tier takes a clip that is too long for it down to its longest length.
    next.duration = Math.min(next.duration, ...durationsFor(next.tier, settings).slice(-1));
    await ctx.shortLived.put('animatePanel', id, next);
    await interaction.update(renderPanel(id, next, settings, forMember(ctx.i18n, interaction)));
  },
};
