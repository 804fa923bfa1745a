import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { InteractionClaims } from '../../src/services/interaction-claims.js';
import { ShortLivedRecords } from '../../src/services/short-lived-records.js';
import { createStore, type Store } from '../../src/services/store.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

describe('interaction claims', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createStore('sqlite://:memory:', { logger: silentLogger() });
  });
  afterAll(async () => {
    await store.close();
  });

  it('on a shared database, gives an interaction to exactly one of two processes', async () => {
    const records = new ShortLivedRecords(store, () => 1_000);
    const [a, b] = [new InteractionClaims(records, () => 1_000), new InteractionClaims(records, () => 1_000)];
    const won = await Promise.all([a.claim('i1'), b.claim('i1')]);
    expect(won.sort()).toEqual([false, true]);
    // The winner asking again still has it.
    expect(await (won[0] ? b : a).claim('i1')).toBe(true);
  });

  it('alone on its database, takes every interaction without writing a claim', async () => {
    const claims = new InteractionClaims(undefined, () => 1_000);
    expect(await claims.claim('i2')).toBe(true);
    expect(await store.keys('v1:interaction-claim:i2')).toEqual([]);
  });
});

describe('a bot on a SQLite file', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('answers commands with no claim record: one process per file, so one commit before a job’s answer', async () => {
    const reply = await h.emulator.driver
      .runCommand({ user: 'cleo', channel: 'studio', name: 'credits' })
      .reply();
    expect(reply.ephemeral).toBe(true);
    expect(await h.app.context.store.keys('v1:interaction-claim:')).toEqual([]);
  });
});
