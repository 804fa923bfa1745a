import { storeKey, type Store } from '../store.js';

/**
 * The voices members cloned through the bot. A cloned voice is its owner's alone: it comes first in
 * their own voice lists, and never shows up in, or works from, anyone else's.
 */
export interface OwnedVoice {
  id: string;
  name: string;
  /** The sample's length as measured before cloning. */
  sampleSeconds: number;
  createdAt: number;
}

interface MemberVoices {
  voices: OwnedVoice[];
}

/** voice id -> owner member id */
type VoiceOwners = Record<string, string>;

export class VoiceLibrary {
  constructor(private readonly store: Store) {}

  async list(memberId: string): Promise<OwnedVoice[]> {
    return (await this.store.get<MemberVoices>(storeKey.memberVoices(memberId)))?.voices ?? [];
  }

  /** The owner first: a crash between the two writes leaves a voice hidden from all, never shown to all. */
  async add(memberId: string, voice: OwnedVoice): Promise<void> {
    await this.store.update<VoiceOwners>(storeKey.voiceOwners, (owners) => ({
      ...owners,
      [voice.id]: memberId,
    }));
    await this.store.update<MemberVoices>(storeKey.memberVoices(memberId), (current) => ({
      voices: [voice, ...(current?.voices ?? []).filter((known) => known.id !== voice.id)],
    }));
  }

  /** Forgets the voice from its owner's list; its owner record stays, so it stays hidden from others. */
  async remove(memberId: string, voiceId: string): Promise<OwnedVoice | undefined> {
    let removed: OwnedVoice | undefined;
    await this.store.update<MemberVoices>(storeKey.memberVoices(memberId), (current) => {
      removed = current?.voices.find((voice) => voice.id === voiceId);
      if (!current || !removed) return current;
      return { voices: current.voices.filter((voice) => voice.id !== voiceId) };
    });
    return removed;
  }

  async owners(): Promise<VoiceOwners> {
    return (await this.store.get<VoiceOwners>(storeKey.voiceOwners)) ?? {};
  }

  async ownerOf(voiceId: string): Promise<string | undefined> {
    return (await this.owners())[voiceId];
  }
}
