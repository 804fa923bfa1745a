import { ApplicationCommandOptionType, ChannelType } from 'discord-api-types/v10';
import type { APIApplicationCommandOption } from 'discord-api-types/v10';
import { apiAttachment, apiRole, apiUser, iso } from './api-shapes.js';
import { makeAttachment } from './attachments.js';
import type { EmulatorCore } from './core.js';
import { acceptedValue, ClientRefusal } from './option-rules.js';
import type { RegisteredCommand } from './types.js';

/**
 * Turns the driver's simple option record (`{ prompt: 'a cat', count: 2 }`) into Discord's typed option array
 * and `resolved` map, using the options the bot registered, as the Discord client would. Values the client
 * would not send (see option-rules.ts) throw a ClientRefusal; names the command lacks throw a plain Error
 * (a mistake in the test, not something a member can type).
 */

/** A file for an attachment option. */
export interface FileInput {
  filename: string;
  bytes: Buffer | Uint8Array | string;
  contentType?: string;
}

export type OptionValue = string | number | boolean | FileInput;

export interface OptionTarget {
  guildId: string | null;
  channelId: string;
}

interface Resolved {
  users: Record<string, unknown>;
  members: Record<string, unknown>;
  roles: Record<string, unknown>;
  channels: Record<string, unknown>;
  attachments: Record<string, unknown>;
}

export interface BuiltOptions {
  options: unknown[];
  resolved: Partial<Resolved>;
}

const T = ApplicationCommandOptionType;

type OptionDefinition = APIApplicationCommandOption & {
  options?: APIApplicationCommandOption[];
  choices?: { name: string; value: unknown }[];
};

function definitionsOf(option: APIApplicationCommandOption | RegisteredCommand): OptionDefinition[] {
  const options: unknown = Reflect.get(option, 'options');
  return Array.isArray(options) ? (options as OptionDefinition[]) : [];
}

/** A value converted to the option's type without any of the client's checks (see skipClientChecks). */
function unchecked(type: number, value: string | number | boolean): string | number | boolean {
  if (type === T.String) return String(value);
  if (type === T.Boolean) return value === true || value === 'true';
  return Number(value);
}

export class OptionBuilder {
  private readonly resolved: Resolved = { users: {}, members: {}, roles: {}, channels: {}, attachments: {} };

  constructor(
    private readonly core: EmulatorCore,
    private readonly target: OptionTarget,
    /** false: pass values through as typed (converted to the option's type), as a forged interaction. */
    private readonly clientChecks = true,
  ) {}

  /** `path` is the subcommand group and/or subcommand, e.g. ['allowance'] for `/quota allowance`. */
  build(
    command: RegisteredCommand,
    path: string[],
    values: Record<string, OptionValue>,
    focused?: string,
  ): BuiltOptions {
    let level: APIApplicationCommandOption | RegisteredCommand = command;
    const chain: OptionDefinition[] = [];
    for (const name of path) {
      const next: OptionDefinition | undefined = definitionsOf(level).find(
        (o) => o.name === name && (o.type === T.Subcommand || o.type === T.SubcommandGroup),
      );
      if (!next) throw new Error(`/${command.name} has no subcommand "${name}"`);
      chain.push(next);
      level = next;
    }
    if (definitionsOf(level).some((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup))
      throw new ClientRefusal(`/${[command.name, ...path].join(' ')} needs a subcommand`);
    let options = this.leafOptions(command.name, definitionsOf(level), values, focused);
    for (const def of chain.reverse()) options = [{ type: def.type, name: def.name, options }];
    const resolved = Object.fromEntries(
      Object.entries(this.resolved).filter(([, map]) => Object.keys(map).length > 0),
    );
    return { options, resolved };
  }

  private leafOptions(
    command: string,
    defs: OptionDefinition[],
    values: Record<string, OptionValue>,
    focused?: string,
  ): unknown[] {
    for (const name of Object.keys(values)) {
      if (!defs.some((d) => d.name === name)) throw new Error(`/${command} has no option "${name}"`);
    }
    const out: unknown[] = [];
    for (const def of defs) {
      const value = values[def.name];
      if (value === undefined) {
        if (Reflect.get(def, 'required') === true && focused === undefined && this.clientChecks)
          throw new ClientRefusal(`/${command} needs the option "${def.name}"`);
        continue;
      }
      if (def.name === focused) {
        out.push({ type: def.type, name: def.name, value: String(value), focused: true });
        continue;
      }
      try {
        out.push({ type: def.type, name: def.name, value: this.convert(command, def, value) });
      } catch (error) {
        // While the member types, autocomplete carries the other options only when they pass the
        // client's checks (Discord: "partial strings, but not invalid numbers"); a half-typed one is
        // left out rather than silencing the suggestions.
        if (focused !== undefined && error instanceof ClientRefusal) continue;
        throw error;
      }
    }
    return out;
  }

  private convert(command: string, def: OptionDefinition, value: OptionValue): string | number | boolean {
    const fail = (what: string): never => {
      throw new Error(`/${command} option "${def.name}" ${what}`);
    };
    switch (def.type) {
      case T.String:
      case T.Integer:
      case T.Number:
      case T.Boolean:
        if (typeof value === 'object') return fail('needs a plain value, not a file');
        return this.clientChecks ? acceptedValue(command, def, value) : unchecked(def.type, value);
      case T.User:
        return this.resolveUser(String(value)) ?? fail(`names an unknown user "${String(value)}"`);
      case T.Channel:
        return (
          this.resolveChannel(command, def, String(value)) ??
          fail(`names an unknown channel "${String(value)}"`)
        );
      case T.Role:
        return this.resolveRole(String(value)) ?? fail(`names an unknown role "${String(value)}"`);
      case T.Mentionable:
        return (
          this.resolveUser(String(value)) ?? this.resolveRole(String(value)) ?? fail('names nothing known')
        );
      case T.Attachment:
        if (typeof value !== 'object') return fail('needs a file { filename, bytes }');
        return this.resolveAttachment(value);
      default:
        return fail('has an unsupported type');
    }
  }

  resolveUser(ref: string): string | undefined {
    const { store } = this.core;
    const user =
      store.users.get(ref) ??
      [...store.users.values()].find((u) => u.username === ref || u.globalName === ref);
    if (!user) return undefined;
    this.resolved.users[user.id] = apiUser(user);
    const member = this.target.guildId ? store.member(this.target.guildId, user.id) : undefined;
    const channel = store.channels.get(this.target.channelId);
    if (member && channel) {
      this.resolved.members[user.id] = {
        roles: member.roleIds,
        nick: member.nick,
        avatar: null,
        joined_at: iso(member.joinedAt),
        premium_since: null,
        pending: false,
        flags: 0,
        permissions: store.permissionsIn(channel, user.id).toString(),
      };
    }
    return user.id;
  }

  private resolveChannel(command: string, def: OptionDefinition, ref: string): string | undefined {
    const { store } = this.core;
    const channel =
      store.channels.get(ref) ??
      [...store.channels.values()].find(
        (c) => c.guildId === this.target.guildId && (c.name === ref || `#${c.name}` === ref),
      );
    if (!channel) return undefined;
    // The client lists only channels of the option's types.
    const types: unknown = Reflect.get(def, 'channel_types');
    if (Array.isArray(types) && types.length > 0 && !types.includes(channel.type))
      throw new ClientRefusal(
        `/${command} ${def.name}: #${channel.name} is not a channel of the kind it takes`,
      );
    this.resolved.channels[channel.id] = {
      id: channel.id,
      name: channel.name,
      type: channel.type === ChannelType.DM ? ChannelType.DM : ChannelType.GuildText,
      permissions: store.permissionsIn(channel, this.core.settings.botUserId).toString(),
    };
    return channel.id;
  }

  private resolveRole(ref: string): string | undefined {
    const role =
      this.core.store.roles.get(ref) ??
      [...this.core.store.roles.values()].find((r) => r.guildId === this.target.guildId && r.name === ref);
    if (!role) return undefined;
    this.resolved.roles[role.id] = apiRole(role);
    return role.id;
  }

  private resolveAttachment(file: FileInput): string {
    const attachment = makeAttachment({
      id: this.core.store.nextId(),
      origin: this.core.origin,
      channelId: this.target.channelId,
      filename: file.filename,
      bytes: typeof file.bytes === 'string' ? Buffer.from(file.bytes) : Buffer.from(file.bytes),
      ...(file.contentType ? { contentType: file.contentType } : {}),
    });
    this.core.store.attachments.set(attachment.id, attachment);
    this.resolved.attachments[attachment.id] = { ...apiAttachment(attachment), ephemeral: true };
    return attachment.id;
  }
}
