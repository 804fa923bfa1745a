import { describe, expect, it } from 'vitest';
import { FlushPipeline } from '../../src/services/store/flush-pipeline.js';

/** A flush the test finishes by hand, to see who heard back while the disk was still busy. */
function gatedFlushes() {
  const started: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const flush = () => new Promise<void>((resolve, reject) => started.push({ finish: resolve, fail: reject }));
  return { flush, started };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('flush pipeline', () => {
  it('tells a commit it is on disk only after a flush that started after it', async () => {
    const { flush, started } = gatedFlushes();
    const pipeline = new FlushPipeline(flush);
    const first = pipeline.committed();
    const heard: string[] = [];
    void pipeline.onDisk(first).then(() => heard.push('first'));
    // The second commit lands while the first flush is on the disk: that flush does not cover it.
    const second = pipeline.committed();
    void pipeline.onDisk(second).then(() => heard.push('second'));
    expect(started).toHaveLength(1);
    started[0]?.finish();
    await tick();
    expect(heard).toEqual(['first']);
    expect(started).toHaveLength(2);
    started[1]?.finish();
    await tick();
    expect(heard).toEqual(['first', 'second']);
  });

  it('covers every commit made during a flush with the one next flush', async () => {
    const { flush, started } = gatedFlushes();
    const pipeline = new FlushPipeline(flush);
    pipeline.committed();
    const during = Array.from({ length: 20 }, () => pipeline.onDisk(pipeline.committed()));
    started[0]?.finish();
    await tick();
    expect(started).toHaveLength(2);
    started[1]?.finish();
    await Promise.all(during);
    expect(started).toHaveLength(2);
  });

  it('never says a commit is on disk when its flush failed, and retries with the next waiter', async () => {
    const { flush, started } = gatedFlushes();
    const pipeline = new FlushPipeline(flush);
    const lost = pipeline.onDisk(pipeline.committed());
    started[0]?.fail(new Error('EIO'));
    await expect(lost).rejects.toThrow('EIO');
    await tick();
    // No waiter, no new commit: a broken disk is not retried in a loop.
    expect(started).toHaveLength(1);
    const again = pipeline.drain();
    expect(started).toHaveLength(2);
    started[1]?.finish();
    await expect(again).resolves.toBeUndefined();
  });

  it('answers at once when the commit is already on disk', async () => {
    const { flush, started } = gatedFlushes();
    const pipeline = new FlushPipeline(flush);
    const commit = pipeline.committed();
    started[0]?.finish();
    await tick();
    await expect(pipeline.onDisk(commit)).resolves.toBeUndefined();
    await expect(pipeline.drain()).resolves.toBeUndefined();
    expect(started).toHaveLength(1);
  });
});
