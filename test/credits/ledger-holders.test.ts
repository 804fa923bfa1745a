import { describe, expect, it } from 'vitest';
import { JobHolders } from '../../src/services/credits/ledger-holders.js';

describe('the remembered holders of this process’s jobs', () => {
  const holder = (n: number) => ({ guildId: 'g', memberId: `m${n}` });

  it('hands each hint out once', () => {
    const holders = new JobHolders();
    holders.remember('job', holder(1));
    expect(holders.take('job')).toEqual(holder(1));
    expect(holders.take('job')).toBeUndefined();
  });

  it('keeps at most 10,000, forgetting the oldest first', () => {
    const holders = new JobHolders();
    for (let n = 0; n <= 10_000; n += 1) holders.remember(`job-${n}`, holder(n));
    expect(holders.take('job-0')).toBeUndefined();
    expect(holders.take('job-1')).toEqual(holder(1));
    expect(holders.take('job-10000')).toEqual(holder(10_000));
  });

  it('counts a job remembered again as new', () => {
    const holders = new JobHolders();
    holders.remember('job-0', holder(0));
    for (let n = 1; n < 10_000; n += 1) holders.remember(`job-${n}`, holder(n));
    holders.remember('job-0', holder(0));
    holders.remember('job-10000', holder(10_000));
    expect(holders.take('job-1')).toBeUndefined();
    expect(holders.take('job-0')).toEqual(holder(0));
  });
});
