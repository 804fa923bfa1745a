import { describe, expect, it } from 'vitest';
import { resolveVideoParams } from '../../src/commands/animate-job.js';
import { UserError } from '../../src/errors.js';
import { DEFAULT_GUILD_SETTINGS, type GuildSettings } from '../../src/services/credits/guild-settings.js';

const withLimits = (limits: Partial<GuildSettings['limits']>): GuildSettings => ({
  ...DEFAULT_GUILD_SETTINGS,
  limits: { ...DEFAULT_GUILD_SETTINGS.limits, ...limits },
});

function refusal(durationSeconds: number, settings: GuildSettings): string {
  try {
    resolveVideoParams({ avatarId: 'avatar_1', tier: 'basic', durationSeconds }, settings);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('the clip was accepted');
}

describe('a clip too long for Basic', () => {
  it('points to Reality Lab with the length this server allows on it', () => {
    expect(refusal(12, withLimits({ maxVideoSeconds: 20 }))).toBe(
      'Basic videos are 3 to 10 seconds long. Use `tier:reality-lab` for up to 20 s.',
    );
  });

  it('does not offer Reality Lab where the server allows no longer clip, or not that tier', () => {
    expect(refusal(12, withLimits({ maxVideoSeconds: 10 }))).toBe('Basic videos are 3 to 10 seconds long.');
    expect(refusal(12, withLimits({ maxVideoSeconds: 30, allowedTiers: ['basic'] }))).toBe(
      'Basic videos are 3 to 10 seconds long.',
    );
  });
});
