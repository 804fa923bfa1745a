import type { Logger } from '../../logger.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import type { PercifyClient } from '../percify/client.js';
import { CloneWaits } from './clone-waits.js';
import type { VoiceLibrary } from './voice-library.js';

export interface VoiceChoice {
  id: string;
  name: string;
}

/**
 * Percify's preset voices: every account has them, so they are offered even when listing fails. The
 * id is Percify's; the name a member reads is the catalog's.
 */
export const PRESET_VOICES = [
  { id: 'preset-narrator', key: 'animate.voices.presets.narrator' },
  { id: 'preset-friendly-female', key: 'animate.voices.presets.friendlyFemale' },
  { id: 'preset-friendly-male', key: 'animate.voices.presets.friendlyMale' },
  { id: 'preset-professional-female', key: 'animate.voices.presets.professionalFemale' },
  { id: 'preset-professional-male', key: 'animate.voices.presets.professionalMale' },
] as const satisfies ReadonlyArray<{ id: string; key: MessageKey }>;

/** The voices of an account as `tr`'s reader names them: presets translated, the others as Percify names them. */
function named(voices: readonly VoiceChoice[], tr: Translator): VoiceChoice[] {
  return voices.map((voice) => {
    const preset = PRESET_VOICES.find((known) => known.id === voice.id);
    return preset ? { id: voice.id, name: tr.t(preset.key) } : voice;
  });
}

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

  /** In the language of `tr`: the member's own choices, so the interaction's locale. */
  async list(memberId: string, tr: Translator): Promise<VoiceChoice[]> {
    const [own, owners, account] = await Promise.all([
      this.library.list(memberId),
      this.library.owners(),
      this.accountVoices(),
    ]);
    const mine: VoiceChoice[] = own.map((voice) => ({
      id: voice.id,
      name: tr.t('animate.voices.mine', { name: voice.name }),
    }));
    const ownIds = new Set(mine.map((voice) => voice.id));
    const shared = account.filter((voice) => owners[voice.id] === undefined && !ownIds.has(voice.id));
    return [...mine, ...named(shared, tr)];
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
    const presetIds = new Set<string>(PRESET_VOICES.map((voice) => voice.id));
    // Presets are named when listed for a reader (`named`): the cache holds no language.
    const voices = [
      ...PRESET_VOICES.map(({ id }) => ({ id, name: id })),
      ...listed.filter((voice) => !presetIds.has(voice.id)),
    ];
    this.#cached = { at: this.now(), voices };
    return voices;
  }
}
