import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from './write-batcher';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createWriteBatcher', () => {
  it('writes a lone request at once, then groups what arrives while a batch is written', async () => {
    const batches: number[][] = [];
    const batcher = createWriteBatcher<number, number>({
      maxBatch: 3,
      maxInFlight: 1,
      run: async (items) => {
        batches.push(items);
        await tick();
        return items.map((n) => n * 10);
      },
    });
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    expect(answers).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
    expect(batcher.pending).toBe(0);
  });

  it('retries a failed batch one by one, so only the bad request fails, with its own error', async () => {
    const batches: number[][] = [];
    const batcher = createWriteBatcher<number, string>({
      maxBatch: 10,
      maxInFlight: 1,
      run: async (items) => {
        batches.push(items);
        await tick();
        if (items.includes(3)) throw new Error(`bad ${items.join(',')}`);
        return items.map(String);
      },
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => batcher.add(n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      '1',
      '2',
      'bad 3',
      '4',
    ]);
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('keeps at most maxInFlight batches running', async () => {
    let running = 0;
    let most = 0;
    const batcher = createWriteBatcher<number, number>({
      maxBatch: 2,
      maxInFlight: 2,
      run: async (items) => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
        return items;
      },
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.add(i)));
    expect(most).toBe(2);
  });
});
