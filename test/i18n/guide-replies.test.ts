import { describe, expect, it } from 'vitest';
import { cannotAfford } from '../../src/commands/affordable-offer.js';
import { checkJobPolicy } from '../../src/commands/job-policy.js';
import type { UserError } from '../../src/errors.js';
import { LANGUAGES, type Language } from '../../src/locales.js';
import { silentLogger } from '../../src/logger.js';
import {
  DEFAULT_GUILD_SETTINGS,
  type Balance,
  type GuildSettings,
} from '../../src/services/credits/index.js';
import { renderHelp } from '../../src/services/delivery/help-replies.js';
import type { ReplyTarget } from '../../src/services/delivery/messenger.js';
import type { ReplyBody } from '../../src/services/delivery/reply-body.js';
import { createI18n, type Message } from '../../src/services/i18n/index.js';
import { AvatarJobKind } from '../../src/services/jobs/avatar-kind.js';
import { JobEndings } from '../../src/services/jobs/job-endings.js';
import type { AvatarJob, JobRecord } from '../../src/services/jobs/job-record.js';
import { generationFailure, submitFailure } from '../../src/services/jobs/submit-outcome.js';
import { videoSubmitFailure } from '../../src/services/jobs/video-failures.js';
import {
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  InvalidDurationError,
  NotFoundError,
  PercifyApiError,
  PercifyResponseError,
  PercifyValidationError,
  ProcessingFailedError,
  TierLimitError,
} from '../../src/services/percify/index.js';
import { expectDiscordAccepts } from '../support/discord-limits.js';
import { replyText } from '../support/reply-parts.js';
import { videoJob } from '../video/fixtures.js';
import { FULLEST_BALANCE } from '../support/balances.js';

// The guide area in every language (issue 15): /help, the policy gate's refusals, "not enough
// credits" with what would fit, and the job's failure reply for every failure code, each within
// Discord's limits and in words a member of that language would recognise.

const i18n = createI18n();

/** Words only an English text would have; the other catalogs have none. */
const ENGLISH = /\b(the|you|your|could|try|again|with|this)\b/i;
const english = i18n.translator('en');

/** Rendered in `language`: not its English, no key name left, and Japanese in Japanese script. */
function expectNative(language: Language, text: string, message?: Message): void {
  expect(text, 'a missing key renders as its name').not.toMatch(/\bguide\.[a-z]/);
  if (language === 'en') return;
  if (message) expect(text).not.toBe(english.render(message));
  expect(text).not.toMatch(ENGLISH);
  if (language === 'ja') expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
}

const balance = FULLEST_BALANCE;

describe.each(LANGUAGES.map((language) => [language]))('the guide in %s', (language) => {
  const tr = i18n.translator(language);

  it('renders /help within Discord limits, with many commands, roles and a budget', () => {
    const body = renderHelp(tr, {
      commands: Array.from({ length: 40 }, (_, i) => ({
        name: `command-${i}-with-a-long-name`,
        description: 'd'.repeat(100),
        adminOnly: i % 2 === 0,
      })),
      balance,
      roleAllowances: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`9${i}`, 1_000_000 - i])),
      limits: { ...DEFAULT_GUILD_SETTINGS.limits, allowedModels: ['flux'], allowedTiers: ['basic'] },
      features: { photoAvatars: false, voiceCloning: false },
    });
    expectDiscordAccepts(body);
    const embed = body.embeds[0]!;
    expect(embed.fields).toHaveLength(6);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
    // The commands' own names and descriptions aside, every word is the reader's.
    expectNative(
      language,
      `${embed.title} ${embed.description} ${embed.fields
        ?.map((f) => `${f.name} ${f.value}`)
        .slice(1)
        .join(' ')}`,
    );
    // Numbers are written the reader's way, prices with their unit.
    expect(JSON.stringify(embed)).toContain(tr.number(999_997));
    expect(JSON.stringify(embed)).toContain(tr.credits(2));
  });

  it('says "not enough credits" with what would fit, within a message', () => {
    const settings: GuildSettings = {
      ...DEFAULT_GUILD_SETTINGS,
      limits: {
        ...DEFAULT_GUILD_SETTINGS.limits,
        allowedTiers: ['basic', 'reality-lab'],
        maxVideoSeconds: 30,
      },
    };
    const poor: Balance = { ...balance, spendable: 60, budget: undefined };
    const offers = [
      cannotAfford(
        settings,
        {
          kind: 'avatar',
          params: { prompt: 'a fox', model: 'reality4', aspectRatio: '1:1', seed: 1, variations: 4 },
        },
        20,
        { ...poor, spendable: 9 },
      ),
      cannotAfford(
        settings,
        { kind: 'video', params: { ...videoJob({ durationSeconds: 30, tier: 'basic' }).params } },
        500,
        poor,
      ),
      cannotAfford(settings, { kind: 'video', params: videoJob().params }, 500, {
        ...poor,
        spendable: 0,
        budget: { ...balance.budget!, left: 0, period: 'day' },
      }),
    ];
    for (const offer of offers) {
      const text = tr.render(offer);
      expectDiscordAccepts({ content: text });
      expectNative(language, text, offer);
      expect(text).toMatch(/<t:\d+:R>/);
    }
    // The fitting suggestions, priced in the reader's words and joined their way.
    expect(tr.render(offers[0]!)).toContain(tr.credits(5));
    expect(tr.render(offers[0]!)).toContain(tr.credits(8));
  });

  it("words every refusal of the server's rules", () => {
    const strict: GuildSettings = {
      ...DEFAULT_GUILD_SETTINGS,
      channels: ['555555555555555555'],
      blocklist: ['fox'],
      features: { photoAvatars: false, voiceCloning: false },
      limits: {
        ...DEFAULT_GUILD_SETTINGS.limits,
        allowedModels: ['flux'],
        allowedTiers: ['basic'],
        maxVariations: 2,
      },
    };
    const avatar = { prompt: 'a fox', model: 'imagen3', aspectRatio: '1:1', seed: 1, variations: 4 } as const;
    const attempts: Array<[GuildSettings, string | null, Parameters<typeof checkJobPolicy>[2]]> = [
      [strict, '666', { kind: 'avatar' }],
      [strict, '666', { kind: 'video' }],
      [strict, '555555555555555555', { kind: 'voice', name: 'x' }],
      [
        { ...strict, features: { photoAvatars: true, voiceCloning: true } },
        '555555555555555555',
        { kind: 'voice', name: 'my fox' },
      ],
      [strict, '555555555555555555', { kind: 'avatar', params: avatar }],
      [strict, '555555555555555555', { kind: 'avatar', params: { ...avatar, prompt: 'a cat' } }],
      [
        strict,
        '555555555555555555',
        { kind: 'avatar', params: { ...avatar, prompt: 'a cat', model: 'flux' } },
      ],
      [
        strict,
        '555555555555555555',
        { kind: 'avatar', params: { ...avatar, photo: { fileName: 'me.png' } } },
      ],
      [strict, '555555555555555555', { kind: 'video', params: videoJob({ tier: 'reality-lab' }).params }],
      [
        { ...strict, blocklist: [] },
        '555555555555555555',
        { kind: 'video', params: videoJob({ tier: 'basic', durationSeconds: 30 }).params },
      ],
    ];
    const seen = new Set<string>();
    for (const [settings, channel, request] of attempts) {
      let refusal: Message | undefined;
      try {
        checkJobPolicy(settings, channel, request);
      } catch (error) {
        refusal = (error as UserError).text;
      }
      expect(refusal, JSON.stringify(request)).toBeDefined();
      const text = tr.render(refusal!);
      expectDiscordAccepts({ content: text });
      expectNative(language, text, refusal);
      seen.add(refusal!.key);
    }
    expect(seen.size).toBe(attempts.length);
  });
});

/** Every failure reason submit-outcome (and the video and photo kinds) can give a member. */
function everyFailure(): Message[] {
  const generation = [
    'processing_failed',
    'content_policy_violation',
    'invalid_image',
    'avatar_not_completed',
    'avatar_not_found',
    'invalid_duration',
    'voice_not_found',
    'text_too_long',
    'unsupported_language',
    'insufficient_credits',
    'tier_limit_reached',
    'rate_limit_exceeded',
    'timeout',
    'invalid_request',
    undefined,
  ].flatMap((code) =>
    (['avatar', 'audio', 'video', 'lipsync'] as const).map((work) => generationFailure(code, work).reason),
  );
  const refusals = [
    new ContentPolicyError('invalid_prompt', 'no', { categories: ['violence', 'hate'] }),
    new ContentPolicyError('invalid_prompt', 'no', {}),
    new InsufficientCreditsError('Not enough credits', { required: 5, available: 2 }),
    new TierLimitError('Daily limit'),
    new AuthenticationError('authentication_required', 'Unauthorized'),
    new PercifyValidationError('guidanceScale', 'must be 1-20'),
    new ProcessingFailedError('processing_failed', 'Generation failed'),
    new NotFoundError('not_found', 'Not found'),
    new PercifyApiError('invalid_request', 'Invalid input'),
    new PercifyResponseError('bad shape'),
    new TypeError('x'),
  ].flatMap((error) => {
    const outcome = submitFailure(error, 'lipsync');
    return outcome.status === 'refused' ? [outcome.reason] : [];
  });
  const video = [new InvalidDurationError('out of range'), new PercifyValidationError('fps', 'no')].map(
    (error) => {
      const outcome = videoSubmitFailure(error, videoJob({ durationSeconds: 12 }).params);
      if (outcome.status !== 'refused') throw new Error('expected a refusal');
      return outcome.reason;
    },
  );
  const own: Message[] = [
    { key: 'guide.failures.undeliverable' },
    { key: 'guide.failures.timedOut' },
    { key: 'guide.failures.submitGaveUp' },
    { key: 'guide.failures.waitedTooLong' },
    { key: 'guide.failures.photoGone' },
    { key: 'guide.failures.photoChanged' },
    { key: 'guide.failures.photoRefused' },
  ];
  return [...generation, ...refusals, ...video, ...own];
}

const avatarJob = (overrides: Partial<AvatarJob> = {}): AvatarJob => ({
  id: 'jfail1',
  kind: 'avatar',
  state: 'processing',
  ownerId: '111111111111111111',
  guildId: '222222222222222222',
  channelId: '333333333333333333',
  interaction: { applicationId: '444444444444444444', token: 'tok', createdAt: 0 },
  reservedCredits: 20,
  percifyIds: [],
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  params: { prompt: 'p'.repeat(1500), model: 'flux', aspectRatio: '1:1', seed: 1, variations: 4 },
  ...overrides,
});

describe('the failure reply, for every failure code', () => {
  const kind = new AvatarJobKind({} as never, {} as never, i18n);
  const failures = everyFailure();

  it.each(LANGUAGES.map((language) => [language]))('fits and speaks %s', (language) => {
    const tr = i18n.translator(language);
    const photo = avatarJob({ params: { ...avatarJob().params, photo: { fileName: 'me.png' } } });
    for (const reason of failures) {
      const text = tr.render(reason);
      expectNative(language, text, reason);
      expect(text.length).toBeLessThan(300);
      for (const job of [avatarJob(), photo]) expectDiscordAccepts(kind.renderFailure(job, text));
    }
    // Percify's category names are its own; the sentence around them is the reader's.
    const policy = submitFailure(
      new ContentPolicyError('invalid_prompt', 'no', { categories: ['violence'] }),
    );
    if (policy.status === 'refused') expect(tr.render(policy.reason)).toContain('(violence)');
  });

  it('names a different sentence for each kind of failure', () => {
    const sentences = new Set(failures.map((reason) => english.render(reason)));
    expect(sentences.size).toBeGreaterThan(25);
  });
});

describe("JobEndings: a failure in the channel's language, kept in English for the books", () => {
  async function failIn(job: JobRecord, code: string, reason: Message) {
    const sent: Array<{ target: ReplyTarget; body: ReplyBody }> = [];
    const released: string[] = [];
    let saved: JobRecord | undefined;
    const endings = new JobEndings({
      jobs: {
        save: (current: JobRecord, change: (job: JobRecord) => JobRecord) =>
          Promise.resolve((saved = change(current))),
      } as never,
      credits: {
        capture: () => Promise.resolve(),
        release: (_id, why) => Promise.resolve(released.push(why)),
      },
      messenger: {
        deliver: (target: ReplyTarget, body: ReplyBody) => {
          sent.push({ target, body });
          return Promise.resolve({ path: 'interaction', message: { id: 'm1' } });
        },
      } as never,
      logger: silentLogger(),
      i18n,
      handler: () => new AvatarJobKind({} as never, {} as never, i18n),
      now: () => 1,
      stopTracking: () => Promise.resolve(),
      retryLater: () => undefined,
      maxDeliveryAttempts: 3,
      finished: () => undefined,
    });
    await endings.fail(job, code, reason);
    return { sent: sent[0]!, released: released[0]!, saved: saved! };
  }

  it("answers a ja member's job in Japanese where the server has no language", async () => {
    const reason = generationFailure('processing_failed', 'avatar').reason;
    const { sent, released, saved } = await failIn(avatarJob({ locale: 'ja' }), 'processing_failed', reason);
    expect(replyText(sent.body)).toContain(i18n.translator('ja').t('guide.failures.notFinished'));
    expect(sent.target.ready).toBe(i18n.translator('ja').t('guide.delivery.ready'));
    expect(released).toBe(`processing_failed: ${i18n.translator('en').render(reason)}`);
    expect(saved.failure).toEqual({
      code: 'processing_failed',
      message: i18n.translator('en').render(reason),
      says: reason,
      stage: undefined,
    });
  });

  it("follows the server's language over the member's", async () => {
    const reason: Message = { key: 'guide.failures.waitedTooLong' };
    const { sent, saved } = await failIn(
      avatarJob({ locale: 'ja', guildLocale: 'de' }),
      'wait_deadline',
      reason,
    );
    expect(replyText(sent.body)).toContain('Der Bot ist gerade sehr beschäftigt');
    expect(saved.failure?.message).toBe(
      'It waited too long for a free slot: the bot is very busy right now.',
    );
  });
});

describe('messages composed before the reader is known', () => {
  it('renders nested messages and choices in the same language', () => {
    const message: Message = {
      key: 'guide.afford.fits',
      vars: {
        fits: {
          anyOf: [
            {
              key: 'guide.afford.images',
              vars: { count: 1, model: 'flux', cost: { key: 'units.credits', vars: { count: 2 } } },
            },
            {
              key: 'guide.afford.images',
              vars: { count: 3, model: 'flux', cost: { key: 'units.credits', vars: { count: 6 } } },
            },
          ],
        },
      },
    };
    expect(i18n.translator('en').render(message)).toBe(
      'With that you could make one flux image (2 credits) or 3 flux images (6 credits).',
    );
    expect(i18n.translator('de').render(message)).toBe(
      'Damit könntest du ein flux-Bild (2 Credits) oder 3 flux-Bilder (6 Credits) erstellen.',
    );
  });
});
