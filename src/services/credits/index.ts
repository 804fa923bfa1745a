/** The credits service's public surface: import from here, not from the files behind it. */
export {
  AVATAR_MODELS,
  DEFAULT_GUILD_SETTINGS,
  GuildSettingsService,
  SettingsValidationError,
  VIDEO_TIERS,
  allowanceFor,
  findBlockedPhrase,
  guildSettingsSchema,
  type AvatarModel,
  type GuildSettings,
  type GuildSettingsServiceOptions,
  type VideoTier,
} from './guild-settings.js';
export { Ledger, type AdminCreditChange, type LedgerOptions } from './ledger.js';
export type * from './ledger-types.js';
export { renderUsageChart, usageChartSvg, type UsageChartInput } from './usage-chart.js';
