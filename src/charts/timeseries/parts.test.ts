import { describe, expect, it } from 'vitest';
import { nextHidden } from './Legend';
import { stackGroupBands } from './axes';
import { tooltipHtml } from './tooltip';
import { DEFAULT_STYLE, type ChartSeries } from './types';
import { logRange, yRange } from './yRange';

const s = (key: string, values: number[], drawValues?: number[]): ChartSeries => ({
  key,
  label: key,
  color: '#000',
  values: Float64Array.from(values),
  drawValues: drawValues && Float64Array.from(drawValues),
});
const all = () => true;

describe('yRange', () => {
  it('starts at 0 for non-negative data whose padded range would dip below 0', () => {
    expect(yRange({ series: [s('a', [0.1, 5, NaN])] }, all)[0]).toBe(0);
    expect(yRange({ series: [s('a', [-0.1, 5])] }, all)[0]).toBeLessThan(-0.1);
    const [lo, hi] = yRange({ series: [s('a', [1, 5])] }, all);
    expect([lo, hi]).toEqual([expect.closeTo(0.6), expect.closeTo(5.4)]);
  });
  it('uses only the visible series, and all of them when none is visible', () => {
    const series = [s('a', [1, 2]), s('b', [100, 200])];
    const [, hiA] = yRange({ series }, (i) => i === 0);
    expect(hiA).toBeLessThan(10);
    const [, hiNone] = yRange({ series }, () => false);
    expect(hiNone).toBeGreaterThanOrEqual(200);
  });
  it('reads the drawn (stacked) values, not the shown ones', () => {
    const [, hi] = yRange({ series: [s('a', [1, 2], [10, 20])] }, all);
    expect(hi).toBeGreaterThanOrEqual(20);
  });
  it('keeps fixed ends and pads a flat line', () => {
    expect(yRange({ series: [s('a', [1, 5])], min: -3, max: 7 }, all)).toEqual([-3, 7]);
    expect(yRange({ series: [s('a', [4, 4])] }, all)).toEqual([3.6, 4.4]);
    expect(yRange({ series: [s('a', [0, 0])] }, all)).toEqual([-1, 1]);
    expect(yRange({ series: [s('a', [NaN])] }, all)).toEqual([0, expect.closeTo(1.1)]);
  });
  it('covers the extra values (exemplar dots) unless the ends are fixed', () => {
    const flat = [s('a', [0.2485, 0.2485, NaN])];
    const [lo, hi] = yRange({ series: flat, extra: [0.12] }, all);
    expect(lo).toBeLessThanOrEqual(0.12);
    expect(hi).toBeGreaterThanOrEqual(0.2485);
    expect(yRange({ series: flat, extra: [9] }, all)[1]).toBeGreaterThanOrEqual(9);
    expect(yRange({ series: flat, extra: [0.12], min: 0.2, max: 0.3 }, all)).toEqual([0.2, 0.3]);
    expect(
      yRange({ series: flat, extra: [0.12], style: { ...DEFAULT_STYLE, logBase: 10 } }, all)[0],
    ).toBeLessThan(0.12);
  });
  it('spans whole powers of the base on a log axis, ignoring values ≤ 0', () => {
    expect(logRange([Float64Array.from([0, -1, 3, 70])], 10, undefined, undefined)).toEqual([
      1, 100,
    ]);
    expect(logRange([Float64Array.from([NaN])], 2, undefined, undefined)).toEqual([1, 2]);
    expect(logRange([Float64Array.from([3, 70])], 10, 2, 500)).toEqual([2, 500]);
  });
});

describe('nextHidden (legend clicks)', () => {
  const series = [s('a', []), s('b', []), s('c', [])];
  it('isolates the clicked series, and shows all again when it was the only one', () => {
    const isolated = nextHidden(new Set(), series, 'b', false);
    expect([...isolated].sort()).toEqual(['a', 'c']);
    expect(nextHidden(isolated, series, 'b', false).size).toBe(0);
  });
  it('toggles one series with a modifier', () => {
    const off = nextHidden(new Set(), series, 'a', true);
    expect([...off]).toEqual(['a']);
    expect(nextHidden(off, series, 'a', true).size).toBe(0);
  });
});

describe('stackGroupBands', () => {
  it('fills each series down to the one before it', () => {
    const three = [s('a', []), s('b', []), s('c', [])];
    expect(stackGroupBands(three, true)).toEqual([{ series: [2, 1] }, { series: [3, 2] }]);
    expect(stackGroupBands([s('a', [])], true)).toEqual([]);
  });
  it('stacks per group: a series fills down to the one before it in its own group', () => {
    const g = (key: string, stackGroup?: string) => ({ ...s(key, []), stackGroup });
    const series = [g('a', 'A'), g('b', 'B'), g('c'), g('d', 'A'), g('e', 'B')];
    expect(stackGroupBands(series, false)).toEqual([{ series: [4, 1] }, { series: [5, 2] }]);
  });
});

describe('tooltipHtml', () => {
  const p = {
    series: [s('a<b', [1, NaN]), s('c', [2, 3])],
    formatValue: (v: number) => `${v} u`,
    formatTime: (ms: number) => `t${ms}`,
  };
  it('lists the visible series with a value at the index, escaped', () => {
    const html = tooltipHtml(p, 0, 10, all);
    expect(html).toContain('data-time-ms="10000">t10000<');
    expect(html).toContain('a&#60;b');
    expect(html.match(/tooltip-row/g)).toHaveLength(2);
    expect(tooltipHtml(p, 0, 10, (i) => i === 1).match(/tooltip-row/g)).toHaveLength(1);
    expect(tooltipHtml(p, 1, 10, all).match(/tooltip-row/g)).toHaveLength(1);
  });
  it("formats each value in its series' own unit and leaves out series hidden from it", () => {
    const own = {
      ...p,
      series: [
        { ...s('a', [1]), formatValue: (v: number) => `${v} B/s` },
        { ...s('b', [2]), hideFrom: { tooltip: true } },
        { ...s('c', [-3], [3]) },
      ],
    };
    const html = tooltipHtml(own, 0, 10, all);
    expect(html).toContain('>1 B/s<');
    expect(html).not.toContain('>b<');
    // the value shown is the series' own, not the drawn (mirrored) one
    expect(html).toContain('data-value="-3">-3 u<');
  });
  it('says "No value" when no visible series has one', () => {
    expect(tooltipHtml(p, 1, 10, (i) => i === 0)).toContain('No value');
  });
});
