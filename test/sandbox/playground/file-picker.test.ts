import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../sandbox/start.js';
import { openPlayground, type PlaygroundPage } from './playground-page.js';
import { makeImage } from '../percify/media-fixtures.js';

// The playground's 📎 picker in a real browser: a photo chosen for /avatar's photo option reaches the
// bot as an attachment on the emulator's CDN, and the photo avatar comes back on the page.

let playground: PlaygroundPage;
let sandbox: RunningSandbox;
let page: Page;
let photoPath: string;

beforeAll(async () => {
  playground = await openPlayground('playground-picker-', (dir) => {
    photoPath = join(dir, 'me.png');
    return makeImage(dir, 'me.png', 512, 512);
  });
  ({ sandbox, page } = playground);
}, 60_000);

afterAll(async () => {
  await playground?.close();
});

const composer = () => page.getByTestId('composer');

describe('the playground file picker', () => {
  it('attaches a chosen photo to /avatar photo: and shows the photo avatar', async () => {
    await page.goto(sandbox.url);
    await page.locator('body[data-ready="true"]').waitFor();
    await expect.poll(() => page.locator('#bot-status').textContent()).toMatch(/online/);
    await composer().fill('/avatar ');
    await composer().press('End');
    await expect.poll(() => page.locator('#attach-label').isHidden()).toBe(false);
    await page.getByTestId('attach').setInputFiles(photoPath);
    await expect.poll(() => page.getByTestId('attachment-name').textContent()).toBe('photo: me.png');
    await composer().press('Enter');

    const consent = page
      .locator('[data-testid="message"]')
      .filter({ hasText: 'Before your first photo avatar' })
      .last();
    await consent.waitFor({ timeout: 20_000 });
    await consent.getByRole('button', { name: /It is me/ }).click();
    const result = page
      .locator('[data-testid="message"]')
      .filter({ hasText: 'Your photo avatar' })
      .filter({ has: page.getByRole('button', { name: 'Animate' }) });
    await result.last().waitFor({ timeout: 20_000 });
    const image = result.last().locator('img').first();
    await expect
      .poll(() => image.evaluate((img) => Number(Reflect.get(img, 'naturalWidth'))), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // Sent: the picker is empty again.
    expect(await page.getByTestId('attachment-name').isHidden()).toBe(true);
  }, 90_000);

  it('says a required file is missing for /voice clone', async () => {
    await composer().fill('');
    await composer().pressSequentially('/voice clone name:Me');
    await expect
      .poll(() => page.locator('#composer-hint').textContent())
      .toContain('a file for sample: (📎)');
  });
});
