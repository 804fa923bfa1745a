import { quotaCommandData } from './data/quota.js';
import { defineCommand } from './kit/define-command.js';
import { requireServerManager } from './quota-access.js';
import { ALERT_HANDLERS } from './quota-alerts.js';
import { CREDIT_HANDLERS } from './quota-credits.js';
import { SETTINGS_HANDLERS } from './quota-settings.js';
import { features } from './quota-features.js';
import type { QuotaHandler, QuotaHandlers, QuotaSubcommand } from './quota-types.js';

/**
 * `/quota`: the admins' controls. Discord shows it only to members with Manage Server
 * (default_member_permissions); the same permission is checked here again before anything is read
 * or changed, because admins can override who sees a command and interactions can be forged.
 */

const HANDLERS: QuotaHandlers = { ...SETTINGS_HANDLERS, ...CREDIT_HANDLERS, ...ALERT_HANDLERS, features };

export const quotaModule = defineCommand(quotaCommandData, {
  async execute(interaction, { subcommand, options }, ctx) {
    requireServerManager(interaction);
    // TypeScript cannot pair a union's two fields; the reader filled both from one subcommand.
    const handler = HANDLERS[subcommand] as QuotaHandler<QuotaSubcommand>;
    await handler(interaction, options, ctx);
  },
});
