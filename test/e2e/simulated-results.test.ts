import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_RESULT_NOTE } from '../../src/sandbox-mode.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { visibleText } from '../support/messages.js';

// With the real Discord and the Percify simulator behind it, every result says it is simulated.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ resultNote: SIMULATED_RESULT_NOTE });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('simulated-Percify mode', () => {
  it('marks a delivered result as simulated, and not the progress before it', async () => {
    const reply = await h.emulator.driver
      .runCommand({ user: 'ben', channel: 'studio', name: 'avatar', options: { prompt: 'a test pattern' } })
      .reply();
    expect(visibleText(reply)).not.toContain('Simulated');
    const done = await h.emulator.driver.waitForEdit(reply.id, (m) => m.attachments.length === 1, 20_000);
    // In the card's small print, under the job and image ids.
    expect(visibleText(done)).toMatch(/-# Job j\w+ · avatar_\w+\n-# 🧪 Simulated result/);
  });
});
