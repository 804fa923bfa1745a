import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Percify signs webhook bodies with HMAC-SHA256 keyed by the endpoint secret and sends the bare
 * lowercase hex digest in `X-Percify-Signature` (no `sha256=` prefix, no timestamp). Only the exact
 * bytes received are checked: re-serialising parsed JSON would accept bodies Percify never signed.
 */

export const SIGNATURE_HEADER = 'x-percify-signature';

/** The signature Percify would send for these exact bytes. Used by the sandbox and tests too. */
export function signWebhookBody(body: Uint8Array | string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Constant-time check of a received signature header against the body. Anything that is not
 * 64 lowercase hex characters fails before comparing, so `timingSafeEqual` never sees buffers of
 * different lengths (it throws on those) and the length of the expected value is not leaked.
 */
export function verifyWebhookSignature(
  body: Uint8Array,
  header: string | string[] | undefined,
  secret: string,
): boolean {
  if (typeof header !== 'string') return false;
  const received = header.trim();
  if (!HEX_SHA256.test(received)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(received, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
