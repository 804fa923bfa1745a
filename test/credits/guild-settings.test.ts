import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_GUILD_SETTINGS,
  findBlockedPhrase,
  GuildSettingsService,
  SettingsValidationError,
} from '../../src/services/credits/guild-settings.js';
import { silentLogger } from '../../src/logger.js';
import { createLedgerHarness, type LedgerHarness } from './harness.js';
import { avatarCost, estimateAudioCost, TIER_SPECS, videoCost } from '../../src/services/percify/pricing.js';
import { createI18n } from '../../src/services/i18n/index.js';

const GUILD = '100000000000000001';
const ADMIN = '300000000000000001';

let h: LedgerHarness;
beforeEach(async () => {
  h = await createLedgerHarness();
});
afterEach(async () => {
  await h.cleanup();
});

describe('guild settings', () => {
  it('starts a new guild from the documented defaults', async () => {
    expect(await h.settings.get(GUILD)).toEqual({
      allowancePerDay: 50,
      roleAllowances: {},
      budget: null,
      showBudget: false,
      utcOffsetMinutes: 0,
      limits: {
        concurrentJobs: 2,
        maxVariations: 4,
        maxVideoSeconds: 10,
        allowedModels: ['flux', 'imagen3', 'reality4'],
        allowedTiers: ['basic', 'reality-lab'],
        confirmAbove: 30,
      },
      channels: [],
      blocklist: [],
      defaultModel: 'flux',
      // Photo avatars on, voice cloning off until an admin turns it on (issue #18).
      features: { photoAvatars: true, voiceCloning: false },
    });
    // What one caller reads is shared with the next: nobody can change it under the others.
    const read = await h.settings.get(GUILD);
    expect(() => read.limits.allowedModels.pop()).toThrow(TypeError);
    expect((await h.settings.get(GUILD)).limits.allowedModels).toHaveLength(3);
    expect(DEFAULT_GUILD_SETTINGS.limits.allowedModels).toHaveLength(3);
  });

  it('lets a newcomer try everything on day one: a Basic video with a spoken line, and avatars', () => {
    const video = videoCost('basic', TIER_SPECS.basic.includedSeconds).total;
    const line = estimateAudioCost('Hello, welcome to our server!');
    const avatars = avatarCost('flux', 4);
    expect(video + line + avatars).toBeLessThanOrEqual(DEFAULT_GUILD_SETTINGS.allowancePerDay);
    // Nor is the video held back behind a Confirm click.
    expect(video).toBeLessThanOrEqual(DEFAULT_GUILD_SETTINGS.limits.confirmAbove);
  });

  it('stores a change, keeps it across a restart, and audits who changed what', async () => {
    h.clock.now += 5_000;
    const after = await h.settings.update(
      GUILD,
      ADMIN,
      (s) => ({ ...s, budget: { credits: 500, period: 'month' }, blocklist: ['gore'] }),
      '/quota budget',
    );
    expect(after.budget).toEqual({ credits: 500, period: 'month' });
    await h.restart();
    expect((await h.settings.get(GUILD)).blocklist).toEqual(['gore']);
    const audit = (await h.ledger.entries(GUILD)).filter((entry) => entry.kind === 'settings');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: `admin:${ADMIN}`,
      memberId: ADMIN,
      amount: 0,
      reason: '/quota budget',
      at: h.clock.now,
      meta: {
        changes: {
          budget: { before: null, after: { credits: 500, period: 'month' } },
          blocklist: { before: [], after: ['gore'] },
        },
      },
    });
  });

  it("as the database's only writer, reads from memory and still shows every change at once", async () => {
    let reads = 0;
    /** While set, a read's answer is held back until it resolves. */
    let holdReads: Promise<void> | undefined;
    const store = new Proxy(h.store, {
      get: (target, name, receiver) => {
        const value: unknown = Reflect.get(target, name, receiver);
        if (name !== 'get')
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        return async (key: string) => {
          reads++;
          const answer = await target.get(key);
          await holdReads;
          return answer;
        };
      },
    });
    const settings = new GuildSettingsService({ store, logger: silentLogger(), onlyWriter: true });
    expect((await settings.get(GUILD)).allowancePerDay).toBe(50);
    await settings.get(GUILD);
    expect(reads).toBe(1);
    await settings.update(GUILD, ADMIN, (s) => ({ ...s, allowancePerDay: 7 }), '/quota allowance');
    expect((await settings.get(GUILD)).allowancePerDay).toBe(7);
    expect(reads).toBe(1);
    // A read that a change overtakes answers what it read, and is not kept over the change.
    const other = '100000000000000002';
    let release = () => {};
    holdReads = new Promise((resolve) => (release = resolve));
    const racing = settings.get(other);
    await settings.update(other, ADMIN, (s) => ({ ...s, allowancePerDay: 9 }), '/quota allowance');
    release();
    expect((await racing).allowancePerDay).toBe(50);
    holdReads = undefined;
    expect((await settings.get(other)).allowancePerDay).toBe(9);
  });

  it('writes no audit entry when nothing changed', async () => {
    await h.settings.update(GUILD, ADMIN, (s) => ({ ...s }), 'noop');
    expect(await h.ledger.entries(GUILD)).toEqual([]);
  });

  it('refuses invalid settings with a readable reason and changes nothing', async () => {
    const attempts = [
      (s: typeof DEFAULT_GUILD_SETTINGS) => ({ ...s, allowancePerDay: -5 }),
      (s: typeof DEFAULT_GUILD_SETTINGS) => ({ ...s, limits: { ...s.limits, allowedModels: [] } }),
      (s: typeof DEFAULT_GUILD_SETTINGS) => ({
        ...s,
        defaultModel: 'imagen3' as const,
        limits: { ...s.limits, allowedModels: ['flux' as const] },
      }),
      (s: typeof DEFAULT_GUILD_SETTINGS) => ({ ...s, utcOffsetMinutes: 2000 }),
    ];
    for (const attempt of attempts) {
      await expect(h.settings.update(GUILD, ADMIN, attempt, 'bad')).rejects.toBeInstanceOf(
        SettingsValidationError,
      );
    }
    const error = await h.settings
      .update(GUILD, ADMIN, (s) => ({ ...s, limits: { ...s.limits, allowedModels: [] } }), 'bad')
      .then(() => new SettingsValidationError([], ['accepted']))
      .catch((caught: unknown) => caught as SettingsValidationError);
    expect(error.message).toMatch(/limits\.allowedModels/);
    expect(error.problems[0]).toEqual({ key: 'quota.settings.problems.noModel' });
    expect(createI18n().translator('en').render(error.problems[0]!)).toBe(
      'at least one model must stay allowed',
    );
    expect(await h.settings.get(GUILD)).toEqual(DEFAULT_GUILD_SETTINGS);
    expect(await h.ledger.entries(GUILD)).toEqual([]);
  });

  it('serialises concurrent admin changes so none is lost', async () => {
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((word) =>
        h.settings.update(GUILD, ADMIN, (s) => ({ ...s, blocklist: [...s.blocklist, word] }), `add ${word}`),
      ),
    );
    expect((await h.settings.get(GUILD)).blocklist).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('findBlockedPhrase', () => {
  const settings = { blocklist: ['gore', 'Blood Bath', 'nsfw'] };

  it('matches whole words and phrases, case-insensitively', () => {
    expect(findBlockedPhrase(settings, 'A GORE scene')).toBe('gore');
    expect(findBlockedPhrase(settings, 'a blood   bath!')).toBe('Blood Bath');
    expect(findBlockedPhrase(settings, 'gorey goregeous')).toBeUndefined();
    expect(findBlockedPhrase(settings, 'bloodbath')).toBeUndefined();
    expect(findBlockedPhrase(settings, 'a blood orange bath')).toBeUndefined();
  });

  it('sees through zero-width characters, odd spacing and full-width letters', () => {
    expect(findBlockedPhrase(settings, 'go\u200Bre')).toBe('gore');
    expect(findBlockedPhrase(settings, 'g\uFEFFo\u200Dr\u200Ce')).toBe('gore');
    expect(findBlockedPhrase(settings, 'blood\u2003bath')).toBe('Blood Bath');
    expect(findBlockedPhrase(settings, 'blood\u00A0\u3000bath')).toBe('Blood Bath');
    expect(findBlockedPhrase(settings, '\uFF27\uFF2F\uFF32\uFF25')).toBe('gore');
    expect(findBlockedPhrase(settings, 'ｎｓｆｗ art')).toBe('nsfw');
  });

  it('allows everything with an empty blocklist', () => {
    expect(findBlockedPhrase({ blocklist: [] }, 'gore')).toBeUndefined();
  });
});
