import { describe, expect, it } from 'vitest';
import { filesLoadedBy } from './support/loaded-files.js';

/** What a module pulls in decides what a small task (registering commands, starting production) loads. */
describe('import graph', () => {
  it('deploy loads command data only: no service, no handler', async () => {
    const files = await filesLoadedBy('src/deploy.ts');
    expect(files).toContain('src/commands/data/index.ts');
    expect(files.filter((file) => file.startsWith('src/services/'))).toEqual([]);
    expect(
      files.filter((file) => file.startsWith('src/commands/') && !file.startsWith('src/commands/data/')),
    ).toEqual([]);
  }, 30_000);

  it('the production entry loads nothing from the sandbox until a sandbox mode starts', async () => {
    const files = await filesLoadedBy('src/sandbox-mode.ts');
    expect(files).toContain('src/app.ts');
    expect(files.filter((file) => file.startsWith('sandbox/'))).toEqual([]);
  }, 30_000);
});
