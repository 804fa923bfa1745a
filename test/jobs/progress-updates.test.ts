import { describe, expect, it } from 'vitest';
import { ProgressUpdates } from '../../src/services/jobs/progress-updates.js';

describe('progress edits of a finished job', () => {
  it('are refused while the result goes out, and the mark is dropped an hour later', async () => {
    let now = 1_000_000;
    const updates = new ProgressUpdates(
      0,
      () => undefined,
      () => now,
    );
    const edited: string[] = [];
    const edit = (id: string) => async () => void edited.push(id);
    await updates.forget('old');
    now += 30 * 60_000;
    await updates.forget('mid');
    now += 15 * 60_000;
    await updates.forget('old'); // closed again later: it now counts from here
    now += 50 * 60_000;
    await updates.forget('new'); // prunes what closed over an hour ago
    for (const id of ['old', 'mid', 'new']) updates.push(id, edit(id));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // 'mid' closed 65 minutes ago: forgotten, so a straggler may edit again; the others are closed.
    expect(edited).toEqual(['mid']);
    updates.stop();
  });
});
