import { describe, expect, it } from 'vitest';
import { drawnPast, PAST_DASH, pastLayoutKey, pastSeriesOptions } from './compareSeries';
import { tooltipHtml } from './tooltip';
import type { ChartSeries } from './types';
import { yRange } from './yRange';

const s = (key: string, values: number[], past?: number[]): ChartSeries => ({
  key,
  label: key,
  color: '#ff0000',
  values: Float64Array.from(values),
  past: past && Float64Array.from(past),
});
const all = () => true;

describe('past lines', () => {
  it('are drawn for series with a past, never on a stacked chart', () => {
    const series = [s('a', [1], [2]), s('b', [1])];
    expect(drawnPast(series, { stacked: false }).map((x) => x.key)).toEqual(['a']);
    expect(drawnPast(series, { stacked: true })).toEqual([]);
  });
  it('dashed, lighter, same colour and scale, shown with their series, never filled', () => {
    const o = pastSeriesOptions(
      s('a', [1], [2]),
      { scale: 'y2', show: false, width: 2, fill: 'red', stroke: '#ff0000' },
      '1 w ago',
    );
    expect(o).toMatchObject({
      scale: 'y2',
      show: false,
      width: 2,
      dash: PAST_DASH,
      label: 'a (1 w ago)',
      stroke: 'rgba(255, 0, 0, 0.6)',
    });
    expect(o.fill).toBeUndefined();
  });
  it('a new set of past lines is a new layout', () => {
    expect(pastLayoutKey([], '1 w ago')).toBe('');
    expect(pastLayoutKey([s('a', [1], [1])], '1 w ago')).not.toBe(
      pastLayoutKey([s('a', [1], [1])], '1 d ago'),
    );
  });
  it('count in the y range with their series', () => {
    const [, hi] = yRange({ series: [s('a', [1, 2], [10, 50])] }, all);
    expect(hi).toBeGreaterThanOrEqual(50);
    const [, hiStacked] = yRange({ series: [s('a', [1, 2], [10, 50])], style: stacked }, all);
    expect(hiStacked).toBeLessThan(10);
  });
});

const stacked = {
  drawStyle: 'line' as const,
  lineWidth: 1,
  fillOpacity: 0,
  pointSize: 5,
  stacked: true,
};

describe('tooltip with a comparison', () => {
  const p = {
    series: [s('a', [112, NaN, 5], [100, 7, 0]), s('b', [3, 4, 5])],
    formatValue: (v: number) => `${v} u`,
    formatTime: (ms: number) => `t${ms}`,
    compare: { offsetSec: 3600, label: '1 h ago' },
  };
  it('shows the value then at its real time and the change, signed', () => {
    const html = tooltipHtml(p, 0, 7200, all);
    expect(html.match(/tooltip-past/g)).toHaveLength(1);
    expect(html).toContain('data-then="100" data-then-time-ms="3600000"');
    expect(html).toContain('1 h ago · t3600000');
    expect(html).toContain('class="tt-delta delta-up"');
    expect(html).toContain('▲ +12 u · +12 %');
  });
  it('a series without a value now still shows its past', () => {
    const html = tooltipHtml(p, 1, 7200, all);
    expect(html).toContain('data-then="7"');
    expect(html).not.toContain('tooltip-delta');
  });
  it('a past of 0 has no percentage', () => {
    expect(tooltipHtml(p, 2, 7200, all)).toContain('▲ +5 u · –<');
  });
  it('no past rows without a comparison', () => {
    const { compare: _c, ...plain } = p;
    expect(tooltipHtml(plain, 0, 7200, all)).not.toContain('tooltip-past');
  });
});
