import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PercifySimulator } from '../percify/index.js';
import { applyPanelChange, PanelChange, panelState } from './percify-panel.js';

/**
 * Serves the playground page (static files from web/) and the side panel's JSON endpoints:
 *   GET  /_sandbox/percify   -> PanelState (credits, jobs in flight, fault switches)
 *   POST /_sandbox/percify   { slow?, errors?, failures?, dropWebhooks?, credits? } -> PanelState
 * It plugs into the emulator's `serveOther`, so the page shares the emulator's origin.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Where the page's files are: next to this module after `npm run build` copied them into dist, else the
 * source folder (running with tsx, or a dist built without the copy step).
 */
export function findWebRoot(): string {
  const candidates = [
    fileURLToPath(new URL('./web/', import.meta.url)),
    fileURLToPath(new URL('../../../sandbox/playground/web/', import.meta.url)),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

export interface PlaygroundHandler {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The simulator starts after the page is already answering; until then the panel says "starting". */
  attach(percify: PercifySimulator): void;
}

export function createPlaygroundHandler(options: {
  plan: string;
  speed: number;
  webRoot?: string;
}): PlaygroundHandler {
  const root = options.webRoot ?? findWebRoot();
  let percify: PercifySimulator | undefined;

  async function panel(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'POST') {
      if (!percify) return sendJson(res, 503, { error: 'the Percify simulator is still starting' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readText(req));
      } catch {
        return sendJson(res, 400, { error: 'body is not JSON' });
      }
      const change = PanelChange.safeParse(parsed);
      if (!change.success) return sendJson(res, 400, { error: change.error.message });
      applyPanelChange(percify, change.data);
    } else if (req.method !== 'GET') {
      return sendJson(res, 405, { error: 'GET or POST' });
    }
    sendJson(res, 200, panelState(percify, options.plan, options.speed));
  }

  async function file(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const path = normalize(join(root, relative));
    // Never serve anything outside the web folder, whatever dots the path holds.
    if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
    const type = CONTENT_TYPES[extname(path)];
    if (!type) return false;
    const body = await readFile(path).catch(() => undefined);
    if (!body) return false;
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  return {
    attach(simulator) {
      percify = simulator;
    },
    async handle(req, res, url) {
      if (url.pathname === '/_sandbox/percify') {
        await panel(req, res);
        return true;
      }
      return file(req, res, url.pathname);
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
