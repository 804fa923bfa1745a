import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EmulatorCore } from './core.js';
import type { EmulatorDriver } from './driver.js';
import { messageJson, responseJson } from './http-json.js';
import { InteractionHandle } from './interaction-handle.js';
import { readBody, sendJson } from './rest/router.js';
import { openEventStream } from './http-events.js';
import { ClientRefusal } from './option-rules.js';
import {
  AutocompleteBody,
  ClickBody,
  FaultsBody,
  ModalBody,
  LocaleBody,
  RunBody,
  SeedBody,
  SelectBody,
} from './http-driver-schemas.js';
import type { PermissionName } from './permissions.js';

/**
 * The driver over HTTP, same origin as the REST API, for the playground page or another process.
 * All bodies and answers are JSON; errors answer 400 `{ error }`, and a command Discord's client would not send
 * (a value out of range, a command the member is not offered) 422 `{ error, refused: true }`. Users, guilds and channels may be given by
 * id or by name. `wait` is 'none' | 'response' | 'reply' (default 'response'); `timeoutMs` bounds it.
 *
 *   GET  /_emulator/state                       -> { applicationId, bot, botConnected, guilds: [{ id, name, boostTier, preferredLocale, channels, roles, members: [{ id, username, displayName, admin, locale }] }] }
 *   POST /_emulator/seed          GuildSeed     -> SeededGuild (permissions as names, e.g. ["SendMessages"], or a decimal string)
 *   POST /_emulator/commands/run  { user, guild?, channel, name, subcommand?, options?, attachments?: { <option>: { filename, base64, contentType? } }, skipClientChecks?, wait?, timeoutMs? }
 *                                               -> { interactionId, response?: { type, message?, modal?, choices? }, reply?: Message }
 *   POST /_emulator/autocomplete  { ...as run, focused }            -> { interactionId, response: { type: 8, choices } }
 *   POST /_emulator/click         { message, customId, user, wait? } -> as run
 *   POST /_emulator/select        { message, customId, values, user, wait? } -> as run
 *   POST /_emulator/modal-submit  { interaction, fields: { <customId>: value }, customId?, user?, wait? } -> as run
 *   POST /_emulator/locale        { locale, user?, guild? } -> { ok: true } (the member's client language, sent as
 *                                 each interaction's `locale`; the server's, sent as `guild_locale`)
 *   GET  /_emulator/interactions/:id/response?timeoutMs=   -> { type, message?, modal?, choices? }
 *   GET  /_emulator/interactions/:id/reply?timeoutMs=      -> Message
 *   GET  /_emulator/channels/:channel/messages?as=<user>   -> { messages: Message[] } (others' ephemeral ones left out)
 *   GET  /_emulator/commands?guild=&as=<user>&channel=     -> { commands } (with `as`: only those offered to that member)
 *   GET  /_emulator/log?limit=                             -> { entries }
 *   POST /_emulator/faults        { rateLimit?: { remaining429, global?, route?, retryAfterMs? }, serverErrors?, oldMessageEdits30046?, dropGateway?: true }
 *   GET  /_emulator/events?as=<user>   Server-Sent Events: message.created | message.updated | message.deleted
 *                                      (data: Message), modal.opened (data: { interactionId, userId, modal }),
 *                                      autocomplete.result (data: { interactionId, userId, choices })
 * Message = { id, channelId, guildId, author: { id, username, displayName, bot }, content, embeds, components,
 *   attachments: [{ id, filename, contentType, size, url, width?, height? }], flags, ephemeral, loading,
 *   ephemeralOwnerId?, interactionId?, interactionUserId?, createdAt, editedAt, deleted }
 */

class BadRequest extends Error {}

/** Permission names arrive as plain strings over HTTP; unknown names are caught when seeding. */
function permissions(value: string | string[] | undefined): string | PermissionName[] | undefined {
  return value as string | PermissionName[] | undefined;
}

export function createHttpDriverHandler(core: EmulatorCore, driver: EmulatorDriver) {
  const store = core.store;

  async function settle(handle: InteractionHandle, wait: string | undefined, timeoutMs: number | undefined) {
    const out: Record<string, unknown> = { interactionId: handle.id };
    if (wait === 'none') return out;
    out.response = responseJson(store, await handle.response(timeoutMs));
    if (wait === 'reply') out.reply = messageJson(store, await handle.reply(timeoutMs));
    return out;
  }

  async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
    const raw = await readBody(req, 50 * 1024 * 1024);
    if (raw === 'too-large') throw new BadRequest('body too large');
    let parsed: unknown;
    try {
      parsed = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      throw new BadRequest('body is not JSON');
    }
    const result = schema.safeParse(parsed);
    if (!result.success) throw new BadRequest(z.prettifyError(result.error));
    return result.data;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<unknown> {
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').slice(2).map(decodeURIComponent);
    const hasId = parts[0] === 'interactions' || parts[0] === 'channels';
    const key = `${method} ${parts.map((part, i) => (hasId && i === 1 ? ':id' : part)).join('/')}`;
    const timeout = Number(url.searchParams.get('timeoutMs') ?? '') || undefined;
    switch (key) {
      case 'GET state':
        return state();
      case 'POST seed': {
        const seed = await body(req, SeedBody);
        return driver.seedGuild({
          ...seed,
          everyonePermissions: permissions(seed.everyonePermissions),
          botPermissions: permissions(seed.botPermissions),
          roles: seed.roles?.map((r) => ({ ...r, permissions: permissions(r.permissions) })),
          channels: seed.channels?.map((c) => ({
            ...c,
            botAllow: permissions(c.botAllow),
            botDeny: permissions(c.botDeny),
            everyoneAllow: permissions(c.everyoneAllow),
            everyoneDeny: permissions(c.everyoneDeny),
          })),
        });
      }
      case 'POST commands/run': {
        const { wait, timeoutMs, attachments, ...run } = await body(req, RunBody);
        const files = Object.fromEntries(
          Object.entries(attachments ?? {}).map(([name, f]) => [
            name,
            {
              filename: f.filename,
              bytes: Buffer.from(f.base64, 'base64'),
              ...(f.contentType ? { contentType: f.contentType } : {}),
            },
          ]),
        );
        return settle(driver.runCommand({ ...run, attachments: files }), wait, timeoutMs);
      }
      case 'POST autocomplete': {
        const { wait, timeoutMs, attachments: _files, ...run } = await body(req, AutocompleteBody);
        return settle(driver.autocomplete(run), wait, timeoutMs);
      }
      case 'POST click': {
        const { wait, timeoutMs, ...click } = await body(req, ClickBody);
        return settle(driver.clickButton(click), wait, timeoutMs);
      }
      case 'POST select': {
        const { wait, timeoutMs, ...select } = await body(req, SelectBody);
        return settle(driver.selectMenu(select), wait, timeoutMs);
      }
      case 'POST modal-submit': {
        const { wait, timeoutMs, ...submission } = await body(req, ModalBody);
        return settle(driver.submitModal(submission), wait, timeoutMs);
      }
      case 'POST locale': {
        const { user, guild, locale } = await body(req, LocaleBody);
        if (user !== undefined) driver.setLocale(user, locale);
        if (guild !== undefined) driver.setGuildLocale(guild, locale);
        return { ok: true };
      }
      case 'GET interactions/:id/response':
      case 'GET interactions/:id/reply': {
        const record = store.interactions.get(parts[1] ?? '');
        if (!record) throw new BadRequest('unknown interaction');
        const handle = new InteractionHandle(core, record);
        return parts[2] === 'reply'
          ? messageJson(store, await handle.reply(timeout))
          : responseJson(store, await handle.response(timeout));
      }
      case 'GET channels/:id/messages': {
        const as = url.searchParams.get('as') ?? undefined;
        const channelId = driver.channelId(parts[1] ?? '');
        return { messages: driver.messages(channelId, as ? { as } : {}).map((m) => messageJson(store, m)) };
      }
      case 'GET commands': {
        const guild = url.searchParams.get('guild') ?? undefined;
        const as = url.searchParams.get('as') ?? undefined;
        const channel = url.searchParams.get('channel') ?? undefined;
        return {
          commands: driver.commands(guild, {
            ...(as ? { as } : {}),
            ...(channel ? { channel } : {}),
          }),
        };
      }
      case 'GET log': {
        const limit = Number(url.searchParams.get('limit') ?? 100) || 100;
        return { entries: store.restLog.slice(-limit) };
      }
      case 'GET faults':
        return faultsJson();
      case 'POST faults': {
        const change = await body(req, FaultsBody);
        if (change.rateLimit) Object.assign(core.faults.rateLimit, change.rateLimit);
        if (change.serverErrors !== undefined) core.faults.serverErrors = change.serverErrors;
        if (change.oldMessageEdits30046 !== undefined)
          core.faults.oldMessageEdits30046 = change.oldMessageEdits30046;
        if (change.dropGateway) core.faults.dropGateway();
        return faultsJson();
      }
      case 'GET events': {
        const as = url.searchParams.get('as');
        openEventStream(core, req, res, as ? driver.userId(as) : undefined);
        return undefined;
      }
      default:
        sendJson(res, 404, { error: `no such emulator route: ${method} ${url.pathname}` });
        return undefined;
    }
  }

  function faultsJson() {
    const { rateLimit, serverErrors, oldMessageEdits30046 } = core.faults;
    return { rateLimit, serverErrors, oldMessageEdits30046 };
  }

  function state() {
    return {
      applicationId: core.settings.applicationId,
      bot: { id: core.settings.botUserId, username: core.settings.botUsername },
      botConnected: core.gateway.connected,
      guilds: [...store.guilds.values()].map((g) => {
        const described = driver.describeGuild(g.id);
        return {
          id: g.id,
          name: g.name,
          boostTier: g.boostTier,
          preferredLocale: g.preferredLocale,
          channels: store.guildChannels(g.id).map((c) => ({ id: c.id, name: c.name })),
          roles: store
            .guildRoles(g.id)
            .map((r) => ({ id: r.id, name: r.name, permissions: r.permissions.toString() })),
          members: store.guildMembers(g.id).flatMap((m) => {
            const user = store.users.get(m.userId);
            if (!user || user.bot) return [];
            const admin = m.roleIds.includes(described.roles.Admin ?? '-') || g.ownerId === m.userId;
            return [
              {
                id: user.id,
                username: user.username,
                displayName: user.globalName ?? user.username,
                admin,
                locale: user.locale ?? 'en-US',
              },
            ];
          }),
        };
      }),
    };
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    // Same origin needs nothing; a page served elsewhere on this machine (a dev server) may call in too.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type',
      });
      res.end();
      return;
    }
    try {
      const result = await route(req, res, url);
      if (result !== undefined && !res.headersSent)
        sendJson(res, 200, result, { 'cache-control': 'no-store' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) return;
      if (error instanceof ClientRefusal) sendJson(res, 422, { error: message, refused: true });
      else sendJson(res, 400, { error: message });
    }
  };
}
