import { ComponentType, InteractionType, Locale, OverwriteType } from 'discord-api-types/v10';
import { apiMessage, emulatedMessage } from './api-shapes.js';
import { isOfferedTo, neededPermissionNames } from './command-access.js';
import { OptionBuilder } from './command-options.js';
import type { EmulatorCore } from './core.js';
import { createInteraction } from './interaction-factory.js';
import { ClientRefusal } from './option-rules.js';
import { InteractionHandle, waitFor } from './interaction-handle.js';
import { checkSelectValues, findComponent } from './component-lookup.js';
import { buildModalSubmitComponents } from './modal-submit.js';
import { basePermissions, toPermissionBits, type PermissionInput } from './permissions.js';
import { Seeder, type ChannelSeed, type GuildSeed, type MemberSeed, type SeededGuild } from './seed.js';
import type { Gateway } from './gateway.js';
import type {
  AutocompleteInvocation,
  CommandInvocation,
  CommandQuery,
  ComponentInvocation,
  MessageQuery,
  ModalSubmission,
  SelectInvocation,
} from './driver-types.js';
import type {
  BoostTier,
  EmulatedMessage,
  InteractionRecord,
  RegisteredCommand,
  RestLogEntry,
} from './types.js';

/** The test driver: seeds the world and plays the Discord user (commands, clicks, selects, modals). */

export class EmulatorDriver {
  private readonly seeder: Seeder;

  constructor(
    private readonly core: EmulatorCore,
    private readonly gateway: Gateway,
  ) {
    this.seeder = new Seeder(core);
  }

  seedGuild(seed: GuildSeed): SeededGuild {
    return this.seeder.seedGuild(seed);
  }

  addChannel(guild: string, seed: ChannelSeed): string {
    return this.seeder.addChannel(this.guildId(guild), seed).id;
  }

  addMember(guild: string, seed: MemberSeed): string {
    return this.seeder.addMember(this.guildId(guild), seed);
  }

  /**
   * Replaces the bot's own permission overwrite on a channel while running, as an admin editing the
   * channel would (e.g. taking Send Messages away to force another delivery path).
   */
  setBotChannelPermissions(channel: string, allow?: PermissionInput, deny?: PermissionInput): void {
    const stored = this.core.store.channels.get(this.channelId(channel));
    if (!stored) throw new Error(`No channel ${channel}`);
    const botId = this.core.settings.botUserId;
    stored.overwrites = stored.overwrites.filter((o) => !(o.type === OverwriteType.Member && o.id === botId));
    stored.overwrites.push({
      id: botId,
      type: OverwriteType.Member,
      allow: toPermissionBits(allow),
      deny: toPermissionBits(deny),
    });
  }

  /** Opens or closes a member's DMs, as their privacy setting does: closed, messages answer 50007. */
  setDirectMessagesOpen(user: string, open: boolean): void {
    const stored = this.core.store.users.get(this.userId(user));
    if (stored) stored.dmsClosed = !open;
  }

  /**
   * The language a member's Discord client is set to, from then on sent as the `locale` of each of
   * their interactions (an invocation's own `locale` still wins). Only Discord's locale codes.
   */
  setLocale(user: string, locale: string): void {
    checkLocale(locale);
    const stored = this.core.store.users.get(this.userId(user));
    if (stored) stored.locale = locale;
  }

  /** A server's community language (Server Settings → Community), sent as `guild_locale`. */
  setGuildLocale(guild: string, locale: string): void {
    checkLocale(locale);
    const stored = this.core.store.guilds.get(this.guildId(guild));
    if (stored) stored.preferredLocale = locale;
  }

  /** Deletes a message as a moderator would. */
  deleteMessage(id: string): void {
    const stored = this.core.store.liveMessage(id);
    if (!stored) throw new Error(`No message ${id}`);
    this.core.store.deleteMessage(stored);
  }

  setBoostTier(guild: string, tier: BoostTier): void {
    this.seeder.setBoostTier(this.guildId(guild), tier);
  }

  describeGuild(guild: string): SeededGuild {
    return this.seeder.describe(this.guildId(guild));
  }

  /** Resolves once a bot has identified (and been sent its guilds). */
  waitForBot(timeoutMs?: number): Promise<void> {
    return this.gateway.waitForBot(timeoutMs);
  }

  runCommand(invocation: CommandInvocation): InteractionHandle {
    return this.command(invocation, InteractionType.ApplicationCommand);
  }

  autocomplete(invocation: AutocompleteInvocation): InteractionHandle {
    return this.command(invocation, InteractionType.ApplicationCommandAutocomplete, invocation.focused);
  }

  clickButton(invocation: ComponentInvocation): InteractionHandle {
    return this.component(invocation, ComponentType.Button);
  }

  selectMenu(invocation: SelectInvocation): InteractionHandle {
    return this.component(invocation, ComponentType.StringSelect, invocation.values);
  }

  submitModal(submission: ModalSubmission): InteractionHandle {
    const parentId =
      typeof submission.interaction === 'string' ? submission.interaction : submission.interaction.id;
    const parent = this.core.store.interactions.get(parentId);
    if (!parent?.modal) throw new Error(`Interaction ${parentId} did not open a modal`);
    const customId = submission.customId ?? parent.modal.custom_id;
    if (customId !== parent.modal.custom_id)
      throw new Error(`The open modal is "${parent.modal.custom_id}", not "${customId}"`);
    const source = parent.sourceMessageId ? this.core.store.liveMessage(parent.sourceMessageId) : undefined;
    const record = createInteraction(this.core, {
      type: InteractionType.ModalSubmit,
      userId: submission.user ? this.userId(submission.user) : parent.userId,
      guildId: parent.guildId,
      channelId: parent.channelId,
      data: { custom_id: customId, components: buildModalSubmitComponents(parent.modal, submission.fields) },
      parentInteractionId: parent.id,
      ...(submission.locale ? { locale: submission.locale } : {}),
      ...(source ? { sourceMessageId: source.id, message: apiMessage(this.core.store, source) } : {}),
    });
    return new InteractionHandle(this.core, record);
  }

  /** First message (now or later) matching the predicate; edits count, so a message can come to match. */
  waitForMessage(
    predicate: (message: EmulatedMessage) => boolean,
    timeoutMs = 5000,
  ): Promise<EmulatedMessage> {
    return waitFor(
      this.core,
      () => {
        for (const message of this.core.store.messages.values()) {
          if (message.deleted) continue;
          const view = emulatedMessage(this.core.store, message);
          if (predicate(view)) return view;
        }
        return undefined;
      },
      timeoutMs,
      'a matching message',
    );
  }

  /** Resolves when message `id` has been edited into a state matching the predicate. */
  waitForEdit(
    id: string,
    predicate: (message: EmulatedMessage) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<EmulatedMessage> {
    return waitFor(
      this.core,
      () => {
        const message = this.core.store.messages.get(id);
        if (!message || message.editedAt === null) return undefined;
        const view = emulatedMessage(this.core.store, message);
        return predicate(view) ? view : undefined;
      },
      timeoutMs,
      `an edit of message ${id}`,
      { message: (message) => message.id === id },
    );
  }

  message(id: string): EmulatedMessage | undefined {
    const message = this.core.store.messages.get(id);
    return message ? emulatedMessage(this.core.store, message) : undefined;
  }

  /** A channel's messages, oldest first, with attachment bytes. */
  messages(channel: string, query: MessageQuery = {}): EmulatedMessage[] {
    const channelId = this.channelId(channel);
    const viewer = query.as ? this.userId(query.as) : undefined;
    return [...this.core.store.messages.values()]
      .filter((m) => m.channelId === channelId && (query.includeDeleted || !m.deleted))
      .filter((m) => viewer === undefined || !m.ephemeralOwnerId || m.ephemeralOwnerId === viewer)
      .map((m) => emulatedMessage(this.core.store, m));
  }

  interactions(): InteractionRecord[] {
    return [...this.core.store.interactions.values()];
  }

  get restLog(): RestLogEntry[] {
    return this.core.store.restLog;
  }

  /**
   * The commands registered for a guild (global ones when `guild` is left out). With `as`, only those
   * Discord's client offers that member (in `channel`, when given): `default_member_permissions` hides
   * the rest.
   */
  commands(guild?: string, query: CommandQuery = {}): RegisteredCommand[] {
    const guildId = guild ? this.guildId(guild) : undefined;
    const registered = this.core.store.commands.filter((c) => c.guild_id === guildId);
    if (query.as === undefined) return registered;
    const permissions = this.memberPermissions(
      guildId ?? this.guildId(),
      this.userId(query.as),
      query.channel,
    );
    return registered.filter((c) => isOfferedTo(c, permissions));
  }

  /** A member's permissions where commands are typed: in the channel, else across the guild. */
  private memberPermissions(guildId: string, userId: string, channel?: string): bigint {
    const { store } = this.core;
    if (channel !== undefined) {
      const stored = store.channels.get(this.channelId(channel, guildId));
      if (stored) return store.permissionsIn(stored, userId);
    }
    const guild = store.guilds.get(guildId);
    const member = store.member(guildId, userId);
    return guild && member ? basePermissions(guild, member, store.roles) : 0n;
  }

  userId(ref: string): string {
    const { store } = this.core;
    const user =
      store.users.get(ref) ??
      [...store.users.values()].find((u) => u.username === ref || u.globalName === ref);
    if (!user) throw new Error(`Unknown user ${ref}`);
    return user.id;
  }

  guildId(ref?: string): string {
    const guilds = [...this.core.store.guilds.values()];
    const guild =
      ref === undefined
        ? guilds.length === 1
          ? guilds[0]
          : undefined
        : guilds.find((g) => g.id === ref || g.name === ref);
    if (!guild)
      throw new Error(
        ref === undefined ? 'Say which guild: there is not exactly one' : `Unknown guild ${ref}`,
      );
    return guild.id;
  }

  channelId(ref: string, guildId?: string): string {
    const channels = [...this.core.store.channels.values()];
    const channel =
      this.core.store.channels.get(ref) ??
      channels.find(
        (c) => (guildId === undefined || c.guildId === guildId) && (c.name === ref || `#${c.name}` === ref),
      );
    if (!channel) throw new Error(`Unknown channel ${ref}`);
    return channel.id;
  }

  private findCommand(guildId: string | null, name: string): RegisteredCommand {
    const command =
      this.core.store.commands.find(
        (c) => c.name === name && c.guild_id === guildId && (c.type ?? 1) === 1,
      ) ??
      this.core.store.commands.find(
        (c) => c.name === name && c.guild_id === undefined && (c.type ?? 1) === 1,
      );
    if (!command) throw new Error(`The bot has not registered a /${name} command`);
    return command;
  }

  private command(invocation: CommandInvocation, type: InteractionType, focused?: string): InteractionHandle {
    const guildId = this.guildId(invocation.guild);
    const channelId = this.channelId(invocation.channel, guildId);
    const [name = '', ...words] = invocation.name.trim().split(/\s+/);
    const path = invocation.subcommand ? [...words, ...invocation.subcommand.split(/\s+/)] : words;
    const command = this.findCommand(guildId, name);
    const userId = this.userId(invocation.user);
    const checked = invocation.skipClientChecks !== true;
    if (checked && !isOfferedTo(command, this.memberPermissions(guildId, userId, channelId)))
      throw new ClientRefusal(
        `/${command.name} is not offered to ${invocation.user}: it needs ${neededPermissionNames(command).join(', ')}`,
      );
    const builder = new OptionBuilder(this.core, { guildId, channelId }, checked);
    const values = { ...invocation.options, ...invocation.attachments };
    const built = builder.build(command, path, values, focused);
    const record = createInteraction(this.core, {
      type,
      userId,
      guildId,
      channelId,
      ...(invocation.locale ? { locale: invocation.locale } : {}),
      data: {
        id: command.id,
        name: command.name,
        type: 1,
        guild_id: command.guild_id,
        options: built.options,
        ...(Object.keys(built.resolved).length > 0 ? { resolved: built.resolved } : {}),
      },
    });
    return new InteractionHandle(this.core, record);
  }

  private component(
    invocation: ComponentInvocation,
    kind: ComponentType,
    values?: string[],
  ): InteractionHandle {
    const messageId = typeof invocation.message === 'string' ? invocation.message : invocation.message.id;
    const message = this.core.store.liveMessage(messageId);
    if (!message) throw new Error(`Message ${messageId} does not exist`);
    const userId = this.userId(invocation.user);
    if (message.ephemeralOwnerId && message.ephemeralOwnerId !== userId)
      throw new Error(`Message ${messageId} is ephemeral: only its owner sees it`);
    const component = findComponent(message, invocation.customId);
    if (!component) throw new Error(`Message ${messageId} has no component "${invocation.customId}"`);
    if (component.type !== kind)
      throw new Error(`Component "${invocation.customId}" is of type ${String(component.type)}`);
    if (component.disabled === true) throw new Error(`Component "${invocation.customId}" is disabled`);
    if (values) checkSelectValues(component, values);
    const record = createInteraction(this.core, {
      type: InteractionType.MessageComponent,
      userId,
      guildId: message.guildId,
      channelId: message.channelId,
      message: apiMessage(this.core.store, message),
      sourceMessageId: message.id,
      ...(invocation.locale ? { locale: invocation.locale } : {}),
      data: { custom_id: invocation.customId, component_type: kind, ...(values ? { values } : {}) },
    });
    return new InteractionHandle(this.core, record);
  }
}

const DISCORD_LOCALES: ReadonlySet<string> = new Set(Object.values(Locale));

/** Discord knows 34 locales; anything else would never come from a real client. */
function checkLocale(locale: string): void {
  if (!DISCORD_LOCALES.has(locale)) throw new Error(`"${locale}" is not one of Discord's locales`);
}
