import { createHash } from 'node:crypto';
import type { Backend, RawPlanner, RawWrite } from './backend.js';
import { conflictBackoffMs, TransactionConflictError } from './backend.js';
import { withTimeout } from './with-timeout.js';

/**
 * Redis through @keyv/redis's own client and key layout (`<namespace>::<key>`, values as Keyv
 * serialises them). A transaction is optimistic: read the keys, plan, then one Lua script that
 * applies the writes only if every read key still holds what was read (compared by SHA-1) — a
 * compare-and-set over several keys, atomic because Redis runs a script alone. On a conflict the
 * plan runs again on the new values. This needs no dedicated connection (WATCH would).
 */

const CAS_SCRIPT = `
local reads = tonumber(ARGV[1])
for i = 1, reads do
  local current = redis.call('GET', KEYS[i])
  local expected = ARGV[1 + i]
  if current == false then
    if expected ~= '' then return 0 end
  elseif expected == '' or redis.sha1hex(current) ~= expected then
    return 0
  end
end
for j = reads + 1, #KEYS do
  local value = ARGV[1 + j]
  if value == '' then redis.call('DEL', KEYS[j]) else redis.call('SET', KEYS[j], value) end
end
return 1
`;

const MAX_ATTEMPTS = 200;

interface RedisClient {
  mGet(keys: string[]): Promise<Array<string | null>>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[] | string>;
}

interface RedisAdapter {
  namespace?: string;
  keyPrefixSeparator: string;
  getClient(): Promise<unknown>;
  disconnect(force?: boolean): Promise<void>;
}

export async function openRedisBackend(
  url: string,
  namespace: string,
  connectTimeoutMs: number,
): Promise<Backend> {
  const { default: KeyvRedis } = await import('@keyv/redis');
  const adapter = new KeyvRedis(url, {
    namespace,
    connectionTimeout: connectTimeoutMs,
    throwOnConnectError: true,
    throwOnErrors: true,
  }) as unknown as RedisAdapter;
  try {
    const client = (await adapter.getClient()) as RedisClient;
    return new RedisBackend(client, adapter);
  } catch (error) {
    await adapter.disconnect(true).catch(() => undefined);
    throw error;
  }
}

class RedisBackend implements Backend {
  readonly #prefix: string;

  constructor(
    private readonly client: RedisClient,
    private readonly adapter: RedisAdapter,
  ) {
    this.#prefix = `${adapter.namespace ?? ''}${adapter.keyPrefixSeparator}`;
  }

  rawKey(key: string): string {
    return `${this.#prefix}${key}`;
  }

  keyOf(rawKey: string): string | undefined {
    return rawKey.startsWith(this.#prefix) ? rawKey.slice(this.#prefix.length) : undefined;
  }

  async read(rawKeys: readonly string[]): Promise<Array<string | undefined>> {
    if (rawKeys.length === 0) return [];
    const values = await this.client.mGet([...rawKeys]);
    return values.map((value) => value ?? undefined);
  }

  /** Durability is the server's `appendfsync` setting here, the same for every write. */
  async transact<R>(rawKeys: readonly string[], plan: RawPlanner<R>): Promise<R> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      // MGET is atomic, so the plan always sees one consistent moment of all its keys.
      const values = await this.read(rawKeys);
      const { writes, result } = await plan(values);
      if (writes.length === 0) return result;
      if (await this.#compareAndSet(rawKeys, values, writes)) return result;
      await new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
    }
    throw new TransactionConflictError(MAX_ATTEMPTS);
  }

  async scan(rawPrefix: string): Promise<string[]> {
    const match = `${rawPrefix.replace(/[\\*?[\]]/g, (char) => `\\${char}`)}*`;
    const found = new Set<string>();
    for await (const batch of this.client.scanIterator({ MATCH: match, COUNT: 1000 })) {
      for (const key of Array.isArray(batch) ? batch : [batch]) found.add(key);
    }
    return [...found].sort();
  }

  async close(): Promise<void> {
    // A graceful QUIT waits for a server that may be gone; then the socket is simply dropped.
    await withTimeout(this.adapter.disconnect(), 1_000, 'no answer to QUIT').catch(() =>
      this.adapter.disconnect(true).catch(() => undefined),
    );
  }

  async #compareAndSet(
    rawKeys: readonly string[],
    values: ReadonlyArray<string | undefined>,
    writes: readonly RawWrite[],
  ): Promise<boolean> {
    const expected = values.map((value) => (value === undefined ? '' : sha1(value)));
    const answer = await this.client.eval(CAS_SCRIPT, {
      keys: [...rawKeys, ...writes.map((write) => write.key)],
      // An empty string deletes: Keyv never stores one (its values are JSON).
      arguments: [String(rawKeys.length), ...expected, ...writes.map((write) => write.value ?? '')],
    });
    return Number(answer) === 1;
  }
}

function sha1(value: string): string {
  return createHash('sha1').update(value, 'utf8').digest('hex');
}
