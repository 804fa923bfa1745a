import type { BotContext } from '../context.js';
import type { quotaCommandData } from './data/quota.js';
import type { SubcommandName, SubcommandOptions } from './kit/option-types.js';
import type { GuildCommandInteraction } from './types.js';

type QuotaData = typeof quotaCommandData;

/** `/quota`'s subcommands as Discord shows them: "view", "channels add", … */
export type QuotaSubcommand = SubcommandName<QuotaData>;

/** One `/quota` subcommand's handler, with that subcommand's options read and typed from the data. */
export type QuotaHandler<Name extends QuotaSubcommand> = (
  interaction: GuildCommandInteraction,
  options: SubcommandOptions<QuotaData, Name>,
  ctx: BotContext,
) => Promise<void>;

/** A handler for every subcommand: adding one to the data without its handler breaks the build. */
export type QuotaHandlers = { [Name in QuotaSubcommand]: QuotaHandler<Name> };
