import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../sandbox/start.js';
import { openPlayground, type PlaygroundPage } from './playground-page.js';

// Each playground member has a Discord language, switched on the page: the emulator sends it as the
// interaction's locale, so the bot answers in it, and the composer describes commands in it.

let playground: PlaygroundPage;
let sandbox: RunningSandbox;
let page: Page;

beforeAll(async () => {
  playground = await openPlayground('playground-languages-');
  ({ sandbox, page } = playground);
  await page.goto(sandbox.url);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.locator('#bot-status.online').waitFor();
}, 60_000);

afterAll(async () => {
  await playground?.close();
});

const composer = () => page.getByTestId('composer');

/** Runs /credits and returns the title of the embed that comes back. */
async function creditsTitle(): Promise<string> {
  const before = await page.locator('[data-testid="message"]').count();
  await composer().fill('/credits');
  await composer().press('Enter');
  const reply = page.locator('[data-testid="message"]').nth(before);
  await reply.waitFor();
  return (await reply.locator('.embed-title').first().textContent()) ?? '';
}

describe('the playground in the member’s language', () => {
  it('answers in the language chosen for the member, and keeps each member’s own', async () => {
    expect(await creditsTitle()).toBe('💳 Your credits');
    await page.getByTestId('locale').selectOption('ja');
    await expect.poll(creditsTitle).toBe('💳 あなたのクレジット');
    // The reset time is Discord's <t:…:R>, which the client shows in its own language.
    const embed = page.locator('[data-testid="message"]').last();
    expect(await embed.textContent()).toMatch(/\d+ (時間|分|秒)後/);
    // Ben still speaks English; switching back to Ada finds her Japanese.
    await page.getByTestId('member').selectOption('ben');
    expect(await page.getByTestId('locale').inputValue()).toBe('en-US');
    await page.getByTestId('member').selectOption('ada');
    expect(await page.getByTestId('locale').inputValue()).toBe('ja');
  });

  it('describes the commands in the member’s language as they type', async () => {
    await page.getByTestId('locale').selectOption('de');
    await composer().fill('');
    await composer().pressSequentially('/cred');
    await expect
      .poll(() => page.getByTestId('suggestion').allTextContents())
      .toContainEqual(expect.stringContaining('Sieh nach, wie viele Credits du ausgeben kannst'));
    await composer().fill('');
  });

  it('sends the server’s language as guild_locale', async () => {
    await page.getByTestId('guild-locale').selectOption('fr');
    await expect
      .poll(async () => {
        await creditsTitle();
        return sandbox.emulator.driver.interactions().at(-1)?.payload;
      })
      .toMatchObject({ locale: 'de', guild_locale: 'fr' });
  });
});
