// @vitest-environment jsdom
// first: it stubs what uPlot reads when it is loaded
import { recordCanvas, setElementSize, type CanvasCall } from '../testCanvas';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatAxisTicks } from '../../time/format';
import { niceUnitIncrements } from '../../units/ticks';
import TimeSeriesChart from './TimeSeriesChart';
import type { ChartYAxis } from './types';

let calls: CanvasCall[] = [];
/** Text drawn on any canvas. */
const texts = () => calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));

beforeAll(() => {
  calls = recordCanvas();
  // a host with a size, so uPlot draws its axes
  setElementSize(600, 300);
});

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  calls.length = 0;
});

/** Renders `chart` into a new container and lets uPlot draw; returns the container. */
async function renderChart(chart: React.ReactElement): Promise<HTMLDivElement> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  act(() => {
    root = createRoot(container);
    root.render(chart);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10));
  });
  return container;
}

/** Renders a chart of one series 0…30 000 over 6 h; returns the y tick values drawn. */
async function yTicks(yIncrements?: number[]): Promise<number[]> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const start = Date.UTC(2026, 0, 1) / 1000;
  const times = Float64Array.from({ length: 361 }, (_, i) => start + i * 60);
  await renderChart(
    <TimeSeriesChart
      times={times}
      series={[{ key: 'a', label: 'a', values: times.map((_, i) => i * 83.3), color: '#fff' }]}
      formatValue={String}
      formatTicks={(v) => v.map((x) => `y${x}`)}
      yIncrements={yIncrements}
      formatTime={String}
      formatTimeTicks={(ticks) => ticks.map(() => '')}
      timeZone="Etc/UTC"
    />,
  );
  return texts()
    .filter((t) => t.startsWith('y'))
    .map((t) => Number(t.slice(1)));
}

describe('TimeSeriesChart y axis', () => {
  it('steps a byte axis by round binary sizes when given the unit increments', async () => {
    const ticks = await yTicks(niceUnitIncrements('bytes'));
    expect(ticks.length).toBeGreaterThan(2);
    // 8 KiB, 16 KiB, … not 10 000, 20 000
    for (const t of ticks) expect(t % 1024, `${t}`).toBe(0);
  });
  it("keeps uPlot's 1-2-5 steps otherwise", async () => {
    const ticks = await yTicks();
    expect(ticks.some((t) => t % 1024 !== 0)).toBe(true);
  });
});

describe('TimeSeriesChart x axis', () => {
  it('labels time ticks with the given formatter (24 h, one line), not uPlot’s 12 h default', async () => {
    const start = Date.UTC(2026, 0, 1) / 1000;
    const times = Float64Array.from({ length: 361 }, (_, i) => start + i * 60);
    await renderChart(
      <TimeSeriesChart
        times={times}
        series={[{ key: 'a', label: 'a', values: times.map((_, i) => i), color: '#fff' }]}
        formatValue={String}
        formatTicks={(v) => v.map(String)}
        formatTime={String}
        formatTimeTicks={(ticks, spacing) =>
          formatAxisTicks(ticks, { timeZone: 'utc', spacingMs: spacing, rangeMs: 6 * 3600e3 })
        }
        timeZone="Etc/UTC"
      />,
    );
    expect(texts()).toContain('00:00');
    expect(texts()).toContain('06:00');
    expect(texts().filter((t) => /am|pm|\n/.test(t))).toEqual([]);
  });
});

/** A left axis ('y', ticks "L…") and a right one ('y2', ticks "R…", values by `formatRight`). */
const leftAndRight = (formatRight: (v: number) => string = String): ChartYAxis[] => [
  { scale: 'y', side: 'left', formatTicks: (v) => v.map((x) => `L${x}`), formatValue: String },
  {
    scale: 'y2',
    side: 'right',
    formatTicks: (v) => v.map((x) => `R${x}`),
    formatValue: formatRight,
  },
];

describe('TimeSeriesChart y axes', () => {
  it('draws a right axis with its own ticks for the series on its scale; a mirrored series below 0', async () => {
    const start = Date.UTC(2026, 0, 1) / 1000;
    const times = Float64Array.from({ length: 61 }, (_, i) => start + i * 60);
    const up = times.map((_, i) => 10 + i);
    const container = await renderChart(
      <TimeSeriesChart
        times={times}
        series={[
          { key: 'in', label: 'in', values: up, color: '#fff' },
          { key: 'out', label: 'out', values: up, drawValues: up.map((v) => -v), color: '#f00' },
          {
            key: 't',
            label: 't',
            values: times.map(() => 5000),
            color: '#0f0',
            scale: 'y2',
          },
        ]}
        formatValue={String}
        formatTicks={(v) => v.map((x) => `L${x}`)}
        yAxes={leftAndRight()}
        formatTime={String}
        formatTimeTicks={(ticks) => ticks.map(() => '')}
        timeZone="Etc/UTC"
      />,
    );
    const left = texts()
      .filter((t) => t.startsWith('L'))
      .map((t) => Number(t.slice(1)));
    const right = texts()
      .filter((t) => t.startsWith('R'))
      .map((t) => Number(t.slice(1)));
    // the left scale spans the mirrored series: −70 … 70; the right one only its 5 000
    expect(Math.min(...left)).toBeLessThan(-40);
    expect(Math.max(...left)).toBeGreaterThan(40);
    expect(Math.min(...right)).toBeGreaterThan(4000);
    expect(Math.max(...right)).toBeLessThan(6000);
    const plot = container.querySelector<HTMLElement>('.ts-plot')!;
    expect(plot.dataset.yAxisRight!.split('|').every((t) => t.startsWith('R'))).toBe(true);
    expect(plot.dataset.yAxisLeft!.split('|').every((t) => t.startsWith('L'))).toBe(true);
  });
});

describe('TimeSeriesChart exemplars', () => {
  it('ranges the first axis again when exemplars arrive, so a dot below a flat p99 is on the plot', async () => {
    const start = Date.UTC(2026, 0, 1) / 1000;
    const times = Float64Array.from({ length: 61 }, (_, i) => start + i * 15);
    // histogram_quantile of one bucket's observations: a flat line at the interpolated 0.2485;
    // the same series object in both renders (the exemplars come by their own request)
    const series = [{ key: 'p99', label: 'p99', values: times.map(() => 0.2485), color: '#fff' }];
    const chart = (exemplarValues: number[]) => (
      <TimeSeriesChart
        times={times}
        series={series}
        exemplars={{
          points: exemplarValues.map((value, i) => ({
            refId: 'A',
            exemplar: {
              seriesLabels: { le: '0.25' },
              labels: { trace_id: `t${i}` },
              value,
              timeSec: start + 300,
            },
          })),
        }}
        formatValue={String}
        formatTicks={(v) => v.map((x) => `y${x}`)}
        formatTime={String}
        formatTimeTicks={(ticks) => ticks.map(() => '')}
        timeZone="Etc/UTC"
      />
    );
    const container = await renderChart(chart([]));
    const ticks = () =>
      container
        .querySelector<HTMLElement>('.ts-plot')!
        .dataset.yAxisLeft!.split('|')
        .map((t) => Number(t.slice(1)));
    expect(Math.min(...ticks())).toBeGreaterThan(0.2);
    act(() => root!.render(chart([0.12])));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(Math.min(...ticks())).toBeLessThanOrEqual(0.12);
    expect(Math.max(...ticks())).toBeGreaterThanOrEqual(0.24);
  });
});

describe('TimeSeriesChart exemplars on a right axis', () => {
  it('draws a query’s dots on its own scale, whose auto range covers them; the left one keeps its own', async () => {
    const start = Date.UTC(2026, 0, 1) / 1000;
    const times = Float64Array.from({ length: 61 }, (_, i) => start + i * 15);
    const series = [
      { key: 'rps', label: 'rps', values: times.map(() => 500), color: '#fff' },
      { key: 'p99', label: 'p99', values: times.map(() => 0.2485), color: '#f00', scale: 'y2' },
    ];
    const container = await renderChart(
      <TimeSeriesChart
        times={times}
        series={series}
        exemplars={{
          points: [
            {
              refId: 'B',
              scale: 'y2',
              exemplar: {
                seriesLabels: {},
                labels: { trace_id: 't' },
                value: 0.12,
                timeSec: start,
              },
            },
          ],
        }}
        formatValue={String}
        formatTicks={(v) => v.map((x) => `L${x}`)}
        yAxes={leftAndRight((v) => `${v} s`)}
        formatTime={String}
        formatTimeTicks={(ticks) => ticks.map(() => '')}
        timeZone="Etc/UTC"
      />,
    );
    const plot = container.querySelector<HTMLElement>('.ts-plot')!;
    const nums = (s: string | undefined) => s!.split('|').map((t) => Number(t.slice(1)));
    expect(Math.min(...nums(plot.dataset.yAxisRight))).toBeLessThanOrEqual(0.12);
    expect(Math.min(...nums(plot.dataset.yAxisLeft))).toBeGreaterThan(400);
    // drawn (on the left scale, 0.12 would be far below its range and left out)
    await expect.poll(() => container.querySelectorAll('[data-testid="exemplar"]').length).toBe(1);
    // its tooltip gives the value in that axis' unit
    act(() => container.querySelector<HTMLElement>('[data-testid="exemplar"]')!.click());
    expect(
      container.querySelector('[data-testid="exemplar-tooltip-value"] .tt-value')!.textContent,
    ).toBe('0.12 s');
  });
});
