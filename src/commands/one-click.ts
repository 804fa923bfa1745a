import type { BotContext } from '../context.js';
import { UserError, isUserError } from '../errors.js';
import { withDisabled, type DisableWhich } from '../interactions/disabled-components.js';
import type { GuildComponentInteraction } from './types.js';

/**
 * One click, one job. A click that arrives twice (a double-click, a client that retries) would
 * otherwise start two jobs and hold the credits twice. The first click claims the message's button
 * in the store, atomically and across restarts; any later one is refused. Once the job has started,
 * the clicked buttons are greyed out in the first edit after the answer, so nobody clicks again.
 *
 * A refusal (a rule, too few credits) gives the claim back, so the member can change their choice
 * and click again; any other failure keeps it, since the job may have started.
 */
export async function startOnce<T>(
  interaction: GuildComponentInteraction,
  ctx: BotContext,
  disable: DisableWhich,
  start: () => Promise<T>,
): Promise<T> {
  const claimId = `${interaction.message?.id ?? 'no-message'}:${interaction.customId}`;
  const claimed = await ctx.shortLived.claim('clickClaim', claimId, {
    by: interaction.id,
    createdAt: ctx.now(),
  });
  if (!claimed) {
    throw new UserError({ key: 'avatar.buttons.clickTaken' }, 'click-taken');
  }
  let result: T;
  try {
    result = await start();
  } catch (error) {
    if (isUserError(error)) await ctx.shortLived.delete('clickClaim', claimId);
    throw error;
  }
  await greyOut(interaction, ctx, disable);
  return result;
}

async function greyOut(interaction: GuildComponentInteraction, ctx: BotContext, disable: DisableWhich) {
  const message = interaction.message;
  if (!message) return;
  try {
    // Through the interaction's webhook, which may edit the message the component is on, ephemeral or not.
    await interaction.webhook.editMessage(message.id, {
      components: withDisabled(
        message.components.map((row) => row.toJSON()),
        disable,
      ),
    });
  } catch (error) {
    // The job has started and the claim holds; a button left clickable only gets a refusal.
    ctx.logger.warn({ err: error, messageId: message.id }, 'could not grey out the clicked buttons');
  }
}
