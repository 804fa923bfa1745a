import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stateful stand-in for the Percify audio and video routes on 127.0.0.1, for the lip-sync
 * outcomes the simulator has no switch for: add-audio answering with a new video that fails, or
 * re-rendering the same video in place and failing. Every resource is finished on its first GET.
 */

export interface LipSyncServer {
  url: string;
  /** How add-audio behaves. */
  mode: 'new-video-fails' | 'in-place-fails';
  close(): Promise<void>;
}

type Resource = Record<string, unknown> & { id: string };

export async function startLipSyncServer(): Promise<LipSyncServer> {
  const resources = new Map<string, Resource>();
  let next = 0;
  const make = (prefix: string, fields: Record<string, unknown>): Resource => {
    const made = { id: `${prefix}_${++next}`, createdAt: new Date().toISOString(), ...fields };
    resources.set(made.id, made);
    return made;
  };
  const state: LipSyncServer = { url: '', mode: 'new-video-fails', close: async () => undefined };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/v1/, '');
      const body = (chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}) as Record<
        string,
        unknown
      >;
      const send = (status: number, answer: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      };
      const origin = state.url.replace(/\/v1$/, '');
      if (request.method === 'POST' && path === '/audio/generate') {
        return send(200, make('audio', { status: 'processing', durationSeconds: 3, creditCost: 8 }));
      }
      if (request.method === 'POST' && path === '/videos/from-image') {
        return send(200, make('video', { status: 'processing', avatarId: body.imageId, creditCost: 48 }));
      }
      const addAudio = /^\/videos\/([^/]+)\/add-audio$/.exec(path);
      if (request.method === 'POST' && addAudio) {
        const base = resources.get(addAudio[1] ?? '');
        if (!base) return send(404, { error: { code: 'not_found', message: 'no such video' } });
        const failure = { status: 'failed', error: { code: 'processing_failed', message: 'no face found' } };
        if (state.mode === 'in-place-fails') {
          Object.assign(base, failure);
          return send(200, base);
        }
        return send(200, make('video', { ...failure, audioId: body.audioId }));
      }
      const get = /^\/(audio|videos)\/([^/]+)$/.exec(path);
      const found = get ? resources.get(get[2] ?? '') : undefined;
      if (request.method === 'GET' && found) {
        if (found.status === 'processing') {
          found.status = 'completed';
          if (found.id.startsWith('audio_')) found.audioUrl = `${origin}/media/${found.id}.mp3`;
          else
            Object.assign(found, {
              videoUrl: `${origin}/media/${found.id}.mp4`,
              durationSeconds: 8,
              hasAudio: false,
            });
        }
        return send(200, found);
      }
      send(404, { error: { code: 'not_found', message: `${request.method} ${path}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
