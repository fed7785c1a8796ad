// @vitest-environment jsdom
// first: it stubs what uPlot reads when it is loaded
import { recordCanvas, setElementSize, type CanvasCall } from '../../charts/testCanvas';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Panel } from '../../model/dashboard';
import type { Frame } from '../../model/frame';
import type { QueryEnv } from '../../query/env';
import type { TargetPlan } from '../../query/plan';
import type { PanelData } from '../../query/usePanelData';
import { cleanupMounts, mountPlugin } from '../shared/render.testing';
import { looksLikeBuckets } from './buckets';
import heatmapPanel from '.';

// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => heatmapPanel.load?.());

/** Every canvas call is recorded; jsdom has no 2D context of its own. */
let calls: CanvasCall[] = [];

beforeAll(() => {
  calls = recordCanvas();
});

afterEach(() => {
  cleanupMounts();
  calls.length = 0;
});

/** The time the panel draws in comes from the page's QueryEnv. */
const env: QueryEnv = {
  fromMs: 0,
  toMs: 30_000,
  timeZone: 'utc',
  datasource: () => ({ error: 'none' }),
  scope: {},
  dashboard: { uid: 't', title: 'T' },
};

const f64 = (...v: number[]) => Float64Array.from(v);

function bucketFrame(): Frame {
  const series = ['api', 'db'].flatMap((job) =>
    [
      ['0.1', [1, 2, 3]],
      ['+Inf', [10, 10, 10]],
      ['0.5', [5, 6, 7]],
    ].map(([le, v]) => ({
      labels: { __name__: 'http_seconds_bucket', job, le: le as string },
      values: Float64Array.from(v as number[]),
    })),
  );
  return { refId: 'A', times: f64(0, 15, 30), series };
}

const panel: Panel = {
  id: 1,
  type: 'heatmap',
  title: 'Latency',
  description: '',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [],
  ...heatmapPanel.defaults(),
  fieldConfig: { unit: 's' },
};

const data = (frame: Frame): PanelData => ({
  state: 'ok',
  results: [{ refId: frame.refId, plan: {} as TargetPlan, frame, warnings: [], tookMs: 1 }],
  errors: [],
  warnings: [],
  fetching: false,
  plans: [],
});

const ctx = {};

/** How every view here is mounted: 600 × 300 px, in the page's time; `bucketFrame()` unless given. */
const onBuckets = (f: Frame = bucketFrame()) => ({
  data: data(f),
  widthPx: 600,
  heightPx: 300,
  ctx,
  env,
});

describe('heatmapPanel', () => {
  it('is a range panel with percentile defaults', () => {
    expect(heatmapPanel.type).toBe('heatmap');
    expect(heatmapPanel.queryMode).toBe('range');
    expect(heatmapPanel.defaults().options).toEqual({
      percentiles: [0.5, 0.9, 0.99],
      colorScale: 'exponential',
    });
    expect(looksLikeBuckets(bucketFrame())).toBe(true);
  });

  it('renders a group picker, one legend button per percentile, and the cells as one bitmap', () => {
    const el = mountPlugin(heatmapPanel, panel, onBuckets()).container;
    const root = el.querySelector<HTMLElement>('[data-testid="heatmap-panel"]')!;
    expect(root.dataset.group).toBe('job="api"');
    expect(root.dataset.buckets).toBe('3');
    expect(root.dataset.steps).toBe('3');
    const select = el.querySelector<HTMLSelectElement>('[data-testid="heatmap-group"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['job="api"', 'job="db"']);
    const legend = [...el.querySelectorAll<HTMLButtonElement>('[data-testid="legend-item"]')];
    expect(legend.map((b) => b.textContent)).toEqual(['p50', 'p90', 'p99']);
    act(() => legend[1]!.click());
    expect(legend[1]!.getAttribute('aria-pressed')).toBe('false');
    expect(el.querySelector('[data-testid="heatmap-color-legend"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="heatmap-tooltip"]')).not.toBeNull();
  });

  it('draws the cells with one unsmoothed drawImage', async () => {
    mountPlugin(heatmapPanel, panel, onBuckets());
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    const puts = calls.filter((c) => c.name === 'putImageData');
    const draws = calls.filter((c) => c.name === 'drawImage');
    expect(puts.length).toBeGreaterThanOrEqual(1);
    expect(draws.length).toBeGreaterThanOrEqual(1);
    expect(draws.every((d) => d.smoothing === false)).toBe(true);
    // source rectangle: the whole steps × buckets bitmap
    expect(draws[0]!.args.slice(1, 5)).toEqual([0, 0, 3, 3]);
  });

  it('labels the y axis with the bucket bounds in the panel unit', async () => {
    // a plot host with a size, so uPlot draws its axes
    onTestFinished(setElementSize(600, 300));
    mountPlugin(heatmapPanel, panel, onBuckets());
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    const texts = calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    // bounds 0.1, 0.5, +Inf of job="api" in seconds, from the lowest bound 0 up
    for (const label of ['0 s', '100 ms', '500 ms', '+Inf']) expect(texts).toContain(label);
  });

  it('shows a colour legend for the configured scale: linear from 0, log from the smallest count', () => {
    const legendOf = (colorScale: string) => {
      const m = mountPlugin(
        heatmapPanel,
        { ...panel, options: { ...panel.options, colorScale } },
        onBuckets(),
      );
      const legend = m.container.querySelector<HTMLElement>(
        '[data-testid="heatmap-color-legend"]',
      )!;
      const out = { ...legend.dataset, text: legend.textContent };
      m.unmount();
      return out;
    };
    // job="api" de-accumulated: 0.1 → 1…3, 0.5 → 4, +Inf → 5…3 per step; the column max is 5
    expect(legendOf('linear')).toMatchObject({ scale: 'linear', min: '0', max: '5', text: '05' });
    expect(legendOf('exponential')).toMatchObject({ scale: 'exponential', min: '0', max: '5' });
    expect(legendOf('log')).toMatchObject({ scale: 'log', min: '1', max: '5', text: '15' });
  });

  it('says so when the data has no buckets', () => {
    const el = mountPlugin(
      heatmapPanel,
      panel,
      onBuckets({ refId: 'A', times: f64(0), series: [{ labels: {}, values: f64(1) }] }),
    ).container;
    expect(el.querySelector('[data-testid="heatmap-no-buckets"]')).not.toBeNull();
  });

  it('puts exemplars as dots in the cell of their bucket and column; the tooltip links the trace', async () => {
    onTestFinished(setElementSize(600, 300));
    const ex = (job: string, value: number, timeSec: number, trace_id: string) => ({
      seriesLabels: { __name__: 'http_seconds_bucket', job, le: '0.5' },
      labels: { trace_id },
      value,
      timeSec,
    });
    const withExemplars: PanelData = {
      ...data(bucketFrame()),
      exemplars: {
        results: [
          {
            refId: 'A',
            exemplars: [
              ex('api', 0.3, 11, 'in-0.5-at-15'),
              ex('api', 0.05, -3, 'in-0.1-at-0'),
              ex('db', 0.3, 15, 'other-group'),
              ex('api', 0.3, 99, 'outside-the-range'),
            ],
          },
        ],
        warnings: [],
        linkTemplate: 'https://tracing.example/trace/${trace_id}',
      },
    };
    const el = mountPlugin(heatmapPanel, panel, { ...onBuckets(), data: withExemplars }).container;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(el.querySelector<HTMLElement>('[data-testid="heatmap-panel"]')!.dataset.exemplars).toBe(
      '2',
    );
    const dots = [...el.querySelectorAll<HTMLElement>('[data-testid="exemplar"]')];
    // data-x (the placed x, for end-to-end binning) depends on the plot's size: checked there;
    // stacked by value, the highest last (on top)
    expect(dots.map((d) => ({ ...d.dataset, x: undefined }))).toEqual([
      {
        testid: 'exemplar',
        i: '0',
        traceId: 'in-0.1-at-0',
        le: '0.1',
        bucket: '0',
        columnMs: '0',
        timeMs: '-3000',
        value: '0.05',
      },
      {
        testid: 'exemplar',
        i: '1',
        traceId: 'in-0.5-at-15',
        le: '0.5',
        bucket: '1',
        columnMs: '15000',
        timeMs: '11000',
        value: '0.3',
      },
    ]);
    act(() => {
      dots[1]!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    });
    const tip = el.querySelector<HTMLElement>('[data-testid="exemplar-tooltip"]')!;
    expect(tip.hidden).toBe(false);
    const link = tip.querySelector<HTMLAnchorElement>('[data-testid="exemplar-trace-link"]')!;
    expect(link.getAttribute('href')).toBe('https://tracing.example/trace/in-0.5-at-15');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(tip.querySelector('[data-testid="exemplar-tooltip-bucket"]')!.textContent).toBe(
      'Bucket100 ms – 500 ms',
    );
    expect(
      tip.querySelector<HTMLElement>('[data-testid="exemplar-tooltip-time"]')!.dataset.timeMs,
    ).toBe('11000');
  });
});
