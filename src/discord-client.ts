import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

/**
 * The bot needs guilds, channels, roles and its own member (for permissions) from the gateway, and
 * nothing about messages: every reply is edited through the interaction webhook or the REST API. The
 * caches are cut down to that, so memory stays flat however many members use the bot.
 */
export function createDiscordClient(options: { apiUrl?: string | undefined } = {}): Client {
  const clientOptions: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      AutoModerationRuleManager: 0,
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 500, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user.id },
    },
    // Replies never ping anyone unless a message says so (the late-delivery mention does).
    allowedMentions: { parse: [], repliedUser: false },
  };
  if (options.apiUrl) clientOptions.rest = { api: options.apiUrl };
  return new Client(clientOptions);
}
