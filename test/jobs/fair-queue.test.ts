import { describe, expect, it } from 'vitest';
import { FairQueue, type QueuedItem } from '../../src/services/jobs/fair-queue.js';

function queueWith(capacity: number) {
  const started: string[] = [];
  const queue = new FairQueue<QueuedItem>({ capacity, onStart: (item) => started.push(item.id) });
  const add = (id: string, memberId: string, weight = 1) => queue.enqueue({ id, memberId, weight });
  return { queue, started, add };
}

describe('fair queue', () => {
  it('never runs more than the plan allows and starts the next job when one finishes', () => {
    const { queue, started, add } = queueWith(1);
    add('a1', 'alice');
    add('b1', 'bob');
    expect(started).toEqual(['a1']);
    expect(queue.used).toBe(1);
    queue.finish('a1');
    expect(started).toEqual(['a1', 'b1']);
  });

  it('takes turns between members so one member cannot starve the others', () => {
    const { queue, started, add } = queueWith(1);
    for (let i = 1; i <= 4; i++) add(`a${i}`, 'alice');
    add('b1', 'bob');
    add('c1', 'cleo');
    expect(queue.positions()).toEqual(
      new Map([
        ['a2', 1],
        ['b1', 2],
        ['c1', 3],
        ['a3', 4],
        ['a4', 5],
      ]),
    );
    for (const id of ['a1', 'a2', 'b1', 'c1', 'a3']) queue.finish(id);
    expect(started).toEqual(['a1', 'a2', 'b1', 'c1', 'a3', 'a4']);
  });

  it('counts a batch as many slots and lets an oversized batch run alone', () => {
    const { queue, started, add } = queueWith(3);
    add('small', 'alice', 1);
    add('batch', 'bob', 4);
    expect(started).toEqual(['small']);
    expect(queue.position('batch')).toBe(1);
    queue.finish('small');
    expect(started).toEqual(['small', 'batch']);
    expect(queue.used).toBe(3);
    add('later', 'cleo', 1);
    expect(started).toHaveLength(2);
  });

  it('keeps positions in step as jobs leave the line, including cancelled ones', () => {
    const { queue, add } = queueWith(1);
    add('run', 'alice');
    add('b1', 'bob');
    add('c1', 'cleo');
    expect(queue.position('c1')).toBe(2);
    queue.finish('b1'); // cancelled while waiting
    expect(queue.position('c1')).toBe(1);
    expect(queue.has('b1')).toBe(false);
    expect(queue.waitingCount).toBe(1);
  });

  it('ignores a second enqueue of the same job and a finish of an unknown one', () => {
    const { queue, started, add } = queueWith(2);
    add('x', 'alice');
    add('x', 'alice');
    queue.finish('nope');
    expect(started).toEqual(['x']);
    expect(queue.used).toBe(1);
  });

  it('fills every free slot at once', () => {
    const { queue, started, add } = queueWith(10);
    for (let i = 0; i < 12; i++) add(`j${i}`, `m${i % 5}`);
    expect(started).toHaveLength(10);
    expect(queue.used).toBe(10);
    expect(queue.waitingCount).toBe(2);
  });

  it('adopts jobs Percify already runs after a restart before handing out new slots', () => {
    const { queue, started, add } = queueWith(2);
    queue.adopt({ id: 'old1', memberId: 'alice', weight: 1 });
    queue.adopt({ id: 'old2', memberId: 'bob', weight: 1 });
    add('new', 'cleo');
    expect(started).toEqual([]);
    queue.finish('old1');
    expect(started).toEqual(['new']);
  });

  it('tells each waiting job the place it will start in, for the first few or for all', () => {
    const { queue, started, add } = queueWith(2);
    // A fixed pseudo-random mix of arrivals and endings across five members.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    let made = 0;
    for (let step = 0; step < 300; step += 1) {
      if (next(3) > 0) add(`j${made++}`, `m${next(5)}`);
      else if (started.length > 0) queue.finish(started[next(started.length)] as string);
      const all = queue.positions();
      expect([...queue.positions(3)]).toEqual([...all].slice(0, 3));
      for (const [id, place] of all) expect(queue.position(id)).toBe(place);
      expect(queue.waitingCount).toBe(all.size);
      expect(new Set(queue.waitingIds())).toEqual(new Set(all.keys()));
    }
    const promised = [...queue.positions().keys()];
    expect(promised.length).toBeGreaterThan(10);
    const before = started.length;
    // Each running job ending in turn hands out the slots in exactly the promised order.
    const running = () => started.filter((id) => queue.has(id) && queue.position(id) === undefined);
    while (queue.waitingCount > 0) queue.finish(running()[0] as string);
    expect(started.slice(before)).toEqual(promised);
  });
});
