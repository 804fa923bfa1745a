import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { Message } from '../i18n/catalog-types.js';
import { storeKey, type Store, type TransactionReads } from '../store.js';
import { LedgerChange, adminActor } from './ledger-change.js';

export { findBlockedPhrase } from './blocklist.js';

/** Percify's avatar models and video studio tiers (percify-api.md). */
export const AVATAR_MODELS = ['flux', 'imagen3', 'reality4'] as const;
export const VIDEO_TIERS = ['basic', 'reality-lab'] as const;
export type AvatarModel = (typeof AVATAR_MODELS)[number];
export type VideoTier = (typeof VIDEO_TIERS)[number];

const credits = z.number().int().min(0).max(1_000_000);

export const guildSettingsSchema = z
  .object({
    /** Credits per member per local day, unless a role sets its own. */
    allowancePerDay: credits,
    /** Role id -> daily allowance. When a member has any of these roles, the highest one applies. */
    roleAllowances: z.record(z.string().min(1), credits),
    budget: z.object({ credits, period: z.enum(['day', 'month']) }).nullable(),
    showBudget: z.boolean(),
    /** Where the guild's day starts: minutes east of UTC (UTC-12 … UTC+14). */
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    limits: z.object({
      concurrentJobs: z.number().int().min(1).max(20),
      maxVariations: z.number().int().min(1).max(4),
      maxVideoSeconds: z.number().int().min(1).max(30),
      allowedModels: z.array(z.enum(AVATAR_MODELS)).min(1),
      allowedTiers: z.array(z.enum(VIDEO_TIERS)).min(1),
      /** Jobs costing more than this ask for a Confirm click first. */
      confirmAbove: credits,
    }),
    /** Channel ids where commands work; empty means everywhere. */
    channels: z.array(z.string().min(1)).max(100),
    blocklist: z.array(z.string().trim().min(1).max(100)).max(200),
    defaultModel: z.enum(AVATAR_MODELS),
    /** Features that touch a member's likeness, each one the server's choice (/quota features). */
    features: z.object({ photoAvatars: z.boolean(), voiceCloning: z.boolean() }),
  })
  .refine((settings) => settings.limits.allowedModels.includes(settings.defaultModel), {
    path: ['defaultModel'],
  });

export type GuildSettings = z.output<typeof guildSettingsSchema>;

/**
 * Every new guild starts here; the one place these defaults are written down. The daily allowance of 50
 * lets a newcomer try everything on day one: a 5 s Basic video (30) or Reality Lab one (20), with a
 * spoken line (about 10), and several avatars (2 to 5 each). Admins lower it or cap the server with
 * /quota.
 */
export const DEFAULT_GUILD_SETTINGS: GuildSettings = Object.freeze({
  allowancePerDay: 50,
  roleAllowances: {},
  budget: null,
  showBudget: false,
  utcOffsetMinutes: 0,
  limits: {
    concurrentJobs: 2,
    maxVariations: 4,
    maxVideoSeconds: 10,
    allowedModels: ['flux', 'imagen3', 'reality4'],
    allowedTiers: ['basic', 'reality-lab'],
    confirmAbove: 30,
  },
  channels: [],
  blocklist: [],
  defaultModel: 'flux',
  // A cloned voice can speak words its owner never said: a server turns that on deliberately.
  features: { photoAvatars: true, voiceCloning: false },
}) as GuildSettings;

/**
 * An admin's change was refused; `problems` says what is wrong, as catalog messages to show the admin
 * in their language (`quota.settings.problems.*`); `message` lists the fields, for the log.
 */
export class SettingsValidationError extends Error {
  constructor(
    readonly problems: Message[],
    fields: readonly string[] = [],
  ) {
    // The name says what it is ("SettingsValidationError: limits.allowedModels"); the fields, where.
    super(fields.join(', '));
    this.name = 'SettingsValidationError';
  }
}

/** What an admin reads for each field the schema refuses; any other field is named as it is. */
const PROBLEMS: Readonly<Record<string, Message>> = {
  'limits.allowedModels': { key: 'quota.settings.problems.noModel' },
  'limits.allowedTiers': { key: 'quota.settings.problems.noTier' },
  defaultModel: { key: 'quota.settings.problems.defaultModel' },
};

function problemAt(field: string): Message {
  return PROBLEMS[field] ?? { key: 'quota.settings.problems.field', vars: { field } };
}

interface StoredSettings {
  version: 1;
  settings: GuildSettings;
  updatedAt: number;
  updatedBy: string;
}

export interface GuildSettingsServiceOptions {
  store: Store;
  logger: Logger;
  now?: () => number;
  /**
   * This process is the only one that writes the database (a SQLite file, which admits one bot
   * process): every change goes through `update` here, so reads can be answered from memory. On a
   * shared database another process may change the settings, and every read goes to the store.
   */
  onlyWriter?: boolean;
}

/** Guilds whose settings are kept in memory before the copy starts over. */
const REMEMBERED_GUILDS = 10_000;

export class GuildSettingsService {
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly now: () => number;
  /** The settings each guild had at its last read or change; only when this process is the only writer. */
  readonly #remembered: Map<string, GuildSettings> | undefined;
  /** Changes made so far: a read that a change overtook must not be remembered. */
  #changes = 0;

  constructor(options: GuildSettingsServiceOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.#remembered = options.onlyWriter ? new Map() : undefined;
  }

  /**
   * A guild's settings, for checking a request before anything is spent. What a hold obeys is read
   * again inside its own transaction (`settingsIn`).
   */
  async get(guildId: string): Promise<GuildSettings> {
    const known = this.#remembered?.get(guildId);
    if (known) return known;
    const changesBefore = this.#changes;
    const settings = settingsOf(await this.store.get<StoredSettings>(storeKey.guildSettings(guildId)));
    if (this.#changes === changesBefore) this.#remember(guildId, settings);
    return settings;
  }

  #remember(guildId: string, settings: GuildSettings): void {
    if (!this.#remembered) return;
    if (this.#remembered.size >= REMEMBERED_GUILDS) this.#remembered.clear();
    this.#remembered.set(guildId, settings);
  }

  /**
   * Applies `change` to the current settings, validates the result and stores it, with an audit entry
   * in the guild's ledger log (who, why, before/after of each changed field). Throws
   * SettingsValidationError when the result is not valid. No change, no audit entry.
   *
   * The settings and their audit entry are written in one transaction: never a change without its
   * audit line, nor an audit line for a change that did not happen.
   */
  async update(
    guildId: string,
    adminId: string,
    change: (settings: GuildSettings) => GuildSettings,
    reason: string,
  ): Promise<GuildSettings> {
    const settingsKey = storeKey.guildSettings(guildId);
    const keys = [settingsKey, ...LedgerChange.keys(guildId, [])];
    const { after, changed } = await this.store.transact(keys, (read) => {
      const before = settingsIn(read, guildId);
      const parsed = guildSettingsSchema.safeParse(change(structuredClone(before)));
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'settings');
        throw new SettingsValidationError(fields.map(problemAt), fields);
      }
      const next = parsed.data;
      const changes = diffSettings(before, next);
      if (Object.keys(changes).length === 0) return { result: { after: next, changed: [] as string[] } };
      const at = this.now();
      const ledger = new LedgerChange(read, guildId);
      ledger.append({
        at,
        memberId: adminId,
        actor: adminActor(adminId),
        amount: 0,
        kind: 'settings',
        reason,
        meta: { changes },
      });
      const stored: StoredSettings = { version: 1, settings: next, updatedAt: at, updatedBy: adminId };
      return {
        set: { ...ledger.writes(), [settingsKey]: stored },
        result: { after: next, changed: Object.keys(changes) },
      };
    });
    this.#changes++;
    this.#remember(guildId, checkedSettings(after));
    if (changed.length > 0) this.logger.info({ guildId, adminId, fields: changed }, 'guild settings changed');
    return after;
  }
}

/**
 * A guild's settings as a store transaction sees them; the transaction must list
 * `storeKey.guildSettings(guildId)`. An operation that must obey the settings in force when it
 * commits (a reserve) reads them here rather than through `get` beforehand: another process may
 * change them in between, and inside the transaction the database orders the two.
 */
export function settingsIn(read: TransactionReads, guildId: string): GuildSettings {
  return settingsOf(read<StoredSettings>(storeKey.guildSettings(guildId)));
}

/** How many distinct stored settings stay checked before the memo starts over (guilds, roughly). */
const CHECKED_LIMIT = 2_000;
const checked = new Map<string, GuildSettings>();

/**
 * A guild's stored settings, completed and checked. Every command and every hold reads them, and
 * completing and checking them took three deep copies and a schema walk each time (~0.1 ms on a busy
 * process, issue 19); the result is kept by the stored text and shared, deep-frozen so that no
 * caller can change another's copy (one that needs to edit takes a `structuredClone`).
 */
function settingsOf(stored: StoredSettings | undefined): GuildSettings {
  return checkedSettings(stored?.settings);
}

/** Settings as stored (undefined: none yet), completed from the defaults, checked and kept. */
function checkedSettings(stored: Partial<GuildSettings> | undefined): GuildSettings {
  const text = stored ? JSON.stringify(stored) : '';
  let settings = checked.get(text);
  if (!settings) {
    settings = deepFreeze(stored ? withDefaults(stored) : cloneDefaults());
    if (checked.size >= CHECKED_LIMIT) checked.clear();
    checked.set(text, settings);
  }
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function cloneDefaults(): GuildSettings {
  return structuredClone(DEFAULT_GUILD_SETTINGS);
}

/** Stored settings from an older version may lack newer fields: fill them from the defaults. */
function withDefaults(stored: Partial<GuildSettings>): GuildSettings {
  const merged = {
    ...cloneDefaults(),
    ...stored,
    limits: { ...cloneDefaults().limits, ...(stored.limits ?? {}) },
    features: { ...cloneDefaults().features, ...(stored.features ?? {}) },
  };
  return guildSettingsSchema.parse(merged);
}

function diffSettings(
  before: GuildSettings,
  after: GuildSettings,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of Object.keys(after) as Array<keyof GuildSettings>) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes[field] = { before: before[field], after: after[field] };
    }
  }
  return changes;
}

/** The daily allowance for a member with these roles: the highest role allowance, else the default. */
export function allowanceFor(settings: GuildSettings, roleIds: readonly string[]): number {
  let highest: number | undefined;
  for (const roleId of roleIds) {
    const allowance = settings.roleAllowances[roleId];
    if (allowance !== undefined && (highest === undefined || allowance > highest)) highest = allowance;
  }
  return highest ?? settings.allowancePerDay;
}
