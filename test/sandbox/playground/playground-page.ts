import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, SANDBOX_IDS, type RunningSandbox } from '../../../sandbox/start.js';
import { silentLogger } from '../../../src/logger.js';

// The sandbox `npm start` runs, opened in Debian's Chromium: what every playground browser test starts from.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PlaygroundPage {
  /** A temporary folder of the test's own, removed by close(). */
  dir: string;
  sandbox: RunningSandbox;
  page: Page;
  close(): Promise<void>;
}

/** Starts the sandbox and the browser together; `prepare` runs in the test's folder meanwhile. */
export async function openPlayground(
  prefix: string,
  prepare: (dir: string) => Promise<unknown> = () => Promise.resolve(),
): Promise<PlaygroundPage> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let sandbox: RunningSandbox | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    [sandbox, browser] = await Promise.all([
      startSandbox({
        port: 0,
        databaseUrl: `sqlite://${join(dir, 'sandbox.sqlite')}`,
        speed: 1000,
        mediaScale: 0.25,
        progressIntervalMs: 100,
        logger: silentLogger(),
      }),
      chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
      prepare(dir),
    ]);
    // Plenty of credits: these tests are about the page, not the allowance.
    await sandbox.app.context.settings.update(
      sandbox.guild.id,
      SANDBOX_IDS.members.ada,
      (settings) => ({ ...settings, allowancePerDay: 1000 }),
      'tests',
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => {
      throw error;
    });
    return { dir, sandbox, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
