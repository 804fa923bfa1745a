/**
 * Every key the bot writes, in one place. Keys are versioned by their first segment; a format
 * change gets a new version and a migration (see services/credits/ledger-migration.ts).
 */
export const storeKey = {
  guildSettings: (guildId: string) => `v1:guild:${guildId}:settings`,
  /** A guild's ledger head: its budget counters, open holds and the next log sequence number. */
  ledgerGuild: (guildId: string) => `v2:ledger-guild:${guildId}`,
  /** One member's money: day counters, granted balance, open holds, newest visible entries. */
  ledgerMember: (guildId: string, memberId: string) => `v2:ledger-member:${guildId}:${memberId}`,
  /** One log entry of a guild, by its sequence number (dense from 0, so readable without a scan). */
  ledgerEntry: (guildId: string, seq: number) => `v2:ledger-log:${guildId}:${String(seq).padStart(12, '0')}`,
  /** A job's reservation: its guild and member, and the first outcomes of reserve and settle. */
  ledgerJob: (jobId: string) => `v2:ledger-job:${jobId}`,
  /** The first outcome of an admin's grant or revoke, by its operation id. */
  ledgerAdminOp: (guildId: string, kind: 'grant' | 'revoke', opId: string) =>
    `v2:ledger-op:${guildId}:${kind}:${opId}`,
  /** Lists the guild heads only (start-up recovery), not their members or logs. */
  ledgerGuildPrefix: 'v2:ledger-guild:',
  job: (jobId: string) => `v1:job:${jobId}`,
  /**
   * A job that may still need work after a restart: one small key each, listed by prefix only at
   * start-up and for the metrics (a single list was rewritten by every job of every guild).
   */
  openJob: (jobId: string) => `v2:open-job:${jobId}`,
  openJobPrefix: 'v2:open-job:',
  /** A member's finished creations, newest first (for /gallery and /animate's suggestions). */
  memberCreations: (guildId: string, memberId: string) => `v1:guild:${guildId}:member:${memberId}:creations`,
  /** Options of an /avatar waiting for its prompt in the modal. */
  avatarDraft: (draftId: string) => `v1:avatar-draft:${draftId}`,
  /** The choices of an open Animate panel. */
  animatePanel: (panelId: string) => `v1:animate-panel:${panelId}`,
  /** A video waiting for its Confirm click. */
  pendingVideo: (pendingId: string) => `v1:pending-video:${pendingId}`,
  /** The process that handles one interaction (several may receive it). */
  interactionClaim: (interactionId: string) => `v1:interaction-claim:${interactionId}`,
  /** The first click on one button of one message, so a double-click starts one job. */
  clickClaim: (claimId: string) => `v1:click-claim:${claimId}`,
  jobPrefix: 'v1:job:',
  /** That a member confirmed, once, the consent line of a feature that uses their likeness. */
  likenessConsent: (memberId: string, feature: 'photo') => `v1:member:${memberId}:consent:${feature}`,
  /** A photo avatar or voice clone waiting for the member's consent or confirmation click. */
  pendingLikeness: (pendingId: string) => `v1:pending-likeness:${pendingId}`,
  /** The voices a member cloned through the bot: only they see and use them. */
  memberVoices: (memberId: string) => `v1:member:${memberId}:voices`,
  /** Which member owns each cloned voice, so nobody else's list or video can use it. */
  voiceOwners: 'v1:voice-owners',
} as const;

/** The v1 list of open job ids: read only at start-up, which moves it to `openJob` keys. */
export const legacyOpenJobsKey = 'v1:jobs:open';

/** The v1 ledger's keys: read only by the migration to v2, which deletes them. */
export const legacyLedgerKey = {
  /** The v1 per-guild ledger document (every member, hold and the newest entries in one value). */
  guildLedger: (guildId: string) => `v1:guild:${guildId}:ledger`,
  /** A sealed chunk of a v1 guild's log, numbered from 0. */
  guildLedgerEntries: (guildId: string, chunk: number) => `v1:guild:${guildId}:ledger-entries:${chunk}`,
  /** The v1 job -> guild index. */
  ledgerJob: (jobId: string) => `v1:ledger-job:${jobId}`,
} as const;
