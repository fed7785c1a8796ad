// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { HeatmapChartProps } from './HeatmapChart';
import { renderTooltip, type TooltipPlot } from './tooltip';

const f64 = (...v: number[]) => Float64Array.from(v);

const props: HeatmapChartProps = {
  times: f64(100, 115),
  bounds: f64(0.25, 0.5, Infinity),
  lowest: 0,
  counts: [f64(1, 2), f64(3, 0), f64(NaN, 2)],
  totals: f64(4, 4),
  lines: [
    { key: 'p50', label: 'p50', q: 0.5, values: f64(0.3, 0.25), color: '#fff' },
    { key: 'p99', label: 'p99', q: 0.99, values: f64(0.5, NaN), color: '#f00' },
  ],
  colorScale: 'exponential',
  formatValue: (v) => `${v} s`,
  formatCount: (v) => String(v),
  formatTime: (ms) => `t=${ms}`,
};

/** A uPlot stand-in: the cursor at column `idx`, over bucket-index position `y`. */
function plot(
  idx: number | null,
  y: number,
  hover = true,
  hiddenSeries: number[] = [],
): TooltipPlot {
  return {
    cursor: { idx, left: 50, top: 20 } as TooltipPlot['cursor'],
    posToVal: () => y,
    series: [{}, {}, {}].map((_, i) => ({
      show: !hiddenSeries.includes(i),
    })) as TooltipPlot['series'],
    over: { matches: () => hover, offsetLeft: 0, offsetTop: 0 },
    root: { clientWidth: 400 },
  };
}

describe('renderTooltip', () => {
  it('shows time, bucket range, count, share and the quantile rows', () => {
    const el = document.createElement('div');
    renderTooltip(plot(0, 1.4), el, props);
    expect(el.hidden).toBe(false);
    const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
    expect(q('heatmap-tooltip-time').dataset.timeMs).toBe('100000');
    expect(q('heatmap-bucket').textContent).toContain('0.25 s – 0.5 s');
    expect(q('heatmap-count').dataset.value).toBe('3');
    expect(q('heatmap-share').textContent).toContain('75.0 %');
    const rows = [...el.querySelectorAll<HTMLElement>('[data-testid="heatmap-quantile"]')];
    expect(rows.map((r) => [r.dataset.q, r.dataset.value])).toEqual([
      ['0.5', '0.3'],
      ['0.99', '0.5'],
    ]);
  });

  it('labels the +Inf bucket and missing values', () => {
    const el = document.createElement('div');
    renderTooltip(plot(0, 2.5), el, props);
    expect(el.querySelector('[data-testid="heatmap-bucket"]')!.textContent).toContain(
      '0.5 s – +Inf',
    );
    expect(el.querySelector('[data-testid="heatmap-count"]')!.textContent).toContain('No value');
  });

  it('leaves out hidden lines and hides outside the plot or the buckets', () => {
    const el = document.createElement('div');
    renderTooltip(plot(1, 0.5, true, [2]), el, props);
    expect(el.querySelectorAll('[data-testid="heatmap-quantile"]')).toHaveLength(1);
    renderTooltip(plot(1, 0.5, false), el, props);
    expect(el.hidden).toBe(true);
    renderTooltip(plot(1, 3.2), el, props);
    expect(el.hidden).toBe(true);
    renderTooltip(plot(null, 1), el, props);
    expect(el.hidden).toBe(true);
  });
});
