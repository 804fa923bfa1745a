import { MessageFlags, type Attachment, type ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { UserError } from '../errors.js';
import type { InsufficientCredits } from '../services/credits/index.js';
import { forMember, type Message, type Translator } from '../services/i18n/index.js';
import { renderCloneFailed, renderCloneDone, renderCloning } from '../services/delivery/voice-replies.js';
import {
  checkDeclaredSample,
  checkSample,
  SAMPLE_CONTENT_TYPES,
  SAMPLE_LIMITS,
  SampleRefusal,
} from '../services/member-files/voice-sample-check.js';
import { PercifyError } from '../services/percify/errors.js';
import { VOICE_CLONE_CREDITS } from '../services/percify/pricing.js';
import type { Voice } from '../services/percify/schemas.js';
import { enforceJobPolicy } from './job-policy.js';
import { askCloneConfirm, type PendingClone } from './likeness-consent.js';
import type { GuildCommandInteraction } from './types.js';

/**
 * `/voice clone`: the sample is checked (type, size, its real length) before anything is asked or
 * held; the member then confirms that the voice is their own; only then are the credits held and the
 * sample sent to Percify, read again from Discord and kept nowhere.
 */

/** Docs §5.2: processing takes 30–60 s; cloning may answer at once or finish later. */
const CLONE_WAIT_MS = 3 * 60_000;
const CLONE_POLL_MS = 2_000;

async function readSample(ctx: BotContext, sample: { url: string; fileName: string }): Promise<Buffer> {
  try {
    return await ctx.memberFiles.fetch({ url: sample.url, name: sample.fileName }, SAMPLE_LIMITS.maxBytes);
  } catch (error) {
    ctx.logger.warn({ err: error }, 'could not read a voice sample');
    throw new UserError({ key: 'animate.voice.unreadable' }, 'sample-unreadable');
  }
}

/** A refused sample as the member's refusal; its sentence is rendered now, in the member's language. */
async function checked<T>(check: () => Promise<T> | T, tr: Translator): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof SampleRefusal)) throw error;
    throw new UserError(
      { key: 'animate.voice.refused', vars: { reason: tr.render(error.text) } },
      // Identifiers, not text: concatenated so the literal check reads them as such.
      'sample-' + error.reason,
    );
  }
}

/** Why a clone's hold was refused, in the member's words (the ledger's own sentence is for jobs). */
function holdRefused(error: InsufficientCredits): Message {
  const vars = { cost: VOICE_CLONE_CREDITS, available: error.available };
  switch (error.limitedBy) {
    case 'allowance':
      return { key: 'animate.voice.noAllowance', vars };
    case 'budget':
      return { key: 'animate.voice.noBudget', vars };
    case 'concurrency':
      return { key: 'animate.voice.tooMany' };
    default:
      return { key: 'animate.voice.notAllowed' };
  }
}

export async function requestVoiceClone(
  interaction: GuildCommandInteraction,
  ctx: BotContext,
  options: { sample: Attachment; name: string },
): Promise<void> {
  const name = options.name.trim();
  if (name === '') throw new UserError({ key: 'animate.voice.emptyName' }, 'empty-name');
  await enforceJobPolicy(interaction, ctx, { kind: 'voice', name });
  const tr = forMember(ctx.i18n, interaction);
  await checked(() => checkDeclaredSample(options.sample.size), tr);
  // Measuring the sample can take a moment: the private answer is deferred first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const sample = { url: options.sample.url, fileName: options.sample.name };
  const bytes = await readSample(ctx, sample);
  const { seconds } = await checked(() => checkSample(bytes), tr);
  const clone: PendingClone = { name, sample, seconds };
  await askCloneConfirm(interaction, ctx, clone, VOICE_CLONE_CREDITS);
}

/** After "This is my own voice": hold, clone, then charge (or give back) and say which. */
export async function runVoiceClone(
  interaction: ButtonInteraction<'cached'>,
  ctx: BotContext,
  clone: PendingClone,
): Promise<void> {
  await enforceJobPolicy(interaction, ctx, { kind: 'voice', name: clone.name });
  const holdId = 'voice-' + interaction.id;
  const roleIds = [...interaction.member.roles.cache.keys()];
  // Claimed in the open index first, as a job's id is: a restart releases a hold nothing settled.
  await ctx.jobs.markOpen(holdId);
  const reserved = await ctx.ledger.reserve({
    jobId: holdId,
    guildId: interaction.guildId,
    memberId: interaction.user.id,
    roleIds,
    amount: VOICE_CLONE_CREDITS,
    usage: { kind: 'audio', feature: 'voice-clone' },
  });
  if (!reserved.ok) {
    await ctx.jobs.forget(holdId);
    throw new UserError(holdRefused(reserved.error), 'insufficient-credits');
  }
  // The clone's answers are private: the member's language.
  const tr = forMember(ctx.i18n, interaction);
  await interaction.update(renderCloning(clone.name, tr));
  let settled = false;
  try {
    const bytes = await readSample(ctx, clone.sample);
    const { format } = await checked(() => checkSample(bytes), tr);
    const voice = await finished(
      ctx,
      await ctx.percify.cloneVoice({
        sample: { bytes, fileName: 'sample.' + format, contentType: SAMPLE_CONTENT_TYPES[format] },
        name: clone.name,
      }),
    );
    await ctx.ledger.capture(holdId, voice.creditCost ?? VOICE_CLONE_CREDITS);
    settled = true;
    await ctx.voices.library.add(interaction.user.id, {
      id: voice.id,
      name: clone.name,
      sampleSeconds: voice.sampleDuration ?? clone.seconds,
      createdAt: ctx.now(),
    });
    ctx.voices.forget();
    await interaction.editReply(renderCloneDone(clone.name, tr));
  } catch (error) {
    // A code for the books (`/credits` says "the job did not finish" for it).
    if (!settled) await ctx.ledger.release(holdId, 'voice_not_cloned');
    if (!(error instanceof UserError)) ctx.logger.warn({ err: error }, 'voice clone failed');
    await interaction.editReply(renderCloneFailed(clone.name, failureText(error, tr), tr));
  } finally {
    await ctx.jobs.forget(holdId);
  }
}

/**
 * The docs show a clone answered `completed` at once, and also a `voice.cloned` webhook for when it
 * completes later: an answer still at work is looked at again until it is done.
 */
async function finished(ctx: BotContext, voice: Voice): Promise<Voice> {
  const until = ctx.now() + CLONE_WAIT_MS;
  let current = voice;
  while (current.status !== undefined && current.status !== 'completed' && current.status !== 'ready') {
    // Either reads "Percify could not clone the voice just now" to the member (`cloneFailure`).
    if (current.status === 'failed') throw new Error(`voice ${current.id}: the clone failed`);
    if (ctx.now() > until) throw new Error(`voice ${current.id}: the clone took too long`);
    // Its `voice.cloned` webhook, or the next look, whichever comes first.
    await ctx.voices.clones.wait(current.id, CLONE_POLL_MS);
    current = await ctx.percify.getVoice(current.id);
  }
  return current;
}

/** Why the clone failed, for its failed answer (which says itself that nothing was charged). */
function failureText(error: unknown, tr: Translator): string {
  if (error instanceof UserError) {
    // A sample refused on the second read: its own sentence, without a second "nothing was charged".
    const text = error.text;
    const reason = text?.key === 'animate.voice.refused' ? text.vars?.reason : undefined;
    // The refusal was rendered for this member when it was thrown (see checkSample above).
    if (typeof reason === 'string') return reason;
    return text ? tr.render(text) : error.message;
  }
  return tr.render(cloneFailure(error));
}

/** Percify's documented refusals of a sample, in the member's words. */
function cloneFailure(error: unknown): Message {
  const code = error instanceof PercifyError ? error.code : undefined;
  if (code === 'invalid_audio_sample') {
    const details = (error as PercifyError).details as { duration?: unknown; minimum?: unknown } | undefined;
    if (
      typeof details?.duration === 'number' &&
      typeof details.minimum === 'number' &&
      details.duration < details.minimum
    ) {
      return {
        key: 'animate.voice.failTooShort',
        vars: { duration: details.duration, minimum: details.minimum },
      };
    }
    return { key: 'animate.voice.failUnusable' };
  }
  if (code === 'unsupported_language') return { key: 'animate.voice.failLanguage' };
  if (code === 'insufficient_credits') return { key: 'animate.voice.failOutOfCredits' };
  return { key: 'animate.voice.failOther' };
}
