import { describe, expect, it } from 'vitest';
import { fitFontSize, gridLayout, sparkline } from './layout';

describe('gridLayout', () => {
  it('puts one value in the whole box', () => {
    expect(gridLayout(1, 400, 200)).toEqual({ cols: 1, rows: 1, cellW: 400, cellH: 200 });
    expect(gridLayout(0, 400, 200).cols).toBe(1);
  });
  it('lays values side by side in a wide panel and stacked in a tall one', () => {
    expect(gridLayout(3, 900, 150)).toMatchObject({ cols: 3, rows: 1 });
    expect(gridLayout(3, 200, 600)).toMatchObject({ cols: 1, rows: 3 });
  });
  it('uses a grid for many values', () => {
    const g = gridLayout(12, 800, 400);
    expect(g.cols * g.rows).toBeGreaterThanOrEqual(12);
    expect(g.cols).toBeGreaterThan(1);
    expect(g.rows).toBeGreaterThan(1);
  });
  it('honours a forced orientation', () => {
    expect(gridLayout(4, 200, 800, 'horizontal')).toMatchObject({ cols: 4, rows: 1, cellW: 50 });
    expect(gridLayout(4, 800, 200, 'vertical')).toMatchObject({ cols: 1, rows: 4, cellH: 50 });
  });
});

describe('fitFontSize', () => {
  it('is limited by height, by width per character and by the bounds', () => {
    expect(fitFontSize('1', 1000, 40)).toBe(40);
    expect(fitFontSize('1234567890', 120, 200)).toBe(20);
    expect(fitFontSize('1', 1000, 1000)).toBe(120);
    expect(fitFontSize('x'.repeat(100), 10, 10)).toBe(8);
  });
});

describe('sparkline', () => {
  it('maps time to x and value to y (top = max)', () => {
    const s = sparkline([0, 1, 2], [0, 5, 10], 100, 50);
    expect(s.lines).toEqual(['0,50 50,25 100,0']);
    expect(s.areas).toEqual(['0,50 0,50 50,25 100,0 100,50']);
  });
  it('breaks the line at gaps and draws lone samples', () => {
    const s = sparkline([0, 1, 2, 3, 4], [1, 2, NaN, 3, NaN], 40, 10);
    expect(s.lines).toHaveLength(2);
    expect(s.lines[1]!.split(' ')).toHaveLength(2);
  });
  it('draws a flat series at mid-height and nothing for no samples', () => {
    expect(sparkline([0, 1], [7, 7], 10, 10).lines).toEqual(['0,5 10,5']);
    expect(sparkline([0, 1], [NaN, NaN], 10, 10)).toEqual({ lines: [], areas: [] });
  });
  it('clamps to a given range', () => {
    expect(sparkline([0, 1], [-5, 200], 10, 10, { min: 0, max: 100 }).lines).toEqual(['0,10 10,0']);
  });
});
