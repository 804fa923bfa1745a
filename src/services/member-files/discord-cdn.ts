/**
 * Where a member's attachment may be fetched from: Discord's own CDN, nothing else, so a crafted URL
 * cannot make the bot fetch an internal address. The Discord API URL the bot is pointed at (the
 * emulator, in the sandbox modes) serves attachments of its own, so its origin counts too.
 */
export const DISCORD_CDN_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'] as const;

export function discordFileOrigins(discordApiUrl: string | undefined): string[] {
  const origins = DISCORD_CDN_HOSTS.map((host) => `https://${host}`);
  if (discordApiUrl) origins.push(new URL(discordApiUrl).origin);
  return origins;
}
