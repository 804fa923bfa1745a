import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../../src/services/store/keyv-format.js';

/**
 * The store writes and reads Keyv's format through the native JSON functions where they agree with
 * Keyv's own: byte for byte on write, value for value on read, for any plain JSON value, strings
 * that start with ':' (the one thing Keyv escapes) and keys that look like them included.
 */

const text = fc.oneof(
  fc.string(),
  fc.string().map((s) => `:${s}`),
  fc.constantFrom(':', '::', ':base64:', 'a:', 'a,', 'a[', ' ":', '\\":', '",":'),
);

const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe("the store's Keyv format", () => {
  it('writes exactly what Keyv writes', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(encodeValue(value)).toBe(defaultSerialize({ value }));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads what Keyv wrote, with or without white space, as Keyv reads it', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 1, '\t'), (value, indent) => {
        const keyvText = defaultSerialize({ value });
        // Keyv's own text, re-spaced: still JSON, and the escaped strings are still escaped.
        const raw = indent === undefined ? keyvText : JSON.stringify(JSON.parse(keyvText), null, indent);
        const expected = defaultDeserialize<{ value: unknown }>(raw).value;
        expect(decodeValue(raw)).toEqual(expected === null ? undefined : expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a string that starts with a colon back as written', () => {
    const value = { reason: ':x', list: [':a', 'b', ':base64:AA'], nested: { ':key': '::' } };
    expect(decodeValue(encodeValue(value))).toEqual(value);
    expect(encodeValue(value)).toContain('"::x"');
  });

  it('reads a Keyv Buffer as Keyv does', () => {
    const raw = '{"value":":base64:AAEC"}';
    expect(decodeValue<Buffer>(raw)).toEqual(Buffer.from([0, 1, 2]));
  });
});
