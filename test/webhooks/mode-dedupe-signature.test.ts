import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import {
  describeWebhookMode,
  RecentKeys,
  resolveWebhookMode,
  signWebhookBody,
  verifyWebhookSignature,
} from '../../src/services/webhooks/index.js';

describe('describeWebhookMode', () => {
  it('names the listening URL when a secret is set', () => {
    const config = parseConfig({ PERCIFY_WEBHOOK_SECRET: 'whsec_1', WEBHOOK_PORT: '8080' });
    expect(resolveWebhookMode(config)).toBe('listen');
    expect(describeWebhookMode(config)).toContain('http://0.0.0.0:8080/webhooks/percify');
    expect(describeWebhookMode(config, 'http://127.0.0.1:41234/webhooks/percify')).toContain(
      'http://127.0.0.1:41234/webhooks/percify',
    );
    expect(describeWebhookMode(config)).not.toContain('whsec_1');
  });

  it('says polling only when WEBHOOKS_DISABLED is set, with or without a secret', () => {
    for (const env of [
      { WEBHOOKS_DISABLED: 'true' },
      { WEBHOOKS_DISABLED: '1', PERCIFY_WEBHOOK_SECRET: 's' },
    ]) {
      const config = parseConfig(env);
      expect(resolveWebhookMode(config)).toBe('disabled');
      expect(describeWebhookMode(config)).toMatch(/WEBHOOKS_DISABLED.*polling only/);
    }
  });

  it('explains the missing secret and both ways out', () => {
    const config = parseConfig({});
    expect(resolveWebhookMode(config)).toBe('missing-secret');
    const text = describeWebhookMode(config);
    expect(text).toContain('PERCIFY_WEBHOOK_SECRET');
    expect(text).toContain('WEBHOOKS_DISABLED=true');
    expect(text).not.toContain('\n');
  });
});

describe('RecentKeys (the duplicate window)', () => {
  it('remembers a key for the TTL and forgets it afterwards', () => {
    let now = 1_000_000;
    const recent = new RecentKeys({ ttlMs: 60_000, now: () => now });
    expect(recent.checkAndAdd('evt_1')).toBe(false);
    now += 59_999;
    expect(recent.checkAndAdd('evt_1')).toBe(true);
    now += 1;
    expect(recent.checkAndAdd('evt_1')).toBe(false); // expired: treated as new (and remembered again)
    expect(recent.checkAndAdd('evt_1')).toBe(true);
  });

  it('never holds more than maxEntries, forgetting the oldest first', () => {
    const recent = new RecentKeys({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) expect(recent.checkAndAdd(key)).toBe(false);
    expect(recent.size).toBe(3);
    expect(recent.checkAndAdd('d')).toBe(true);
    expect(recent.checkAndAdd('a')).toBe(false); // 'a' was evicted
  });

  it('stays bounded under a flood of distinct ids', () => {
    const recent = new RecentKeys({ maxEntries: 10_000 });
    for (let index = 0; index < 50_000; index += 1) recent.checkAndAdd(`evt_${index}`);
    expect(recent.size).toBe(10_000);
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts exactly the signature of the exact bytes and never throws on odd headers', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.string({ minLength: 1 }),
        fc.string({ maxLength: 100 }),
        (body, secret, junk) => {
          const signature = signWebhookBody(body, secret);
          expect(signature).toMatch(/^[0-9a-f]{64}$/);
          expect(verifyWebhookSignature(body, signature, secret)).toBe(true);
          expect(verifyWebhookSignature(body, undefined, secret)).toBe(false);
          expect(verifyWebhookSignature(body, [signature, signature], secret)).toBe(false);
          if (junk !== signature) expect(verifyWebhookSignature(body, junk, secret)).toBe(false);
          const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
          expect(verifyWebhookSignature(body, flipped, secret)).toBe(false);
          expect(verifyWebhookSignature(Buffer.concat([body, Buffer.from(' ')]), signature, secret)).toBe(
            false,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
