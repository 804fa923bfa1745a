import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1420070400000n;

/** Makes Discord-style snowflakes: milliseconds since 2015 shifted left 22 bits, plus a counter. */
export function createSnowflakeFactory(now: () => number): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    const ms = BigInt(Math.floor(now())) - DISCORD_EPOCH;
    return ((ms << 22n) | (1n << 17n) | increment).toString();
  };
}

/** When a snowflake was made, in ms since the Unix epoch. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Interaction tokens: long, URL-safe, like Discord's `aW50ZXJhY3Rpb246…` tokens. */
export function createInteractionToken(interactionId: string): string {
  const prefix = Buffer.from(`interaction:${interactionId}:`).toString('base64url');
  return `${prefix}${randomBytes(48).toString('base64url')}`;
}
