import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher.ts';

describe('MicroBatcher', () => {
  it('runs calls that arrive together as one batch and answers each with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((n) => n * 2);
      },
      { maxItems: 100, maxWaitMs: 5, concurrency: 1 },
    );
    const answers = await Promise.all([1, 2, 3].map((n) => batcher.submit(n)));
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers everything that arrives while a batch runs into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items;
      },
      { maxItems: 100, maxWaitMs: 1, concurrency: 1 },
    );
    const first = batcher.submit(0);
    await new Promise((r) => setTimeout(r, 10));
    const rest = [1, 2, 3, 4].map((n) => batcher.submit(n));
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[0], [1, 2, 3, 4]]);
  });

  it('fails every call of a batch that fails, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        calls++;
        if (calls === 1) throw new Error('database went away');
        return items;
      },
      { maxItems: 100, maxWaitMs: 1, concurrency: 1 },
    );
    await expect(batcher.submit(1)).rejects.toThrow('database went away');
    await expect(batcher.submit(2)).resolves.toBe(2);
  });
});
