import type { APIApplicationCommandOption } from 'discord-api-types/v10';
import type { EmulatorCore } from '../core.js';
import { invalidFormBody, missingAccess, unknownCommand, unknownGuild, type FieldIssue } from '../errors.js';
import { asArray, asRecord } from '../limits.js';
import type { RegisteredCommand } from '../types.js';
import { json, noContent, type RouteDefinition, type RouteResult } from './route-types.js';

/** Application command registration: bulk overwrite (PUT), list, create one, delete one; global or per guild. */

/** The spec types default_member_permissions as a number, but Discord (and discord.js) use a decimal string. */
function forSchema(command: Record<string, unknown>): Record<string, unknown> {
  const perms = command.default_member_permissions;
  return typeof perms === 'string' && /^\d+$/.test(perms)
    ? { ...command, default_member_permissions: Number(perms) }
    : command;
}

function validateCommands(core: EmulatorCore, commands: unknown[], prefix: (string | number)[]): void {
  const issues: FieldIssue[] = [];
  const names = new Set<string>();
  commands.forEach((raw, i) => {
    const command = asRecord(raw) ?? {};
    const found = core.validator?.('ApplicationCommandCreateRequestSchema', forSchema(command)) ?? [];
    issues.push(...found.map((issue) => ({ ...issue, path: [...prefix, i, ...issue.path] })));
    const key = `${String(command.type ?? 1)}:${String(command.name)}`;
    if (names.has(key))
      issues.push({
        path: [...prefix, i, 'name'],
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: 'Application command names must be unique',
      });
    names.add(key);
  });
  if (issues.length > 0) throw invalidFormBody(issues);
}

function toRegistered(
  core: EmulatorCore,
  raw: unknown,
  guildId: string | undefined,
  existing: RegisteredCommand[],
): RegisteredCommand {
  const command = asRecord(raw) ?? {};
  const type = typeof command.type === 'number' ? command.type : 1;
  const previous = existing.find((c) => c.name === command.name && c.type === type);
  const perms = command.default_member_permissions;
  return {
    id: previous?.id ?? core.store.nextId(),
    application_id: core.settings.applicationId,
    version: core.store.nextId(),
    type,
    name: String(command.name),
    name_localizations: asRecord(command.name_localizations) ?? null,
    description: typeof command.description === 'string' ? command.description : '',
    description_localizations: asRecord(command.description_localizations) ?? null,
    options: asArray(command.options) as APIApplicationCommandOption[],
    default_member_permissions: perms === undefined || perms === null ? null : String(perms),
    dm_permission: command.dm_permission !== false,
    nsfw: command.nsfw === true,
    contexts: Array.isArray(command.contexts) ? (command.contexts as RegisteredCommand['contexts']) : null,
    integration_types: Array.isArray(command.integration_types)
      ? (command.integration_types as RegisteredCommand['integration_types'])
      : [0],
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

function scope(core: EmulatorCore, params: Record<string, string>): string | undefined {
  if (params.app !== core.settings.applicationId) throw missingAccess();
  const guildId = params.guild;
  if (guildId !== undefined && !core.store.guilds.has(guildId)) throw unknownGuild();
  return guildId;
}

const inScope = (guildId: string | undefined) => (c: RegisteredCommand) => c.guild_id === guildId;

function overwrite(core: EmulatorCore, params: Record<string, string>, body: unknown): RouteResult {
  const guildId = scope(core, params);
  const list = asArray(body);
  validateCommands(core, list, []);
  const existing = core.store.commands.filter(inScope(guildId));
  const next = list.map((raw) => toRegistered(core, raw, guildId, existing));
  core.store.commands = [...core.store.commands.filter((c) => !inScope(guildId)(c)), ...next];
  return json(next);
}

function createOne(core: EmulatorCore, params: Record<string, string>, body: unknown): RouteResult {
  const guildId = scope(core, params);
  validateCommands(core, [body], []);
  const existing = core.store.commands.filter(inScope(guildId));
  const command = toRegistered(core, body, guildId, existing);
  const replaced = existing.some((c) => c.id === command.id);
  core.store.commands = [...core.store.commands.filter((c) => c.id !== command.id), command];
  return json(command, replaced ? 200 : 201);
}

function deleteOne(core: EmulatorCore, params: Record<string, string>): RouteResult {
  const guildId = scope(core, params);
  const found = core.store.commands.find((c) => c.id === params.command && inScope(guildId)(c));
  if (!found) throw unknownCommand();
  core.store.commands = core.store.commands.filter((c) => c !== found);
  return noContent();
}

const list = (core: EmulatorCore, params: Record<string, string>): RouteResult =>
  json(core.store.commands.filter(inScope(scope(core, params))));

export const commandRoutes: RouteDefinition[] = [
  '/applications/:app/commands',
  '/applications/:app/guilds/:guild/commands',
].flatMap((base): RouteDefinition[] => [
  {
    method: 'GET',
    pattern: base,
    auth: 'bot',
    major: 'app',
    handle: ({ core, params }) => list(core, params),
  },
  {
    method: 'PUT',
    pattern: base,
    auth: 'bot',
    major: 'app',
    handle: ({ core, params, body }) => overwrite(core, params, body),
  },
  {
    method: 'POST',
    pattern: base,
    auth: 'bot',
    major: 'app',
    handle: ({ core, params, body }) => createOne(core, params, body),
  },
  {
    method: 'GET',
    pattern: `${base}/:command`,
    auth: 'bot',
    major: 'app',
    handle: ({ core, params }) => {
      const found = core.store.commands.find(
        (c) => c.id === params.command && inScope(scope(core, params))(c),
      );
      if (!found) throw unknownCommand();
      return json(found);
    },
  },
  {
    method: 'DELETE',
    pattern: `${base}/:command`,
    auth: 'bot',
    major: 'app',
    handle: ({ core, params }) => deleteOne(core, params),
  },
]);
