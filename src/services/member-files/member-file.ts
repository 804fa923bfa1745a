import { downloadMedia } from '../percify/media.js';

/**
 * Fetches a member's attachment from Discord's CDN into memory, for one check and one upload to
 * Percify; it is never written anywhere the bot keeps.
 */
export interface MemberFile {
  url: string;
  name: string;
}

export class MemberFiles {
  constructor(
    private readonly allowedOrigins: readonly string[],
    private readonly timeoutMs = 30_000,
  ) {}

  async fetch(file: MemberFile, maxBytes: number): Promise<Buffer> {
    const media = await downloadMedia(file.url, {
      maxBytes,
      allowedOrigins: this.allowedOrigins,
      timeoutMs: this.timeoutMs,
    });
    return media.bytes;
  }
}
