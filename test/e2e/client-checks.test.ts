import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientRefusal, type OptionValue } from '../../sandbox/discord/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';

// The bot's real commands through the emulator, which refuses what Discord's client would: the values
// members once saw turn into a vague public "Percify could not take this request" now never leave it.

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

function refused(name: string, options: Record<string, OptionValue>): string {
  const before = h.emulator.driver.interactions().length;
  try {
    h.emulator.driver.runCommand({ user: 'ben', channel: 'studio', name, options });
  } catch (error) {
    expect(error).toBeInstanceOf(ClientRefusal);
    expect(h.emulator.driver.interactions()).toHaveLength(before);
    return (error as Error).message;
  }
  throw new Error(`/${name} was sent`);
}

describe("the bot's options, checked as Discord's client checks them", () => {
  it.each<[Record<string, OptionValue>, string]>([
    [{ prompt: 'a fox', seed: -5 }, '/avatar seed: must be between 0 and 2147483647'],
    [{ prompt: 'a fox', seed: 99_999_999_999 }, '/avatar seed: must be between 0 and 2147483647'],
    [{ prompt: 'a fox', guidance: 50 }, '/avatar guidance: must be between 1 and 20'],
    [{ prompt: 'a fox', variations: 5 }, '/avatar variations: must be between 1 and 4'],
    [{ prompt: 'a fox', model: 'dalle' }, '/avatar model: must be one of flux, imagen3, reality4'],
    [{ prompt: 'a'.repeat(1001) }, '/avatar prompt: takes at most 1000 characters'],
  ])('refuses /avatar %j before the bot sees it', (options, message) => {
    expect(refused('avatar', options)).toBe(message);
  });

  it('refuses an /animate length Percify never renders', () => {
    expect(refused('animate', { avatar: 'avatar_x', duration: 31 })).toBe(
      '/animate duration: must be between 3 and 30',
    );
  });

  it('sends values on the limits, which the bot answers', async () => {
    const reply = await h.emulator.driver
      .runCommand({
        user: 'ben',
        channel: 'studio',
        name: 'avatar',
        options: { prompt: 'a fox at the edge', seed: 2_147_483_647, guidance: 20, variations: 1 },
      })
      .reply();
    expect(reply.ephemeral).toBe(false);
    await expect
      .poll(() => h.percify.avatars().find((a) => a.prompt === 'a fox at the edge')?.seed, {
        timeout: 10_000,
      })
      .toBe(2_147_483_647);
  });
});
