import { ChannelType } from 'discord-api-types/v10';
import { apiChannel, apiMember, apiRole, apiUser } from '../api-shapes.js';
import type { EmulatorCore } from '../core.js';
import { invalidFormBody, unknownGuild, unknownMember, unknownUser } from '../errors.js';
import { asRecord } from '../limits.js';
import type { StoredChannel } from '../types.js';
import { json, type RouteDefinition } from './route-types.js';

/** Gateway discovery, users, DMs, guilds and the application: the smaller routes a bot touches. */

function gatewayUrl(core: EmulatorCore): string {
  return `${core.origin.replace(/^http/, 'ws')}/gateway`;
}

function guildFor(core: EmulatorCore, guildId: string | undefined) {
  const guild = guildId ? core.store.guilds.get(guildId) : undefined;
  if (!guild || !core.store.member(guild.id, core.settings.botUserId)) throw unknownGuild();
  return guild;
}

function openDm(core: EmulatorCore, body: unknown): StoredChannel {
  const issues = core.validator?.('CreatePrivateChannelRequestSchema', body) ?? [];
  if (issues.length > 0) throw invalidFormBody(issues);
  const recipientId = asRecord(body)?.recipient_id;
  if (typeof recipientId !== 'string' || !core.store.users.has(recipientId)) throw unknownUser();
  const existing = [...core.store.channels.values()].find(
    (c) => c.type === ChannelType.DM && c.recipientId === recipientId,
  );
  if (existing) return existing;
  const channel: StoredChannel = {
    id: core.store.nextId(),
    guildId: null,
    name: '',
    type: ChannelType.DM,
    position: 0,
    topic: null,
    overwrites: [],
    recipientId,
  };
  core.store.channels.set(channel.id, channel);
  return channel;
}

export const miscRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: '/gateway/bot',
    auth: 'bot',
    handle: ({ core }) =>
      json({
        url: gatewayUrl(core),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      }),
  },
  { method: 'GET', pattern: '/gateway', auth: 'none', handle: ({ core }) => json({ url: gatewayUrl(core) }) },
  {
    method: 'GET',
    pattern: '/users/@me',
    auth: 'bot',
    handle: ({ core }) => {
      const bot = core.store.users.get(core.settings.botUserId);
      if (!bot) throw unknownUser();
      return json({ ...apiUser(bot), verified: true, mfa_enabled: false, locale: 'en-US' });
    },
  },
  {
    method: 'GET',
    pattern: '/users/:user',
    auth: 'bot',
    handle: ({ core, params }) => {
      const user = core.store.users.get(params.user ?? '');
      if (!user) throw unknownUser();
      return json(apiUser(user));
    },
  },
  {
    method: 'POST',
    pattern: '/users/@me/channels',
    auth: 'bot',
    handle: ({ core, body }) => json(apiChannel(core.store, openDm(core, body))),
  },
  {
    method: 'GET',
    pattern: '/applications/@me',
    auth: 'bot',
    handle: ({ core }) => {
      const bot = core.store.users.get(core.settings.botUserId);
      return json({
        id: core.settings.applicationId,
        name: core.settings.botUsername,
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        owner: bot ? apiUser(bot) : undefined,
        ...(bot ? { bot: apiUser(bot) } : {}),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guild',
    auth: 'bot',
    major: 'guild',
    handle: ({ core, params }) => {
      const guild = guildFor(core, params.guild);
      return json({
        id: guild.id,
        name: guild.name,
        owner_id: guild.ownerId,
        premium_tier: guild.boostTier,
        preferred_locale: guild.preferredLocale,
        roles: core.store.guildRoles(guild.id).map(apiRole),
        emojis: [],
        stickers: [],
        features: [],
      });
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guild/roles',
    auth: 'bot',
    major: 'guild',
    handle: ({ core, params }) => json(core.store.guildRoles(guildFor(core, params.guild).id).map(apiRole)),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guild/channels',
    auth: 'bot',
    major: 'guild',
    handle: ({ core, params }) =>
      json(core.store.guildChannels(guildFor(core, params.guild).id).map((c) => apiChannel(core.store, c))),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guild/members/:user',
    auth: 'bot',
    major: 'guild',
    handle: ({ core, params }) => {
      const guild = guildFor(core, params.guild);
      const member = core.store.member(guild.id, params.user ?? '');
      if (!member) throw unknownMember();
      return json(apiMember(core.store, member));
    },
  },
];
