import { TIER_SPECS, type StudioTier } from '../../percify-catalog.js';
import type { GuildSettings } from './guild-settings.js';

/**
 * What a server allows, as members are told it: one place, so `/help`, the Animate panel and the
 * refusals never advertise a longer video than the server's admins allow today.
 */

/** The longest video of a tier on this server: Percify's limit for the tier, or the server's if lower. */
export function longestVideoSeconds(
  limits: Pick<GuildSettings['limits'], 'maxVideoSeconds'>,
  tier: StudioTier,
): number {
  return Math.min(TIER_SPECS[tier].maxSeconds, limits.maxVideoSeconds);
}
