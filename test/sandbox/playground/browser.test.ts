import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../sandbox/start.js';
import { openPlayground, type PlaygroundPage } from './playground-page.js';

// The playground in a real browser (Debian's Chromium): a person makes an avatar, animates it, watches
// the video, makes four variations and sees them as a 2×2 grid, then, as an ordinary member, is
// refused /quota. The sandbox is the one `npm start` runs.

let playground: PlaygroundPage;
let sandbox: RunningSandbox;
let page: Page;

beforeAll(async () => {
  playground = await openPlayground('playground-');
  ({ sandbox, page } = playground);
}, 60_000);

afterAll(async () => {
  await playground?.close();
});

const composer = () => page.getByTestId('composer');

describe('the playground page', () => {
  it('offers the registered commands as the person types', async () => {
    await page.goto(sandbox.url);
    await page.locator('body[data-ready="true"]').waitFor();
    await expect.poll(() => page.locator('#bot-status').textContent()).toMatch(/online/);
    await composer().click();
    await composer().pressSequentially('/ava');
    await expect
      .poll(() => page.getByTestId('suggestion').allTextContents())
      .toContainEqual(expect.stringContaining('/avatar'));
    await composer().press('Tab');
    expect(await composer().inputValue()).toBe('/avatar ');
    // The model option offers its fixed choices.
    await composer().pressSequentially('model:');
    await expect
      .poll(() => page.getByTestId('suggestion').allTextContents())
      .toContainEqual(expect.stringContaining('flux'));
    await composer().fill('');
  });

  it('makes an avatar, animates it and plays the video inline', async () => {
    await composer().fill('/avatar prompt:a lighthouse at dusk');
    await composer().press('Enter');
    const result = page
      .locator('[data-testid="message"]')
      .filter({ has: page.getByRole('button', { name: 'Animate' }) });
    await result.last().waitFor({ timeout: 20_000 });
    const image = result.last().locator('img').first();
    await expect
      .poll(() => image.evaluate((img) => Number(Reflect.get(img, 'naturalWidth'))), { timeout: 10_000 })
      .toBeGreaterThan(0);

    await result.last().getByRole('button', { name: 'Animate' }).click();
    const panel = page.locator('[data-testid="message"]').filter({ hasText: 'Only you can see this' }).last();
    const render = panel.getByRole('button', { name: /🎬 Render/ });
    await render.waitFor({ timeout: 10_000 });
    await render.click();

    const video = page.locator('video').last();
    await video.waitFor({ timeout: 40_000 });
    const src = await video.getAttribute('src');
    expect(src).toBeTruthy();
    const served = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        type: response.headers.get('content-type'),
        brand: String.fromCharCode(...bytes.subarray(4, 8)),
      };
    }, src!);
    expect(served).toEqual({ type: 'video/mp4', brand: 'ftyp' });
    expect(await video.evaluate((v) => Reflect.get(v, 'controls') === true)).toBe(true);
    // Playable: Chromium reads the file's metadata (duration) through the element itself.
    await expect
      .poll(
        () =>
          video.evaluate((v) =>
            Number(Reflect.get(v, 'readyState')) >= 1 ? Number(Reflect.get(v, 'duration')) : 0,
          ),
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThan(0);
    await video.scrollIntoViewIfNeeded();
    // The side panel follows the simulator live: the finished render leaves no job in flight.
    await expect.poll(() => page.getByTestId('in-flight').textContent(), { timeout: 5_000 }).toBe('0');
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/playground.png' });
  }, 90_000);

  it('shows four variations as a 2×2 grid in one card, with buttons that say what they do', async () => {
    await composer().fill('/avatar prompt:four foxes in the snow variations:4');
    await composer().press('Enter');
    const result = page
      .locator('[data-testid="message"]')
      .filter({ has: page.getByRole('button', { name: 'Animate 4', exact: true }) })
      .last();
    await result.waitFor({ timeout: 20_000 });
    const gallery = result.getByTestId('media-gallery');
    const images = gallery.locator('img');
    await expect.poll(() => images.count()).toBe(4);
    await expect
      .poll(
        () => images.evaluateAll((all) => all.every((img) => Number(Reflect.get(img, 'naturalWidth')) > 0)),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    // Laid out as two columns of two rows: 1 2 / 3 4.
    const boxes = await Promise.all([0, 1, 2, 3].map(async (n) => (await images.nth(n).boundingBox())!));
    const [one, two, three, four] = boxes.map((box) => ({ x: Math.round(box.x), y: Math.round(box.y) })) as [
      { x: number; y: number },
      { x: number; y: number },
      { x: number; y: number },
      { x: number; y: number },
    ];
    expect([one.y === two.y, three.y === four.y, one.x === three.x, two.x === four.x]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(two.x).toBeGreaterThan(one.x);
    expect(three.y).toBeGreaterThan(one.y);
    // Square cells two by two: the gallery is about as tall as it is wide, not four images stacked.
    const grid = (await gallery.boundingBox())!;
    expect(grid.height).toBeLessThan(grid.width * 1.1);
    const labels = await result.getByRole('button').allInnerTexts();
    const names = await result.locator('.button-label').allTextContents();
    expect(names).toEqual([
      ...[1, 2, 3, 4].map((n) => `Animate ${n}`),
      ...[1, 2, 3, 4].map((n) => `Vary ${n}`),
      ...[1, 2, 3, 4].map((n) => `HD ${n}`),
      'Reroll',
      'Delete',
    ]);
    // Each button shows its emoji as an icon beside the words.
    expect(labels.every((label) => /^\p{Extended_Pictographic}/u.test(label.trim()))).toBe(true);
    // Tall enough to show the whole card: this is the README's screenshot.
    await page.setViewportSize({ width: 1400, height: 1250 });
    await result.scrollIntoViewIfNeeded();
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/playground-four-variations.png' });
    await page.setViewportSize({ width: 1400, height: 900 });
  }, 60_000);

  it("suggests the member's own avatars from the bot's autocomplete in /animate", async () => {
    await composer().fill('');
    await composer().pressSequentially('/animate avatar:lightho');
    await expect
      .poll(() => page.getByTestId('suggestion').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('a lighthouse at dusk'));
    await composer().press('Enter');
    expect(await composer().inputValue()).toMatch(/^\/animate avatar:avatar_\w+ $/);
    await composer().fill('');
  });

  it('keeps the avatar suggestions while the person goes on to type the next option', async () => {
    await composer().fill('');
    await composer().pressSequentially('/animate avatar:lightho');
    await expect
      .poll(() => page.getByTestId('suggestion').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('a lighthouse at dusk'));
    await composer().pressSequentially(' dur');
    // The next option is offered first, and the bot's choices for what was typed before it stay.
    await expect
      .poll(() => page.getByTestId('suggestion').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^duration:/), expect.stringContaining('a lighthouse at dusk')]);
    await composer().press('ArrowDown');
    await composer().press('Enter');
    expect(await composer().inputValue()).toMatch(/^\/animate avatar:avatar_\w+ $/);
    await composer().pressSequentially('duration:5');
    await expect.poll(() => page.locator('#composer-hint').textContent()).toBe('Press Enter to send');
    await composer().fill('');
  });

  it("refuses, as Discord's client does, a seed out of range: the text stays and nothing is sent", async () => {
    const before = await page.locator('[data-testid="message"]').count();
    await composer().fill('/avatar prompt:a fox on ice seed:-5');
    await composer().press('Enter');
    await expect
      .poll(() => page.getByTestId('refusal').textContent())
      .toBe('/avatar seed: must be between 0 and 2147483647');
    expect(await composer().inputValue()).toBe('/avatar prompt:a fox on ice seed:-5');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid="message"]').count()).toBe(before);
    expect(sandbox.percify.avatars().some((a) => a.prompt === 'a fox on ice')).toBe(false);
    // Editing the text clears the refusal.
    await composer().press('Backspace');
    await expect.poll(() => page.getByTestId('refusal').count()).toBe(0);
    await composer().fill('');
  });

  it('opens a modal as a dialog and sends what the person typed', async () => {
    await composer().fill('/avatar');
    await composer().press('Enter');
    const dialog = page.locator('dialog#modal');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await dialog.locator('h2').textContent()).toBe('Describe your avatar');
    await dialog.locator('textarea[name="prompt"]').fill('a red kite over hills');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.locator('[data-testid="message"]').allTextContents(), { timeout: 20_000 })
      .toContainEqual(expect.stringContaining('a red kite over hills'));
  }, 40_000);

  it('shows the simulated account and flips its fault switches', async () => {
    await expect
      .poll(() => page.getByTestId('credits').textContent())
      .toBe(sandbox.percify.credits().toLocaleString('en'));
    expect(sandbox.percify.credits()).toBeLessThan(10_000);
    await page.getByLabel('Drop webhooks').check();
    await expect.poll(() => sandbox.percify.faults.dropWebhooks).toBe(true);
    await page.getByLabel('Drop webhooks').uncheck();
    await expect.poll(() => sandbox.percify.faults.dropWebhooks).toBe(false);
  });

  it('offers /quota to an admin only, as Discord hides it from a member without Manage Server', async () => {
    const suggested = async () => {
      await composer().fill('');
      await composer().pressSequentially('/quo');
      await page.waitForTimeout(300);
      return page.getByTestId('suggestion').allTextContents();
    };
    await expect.poll(suggested).toContainEqual(expect.stringContaining('/quota view'));
    await page.getByTestId('member').selectOption('ben');
    await expect.poll(suggested).toEqual([]);
    await composer().fill('');
  });
});
