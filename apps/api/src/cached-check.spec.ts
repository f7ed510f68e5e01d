import { describe, expect, it } from 'vitest';
import { cachedCheck } from './cached-check.ts';

describe('cachedCheck', () => {
  it('runs once per interval, shares the run in flight, and runs again after the interval', async () => {
    let clock = 0;
    let runs = 0;
    const check = cachedCheck(
      async () => ++runs,
      1000,
      () => clock,
    );
    expect(await Promise.all([check(), check()])).toEqual([1, 1]);
    clock = 999;
    expect(await check()).toBe(1);
    clock = 1000;
    expect(await check()).toBe(2);
  });

  it('keeps a failure for the interval too', async () => {
    let clock = 0;
    let runs = 0;
    const check = cachedCheck(
      async () => {
        runs++;
        throw new Error('ffmpeg missing');
      },
      1000,
      () => clock,
    );
    await expect(check()).rejects.toThrow('ffmpeg missing');
    await expect(check()).rejects.toThrow('ffmpeg missing');
    expect(runs).toBe(1);
    clock = 5000;
    await expect(check()).rejects.toThrow('ffmpeg missing');
    expect(runs).toBe(2);
  });
});
