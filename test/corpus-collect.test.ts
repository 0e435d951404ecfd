import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/corpus/collect.js';

describe('collectGarbage', () => {
  it('frees what the calling thread no longer holds, now', () => {
    let held: { n: number; text: string }[] | null = Array.from({ length: 300_000 }, (_, n) => ({ n, text: `item ${n}` }));
    // Young collections move the list to the old generation, which only a full collection frees.
    for (let round = 0; round < 4; round++) Array.from({ length: 200_000 }, () => ({}));
    expect(held.length).toBe(300_000);
    const before = process.memoryUsage().heapUsed;
    held = null;
    collectGarbage();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * 1024 * 1024);
  });
});
