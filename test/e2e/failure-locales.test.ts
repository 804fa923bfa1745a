import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../src/services/i18n/index.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { visibleText } from '../support/messages.js';

// A job's failure reply is public: it speaks the channel's language, the server's community language
// (`guild_locale`) where it has one, else the language of the member who started the job. The books
// (the record and the ledger) keep the reason in English. And /help, which only the member sees,
// speaks the member's language.

const i18n = createI18n();
/** What the simulator's failed generation reports (`content_policy_violation`), in the member's words. */
const STOPPED = 'guide.failures.policyStopped.avatar' as const;

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  h.percify.faults.failNextGenerations = 0;
  h.emulator.driver.setGuildLocale(h.guild.id, 'en-US');
});

/**
 * Discord sends `guild_locale` with every interaction in a server; a server that has none set is
 * played here by the emulator's record of the guild holding no preferred locale, so the interaction
 * arrives without one.
 */
function withoutGuildLocale(): void {
  const { core } = h.emulator.driver as unknown as {
    core: { store: { guilds: Map<string, { preferredLocale?: string | undefined }> } };
  };
  const guild = core.store.guilds.get(h.guild.id);
  if (!guild) throw new Error('the seeded guild is missing');
  guild.preferredLocale = undefined;
}

/** Starts an /avatar that Percify accepts and then fails, and waits for the failure reply. */
async function failedAvatar(user: string, locale: string, expected: string) {
  h.percify.faults.failNextGenerations = 1;
  const reply = await h.emulator.driver
    .runCommand({
      user,
      channel: 'studio',
      name: 'avatar',
      options: { prompt: 'a paper crane', model: 'flux' },
      locale,
    })
    .reply();
  const settled = await h.emulator.driver.waitForEdit(
    reply.id,
    (m) => visibleText(m).includes(expected),
    20_000,
  );
  const memberId = h.emulator.driver.userId(user);
  await vi.waitFor(async () => {
    const balance = await h.app.context.ledger.balance(h.guild.id, memberId, []);
    expect(balance.reservedNow).toBe(0);
  });
  return { text: visibleText(settled) };
}

describe('the failure reply of a job', () => {
  it('speaks Japanese for a ja member in a server without a community language', async () => {
    withoutGuildLocale();
    const expected = i18n.translator('ja').t(STOPPED);
    const { text } = await failedAvatar('ben', 'ja', expected);
    expect(text).toContain(expected);
    expect(text).not.toContain(i18n.translator('en').t(STOPPED));
    // Refunded whole (the record and the ledger keep the reason in English: test/i18n/guide-replies).
    const balance = await h.app.context.ledger.balance(h.guild.id, h.emulator.driver.userId('ben'), []);
    expect(balance.spentToday).toBe(0);
  });

  it("speaks German where the server's language is German, whatever the member's", async () => {
    h.emulator.driver.setGuildLocale(h.guild.id, 'de');
    const expected = i18n.translator('de').t(STOPPED);
    const { text } = await failedAvatar('cleo', 'ja', expected);
    expect(text).toContain(expected);
    expect(text).not.toContain(i18n.translator('ja').t(STOPPED));
  });
});

describe('/help', () => {
  it('speaks German to a de member, command descriptions included', async () => {
    const reply = await h.emulator.driver
      .runCommand({ user: 'ben', channel: 'general', name: 'help', locale: 'de' })
      .reply();
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('✨ Percify-Avatare & -Videos');
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(Object.keys(fields)).toEqual([
      'Befehle',
      'Avatare',
      'Videos',
      'Stimme',
      'Dein Guthaben',
      'Mehr Credits bekommen',
    ]);
    expect(fields['Befehle']).toContain('`/avatar` — Erstelle KI-Avatare');
    expect(fields['Avatare']).toContain('**flux** · Schnell: 2 Credits pro Bild');
    expect(fields['Dein Guthaben']).toContain('jetzt verfügbar');
    expect(fields['Mehr Credits bekommen']).toMatch(/füllt sich <t:\d+:R> wieder auf/);
  });
});
