import { describe, expect, it } from 'vitest';
import { BATCH, firstBatch, inViewOrder } from './lazyGrid';

const at = (y: number, x: number) => ({ layout: { y, x } });

describe('lazy grid batches', () => {
  it('orders items top to bottom, left to right', () => {
    const items = [at(4, 6), at(0, 12), at(4, 0), at(0, 0)];
    expect(inViewOrder(items).map((i) => [i.layout.y, i.layout.x])).toEqual([
      [0, 0],
      [0, 12],
      [4, 0],
      [4, 6],
    ]);
  });

  it('draws first the items that start on the first screen, at least one, at most a batch', () => {
    // 4 panels a row, 4 units tall: a 28-unit screen starts 7 rows = 28 panels
    const grid = Array.from({ length: 10_000 }, (_x, i) => at(Math.floor(i / 4) * 4, (i % 4) * 6));
    expect(firstBatch(grid, 28)).toBe(28);
    // a panel taller than the screen: still one
    expect(firstBatch([at(0, 0), at(200, 0)], 28)).toBe(1);
    // tiny panels: never more than a batch before the first paint
    const tiny = Array.from({ length: 1_000 }, (_x, i) => at(Math.floor(i / 24), i % 24));
    expect(firstBatch(tiny, 28)).toBe(BATCH);
    expect(firstBatch([], 28)).toBe(1);
  });
});
