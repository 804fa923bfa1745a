import { UserError } from '../errors.js';
import type { GuildSettings } from '../services/credits/index.js';

/** The server's channel allow-list for generation commands (empty: everywhere). */
export function assertChannelAllowed(settings: GuildSettings, channelId: string | null, what: string): void {
  if (settings.channels.length === 0 || (channelId && settings.channels.includes(channelId))) return;
  const where = settings.channels.map((id) => `<#${id}>`).join(', ');
  throw new UserError(`${what} are made in ${where} on this server. Try there!`, 'channel-not-allowed');
}
