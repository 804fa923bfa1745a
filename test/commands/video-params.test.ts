import { describe, expect, it } from 'vitest';
import { resolveVideoParams } from '../../src/commands/animate-job.js';
import { UserError } from '../../src/errors.js';
import { DEFAULT_GUILD_SETTINGS, type GuildSettings } from '../../src/services/credits/guild-settings.js';
import { createI18n } from '../../src/services/i18n/index.js';

const i18n = createI18n();

const withLimits = (limits: Partial<GuildSettings['limits']>): GuildSettings => ({
  ...DEFAULT_GUILD_SETTINGS,
  limits: { ...DEFAULT_GUILD_SETTINGS.limits, ...limits },
});

/** The refusal as the member reads it, in `language` (the router renders a UserError's message). */
function refusal(durationSeconds: number, settings: GuildSettings, language = 'en'): string {
  try {
    resolveVideoParams({ avatarId: 'avatar_1', tier: 'basic', durationSeconds }, settings);
  } catch (error) {
    if (error instanceof UserError && error.text) return i18n.translator(language).render(error.text);
    throw error;
  }
  throw new Error('the clip was accepted');
}

describe('a clip too long for Basic', () => {
  it('points to Reality Lab with the length this server allows on it', () => {
    expect(refusal(12, withLimits({ maxVideoSeconds: 20 }))).toBe(
      'Basic videos are 3 to 10 seconds long. Use `tier:reality-lab` for up to 20 s.',
    );
    expect(refusal(12, withLimits({ maxVideoSeconds: 20 }), 'de')).toBe(
      'Basic-Videos sind 3 bis 10 Sekunden lang. Mit `tier:reality-lab` gehen bis zu 20 s.',
    );
  });

  it('does not offer Reality Lab where the server allows no longer clip, or not that tier', () => {
    expect(refusal(12, withLimits({ maxVideoSeconds: 10 }))).toBe('Basic videos are 3 to 10 seconds long.');
    expect(refusal(12, withLimits({ maxVideoSeconds: 30, allowedTiers: ['basic'] }))).toBe(
      'Basic videos are 3 to 10 seconds long.',
    );
  });
});
