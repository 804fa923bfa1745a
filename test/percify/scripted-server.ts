import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A tiny real HTTP server on 127.0.0.1 that answers each request with the next scripted step. It
 * stands in for the failure modes (resets, hangs, 5xx bursts) that are hard to get from a real API.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Step = (request: RecordedRequest, response: ServerResponse) => void;

export interface ScriptedServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Steps are used in order; when they run out, `fallback` answers. */
  script(...steps: Step[]): void;
  fallback: Step;
  close(): Promise<void>;
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

export const raw =
  (status: number, body: string, headers: Record<string, string> = {}): Step =>
  (_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };

/** Reads the request, then drops the connection without answering. */
export const reset = (): Step => (_request, response) => {
  response.socket?.destroy();
};

/** Never answers (until the server closes). */
export const hang = (): Step => () => undefined;

export async function startScriptedServer(port = 0): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const queue: Step[] = [];
  const sockets = new Set<Socket>();
  const state: ScriptedServer = {
    url: '',
    port: 0,
    requests,
    script: (...steps) => queue.push(...steps),
    fallback: json(500, { error: { code: 'unscripted', message: 'No scripted answer left' } }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      (queue.shift() ?? state.fallback)(recorded, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}/v1`;
  return state;
}

/**
 * A fake clock whose sleep records each wait and advances time at once, so backoff and rate-limit
 * waits can be asserted without really waiting.
 */
export function fakeClock(start = 1_700_000_000_000): {
  waits: number[];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
} {
  const waits: number[] = [];
  let time = start;
  return {
    waits,
    now: () => time,
    sleep: async (ms) => {
      waits.push(ms);
      time += ms;
    },
  };
}

export const API_KEY = 'pk_live_SECRET_do_not_leak_1234567890';

export const avatarJson = (overrides: Record<string, unknown> = {}) => ({
  id: 'avatar_abc123',
  status: 'processing',
  prompt: 'elegant elven sorceress',
  model: 'imagen3',
  creditCost: 5,
  createdAt: '2025-11-25T06:10:00Z',
  ...overrides,
});

export const videoJson = (overrides: Record<string, unknown> = {}) => ({
  id: 'video_xyz789',
  status: 'processing',
  avatarId: 'avatar_def456',
  durationSeconds: 8,
  studioTier: 'basic',
  creditCost: 48,
  ...overrides,
});
