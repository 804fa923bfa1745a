import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg',
};

/**
 * Rendered files live in a private temp folder and are served under `/media/...` (the simulator's
 * stand-in for cdn.percify.io). Only registered paths are served, so deleting a resource unpublishes it.
 */
export class MediaStore {
  private readonly published = new Map<string, string>();

  private constructor(readonly directory: string) {}

  static async create(): Promise<MediaStore> {
    return new MediaStore(await mkdtemp(join(tmpdir(), 'percify-sim-')));
  }

  /** A path in the private folder for a file about to be rendered. */
  filePath(name: string): string {
    return join(this.directory, name);
  }

  publish(urlPath: string, file: string): void {
    this.published.set(urlPath, file);
  }

  unpublish(urlPath: string): void {
    this.published.delete(urlPath);
  }

  fileFor(urlPath: string): string | undefined {
    return this.published.get(urlPath);
  }

  /** Serves a published file with its content type, Content-Length and single-range support. */
  async serve(urlPath: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const file = this.published.get(urlPath);
    if (file === undefined) return false;
    const size = (await stat(file)).size;
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'public, max-age=31536000, immutable',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    let status = 200;
    if (range && (range[1] !== '' || range[2] !== '')) {
      start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
      end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) {
        response.writeHead(416, { 'Content-Range': `bytes */${size}` });
        response.end();
        return true;
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['Content-Length'] = String(end - start + 1);
    response.writeHead(status, headers);
    if (request.method === 'HEAD' || size === 0) {
      response.end();
      return true;
    }
    createReadStream(file, { start, end }).pipe(response);
    return true;
  }

  async destroy(): Promise<void> {
    this.published.clear();
    await rm(this.directory, { recursive: true, force: true });
  }
}
