import type { Logger } from '../../logger.js';
import type { PercifyClient } from '../percify/client.js';
import { CloneWaits } from './clone-waits.js';
import type { VoiceLibrary } from './voice-library.js';

export interface VoiceChoice {
  id: string;
  name: string;
}

/** Percify's preset voices: every account has them, so they are offered even when listing fails. */
export const PRESET_VOICES: readonly VoiceChoice[] = [
  { id: 'preset-narrator', name: 'Narrator' },
  { id: 'preset-friendly-female', name: 'Friendly (female)' },
  { id: 'preset-friendly-male', name: 'Friendly (male)' },
  { id: 'preset-professional-female', name: 'Professional (female)' },
  { id: 'preset-professional-male', name: 'Professional (male)' },
];

/** Autocomplete must answer within 3 seconds: voices are listed once and kept for a few minutes. */
const CACHE_MS = 5 * 60_000;

/**
 * The voices one member may pick: their own clones first, then the presets, then the account's other
 * voices — never a voice another member cloned.
 */
export class VoiceCatalog {
  #cached: { at: number; voices: VoiceChoice[] } | undefined;
  /** Clones still at work, woken by their `voice.cloned` webhook. */
  readonly clones = new CloneWaits();

  constructor(
    private readonly percify: PercifyClient,
    readonly library: VoiceLibrary,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async list(memberId: string): Promise<VoiceChoice[]> {
    const [own, owners, account] = await Promise.all([
      this.library.list(memberId),
      this.library.owners(),
      this.accountVoices(),
    ]);
    const mine: VoiceChoice[] = own.map((voice) => ({ id: voice.id, name: `${voice.name} (your voice)` }));
    const ownIds = new Set(mine.map((voice) => voice.id));
    const shared = account.filter((voice) => owners[voice.id] === undefined && !ownIds.has(voice.id));
    return [...mine, ...shared];
  }

  /** Whether this member may speak with this voice: anything but somebody else's clone. */
  async usableBy(memberId: string, voiceId: string): Promise<boolean> {
    const owner = await this.library.ownerOf(voiceId);
    return owner === undefined || owner === memberId;
  }

  /** A clone or a deletion changes the account's list: the next look asks Percify again. */
  forget(): void {
    this.#cached = undefined;
  }

  private async accountVoices(): Promise<VoiceChoice[]> {
    if (this.#cached && this.now() - this.#cached.at < CACHE_MS) return this.#cached.voices;
    let listed: VoiceChoice[] = [];
    try {
      listed = (await this.percify.listVoices()).map((voice) => ({
        id: voice.id,
        name: voice.name ?? voice.id,
      }));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not list voices; offering the presets');
    }
    const presetIds = new Set(PRESET_VOICES.map((voice) => voice.id));
    const voices = [...PRESET_VOICES, ...listed.filter((voice) => !presetIds.has(voice.id))];
    this.#cached = { at: this.now(), voices };
    return voices;
  }
}
