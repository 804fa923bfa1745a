import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runTs } from './support/processes.js';

// What an operator sees when `npm start` cannot start: one clear line and a non-zero exit. Run from
// an empty folder, so no developer's .env is read.

const cwd = mkdtempSync(`${tmpdir()}/entry-`);
const entry = `${process.cwd()}/src/index.ts`;

describe('src/index.ts', () => {
  it('says in one line that DISCORD_TOKEN is missing and exits non-zero', async () => {
    const result = await runTs(entry, {}, { cwd });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('DISCORD_TOKEN is not set')]);
    expect(result.stdout).toBe('');
  });

  it('names the variable and the allowed values for a wrong setting', async () => {
    const result = await runTs(entry, { DISCORD_TOKEN: 'x', PERCIFY_PLAN: 'gold' }, { cwd });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('PERCIFY_PLAN must be one of free, pro, enterprise; got "gold"');
    expect(result.stderr).not.toContain('    at '); // no stack trace for a configuration mistake
  });
});
