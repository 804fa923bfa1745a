import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX_LENGTH, encodeCustomId, parseCustomId } from '../../src/interactions/custom-id.js';

describe('custom id codec', () => {
  it('round-trips an action and its arguments', () => {
    const id = encodeCustomId('variations', 'job_abc123', 2);
    expect(id).toBe('v1:variations:job_abc123:2');
    expect(parseCustomId(id)).toEqual({ action: 'variations', args: ['job_abc123', '2'] });
  });

  it('rejects another version, an unknown action and a wrong argument count', () => {
    expect(parseCustomId('v2:reroll:job_1')).toBeNull();
    expect(parseCustomId('v1:launch:job_1')).toBeNull();
    expect(parseCustomId('v1:reroll')).toBeNull();
    expect(parseCustomId('v1:reroll:job_1:extra')).toBeNull();
    expect(parseCustomId('v1:constructor:x')).toBeNull();
    expect(parseCustomId('v1:__proto__:x')).toBeNull();
  });

  it('rejects forged arguments with characters outside the safe set', () => {
    expect(parseCustomId('v1:reroll:job 1')).toBeNull();
    expect(parseCustomId('v1:reroll:../../etc')).toBeNull();
    expect(parseCustomId('v1:reroll:job\u200b1')).toBeNull();
    expect(parseCustomId('{"action":"reroll"}')).toBeNull();
    expect(parseCustomId('')).toBeNull();
  });

  it('refuses to build an id Discord would reject', () => {
    expect(() => encodeCustomId('reroll', 'x'.repeat(41))).toThrow(/not allowed/);
    // @ts-expect-error the compiler counts a literal action's arguments; the codec checks again at run time
    expect(() => encodeCustomId('reroll')).toThrow(/takes 1 argument/);
    expect(() => encodeCustomId('gallery', 'a'.repeat(35), 'b'.repeat(35), 'c'.repeat(35))).toThrow(
      /longer than/,
    );
    const longest = encodeCustomId('gallery', '1'.repeat(20), '9999', 'next');
    expect(longest.length).toBeLessThanOrEqual(CUSTOM_ID_MAX_LENGTH);
    expect(parseCustomId('v1:reroll:' + 'x'.repeat(CUSTOM_ID_MAX_LENGTH))).toBeNull();
  });
});
