import type { IncomingMessage } from 'node:http';

/** Percify's payloads are a few hundred bytes; anything near this is not a real delivery. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type BodyReadResult = { kind: 'ok'; body: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * Reads a request body into memory, but never more than `limit` bytes: a declared Content-Length
 * over the limit is refused before reading anything, and a chunked body is cut off as soon as it
 * crosses the limit. What happens to the rest of the connection is the caller's business.
 */
export function readBodyWithLimit(request: IncomingMessage, limit: number): Promise<BodyReadResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too_large' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: BodyReadResult): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onAbort);
      request.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        chunks.length = 0;
        request.pause();
        finish({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ kind: 'ok', body: Buffer.concat(chunks, received) });
    const onAbort = (): void => finish({ kind: 'aborted' });
    const onClose = (): void => {
      if (!request.complete) finish({ kind: 'aborted' });
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onAbort);
    request.on('close', onClose);
  });
}
