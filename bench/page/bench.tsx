// Benchmark page: each workload measured from "response bytes in hand" to "painted", for Scry's
// real pipeline and for a bare baseline, in the same page. Driven by bench/run.mjs.
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../../src/app/app.css';
import TimeSeriesChart from '../../src/charts/timeseries/TimeSeriesChart';
import { parseAnswer } from '../../src/prometheus/answer';
import { matrixToFrame } from '../../src/prometheus/frames';
import type { MatrixResult } from '../../src/prometheus/types';
import { buildSeries } from '../../src/panels/timeseries/series';
import HeatmapChart, { type HeatmapLine } from '../../src/charts/heatmap/HeatmapChart';
import { bucketGroups, quantilesSeries } from '../../src/panels/heatmap/buckets';

declare global {
  interface Window {
    scryBench: {
      load(url: string, body: string): Promise<number>;
      scry(grid: { startSec: number; endSec: number; stepSec: number }): Promise<number>;
      baseline(): Promise<number>;
      heatmap(grid: { startSec: number; endSec: number; stepSec: number }): Promise<number>;
      heatmapBaseline(): Promise<number>;
    };
  }
}

let bytes = new Uint8Array(0);
const stage = document.getElementById('stage')!;
let root: Root | null = null;
let plot: uPlot | null = null;

const palette = [
  '#7eb26d',
  '#eab839',
  '#6ed0e0',
  '#ef843c',
  '#e24d42',
  '#1f78c1',
  '#ba43a9',
  '#705da0',
];
const color = (i: number) => palette[i % palette.length]!;

function clear() {
  root?.unmount();
  root = null;
  plot?.destroy();
  plot = null;
  stage.innerHTML = '';
}

/** Scry's parse of the loaded response bytes. */
function parse(): MatrixResult {
  const text = new TextDecoder().decode(bytes);
  return parseAnswer<MatrixResult>(
    { status: 200, statusText: 'OK', headers: new Headers() },
    text,
    'bench',
  ).data;
}

/** Renders a chart synchronously into a full-stage host. */
function mount(chart: React.ReactNode) {
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;inset:0;display:flex;flex-direction:column';
  stage.appendChild(host);
  root = createRoot(host);
  flushSync(() => root!.render(chart));
}

/** Resolves after the next frame has been painted. */
function painted(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

window.scryBench = {
  async load(url, body) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.length;
  },

  async scry(grid) {
    clear();
    const t0 = performance.now();
    const answer = parse();
    const t1 = performance.now();
    const frame = matrixToFrame(answer.result, grid, 'A');
    const t2 = performance.now();
    const { times, series } = buildSeries(
      [frame],
      [{ refId: 'A', legendFormat: '{{idx}}' }],
      color,
    );
    const t3 = performance.now();
    mount(
      <TimeSeriesChart
        times={times}
        series={series}
        formatValue={(v) => v.toFixed(2)}
        formatTicks={(ts) => ts.map((v) => v.toFixed(1))}
        formatTime={(ms) => new Date(ms).toISOString()}
      />,
    );
    const t4 = performance.now();
    await painted();
    const t5 = performance.now();
    (window as unknown as { lastBreakdown: number[] }).lastBreakdown = [
      t1 - t0,
      t2 - t1,
      t3 - t2,
      t4 - t3,
      t5 - t4,
    ];
    return t5 - t0;
  },

  /** Scry's heatmap panel path: parse → frame → bucket groups → p50/p90/p99 lines → chart. */
  async heatmap(grid) {
    clear();
    const t0 = performance.now();
    const answer = parse();
    const t1 = performance.now();
    const frame = matrixToFrame(answer.result, grid, 'A');
    const t2 = performance.now();
    const group = bucketGroups(frame)[0]!;
    const t3 = performance.now();
    const qs = [0.5, 0.9, 0.99];
    const values = quantilesSeries(group, qs);
    const lines: HeatmapLine[] = qs.map((q, i) => ({
      key: `p${q * 100}`,
      label: `p${q * 100}`,
      q,
      values: values[i]!,
      color: palette[i]!,
    }));
    const t4 = performance.now();
    mount(
      <HeatmapChart
        times={group.times}
        bounds={group.bounds}
        lowest={group.lowest}
        counts={group.counts}
        totals={group.totals}
        lines={lines}
        colorScale="exponential"
        formatValue={(v) => v.toFixed(3)}
        formatCount={(v) => v.toFixed(1)}
        formatTime={(ms) => new Date(ms).toISOString()}
      />,
    );
    const t5 = performance.now();
    await painted();
    const t6 = performance.now();
    (window as unknown as { lastBreakdown: number[] }).lastBreakdown = [
      t1 - t0,
      t2 - t1,
      t3 - t2,
      t4 - t3,
      t5 - t4,
      t6 - t5,
    ];
    return t6 - t0;
  },

  /**
   * Bare heatmap: JSON.parse, buckets sorted by le and de-accumulated, one ImageData of
   * steps × buckets (linear colour by count) scaled into a uPlot with time and bucket axes.
   */
  async heatmapBaseline() {
    clear();
    const t0 = performance.now();
    const json = JSON.parse(new TextDecoder().decode(bytes)) as {
      data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
    };
    const result = json.data.result
      .map((s) => ({ le: Number(s.metric.le === '+Inf' ? Infinity : s.metric.le), s }))
      .sort((a, b) => a.le - b.le);
    const xs = result[0]!.s.values.map((p) => p[0]);
    const n = xs.length;
    const nb = result.length;
    const cum = result.map(({ s }) => {
      const col = new Float64Array(n);
      for (let i = 0; i < s.values.length; i++) col[i] = parseFloat(s.values[i]![1]);
      return col;
    });
    const img = new ImageData(n, nb);
    let max = 0;
    const counts = cum.map((c, b) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        out[i] = b === 0 ? c[i]! : c[i]! - cum[b - 1]![i]!;
        if (out[i]! > max) max = out[i]!;
      }
      return out;
    });
    for (let b = 0; b < nb; b++)
      for (let i = 0; i < n; i++) {
        const v = max > 0 ? counts[b]![i]! / max : 0;
        const o = ((nb - 1 - b) * n + i) * 4;
        img.data[o] = 255 * v;
        img.data[o + 1] = 80 + 120 * v;
        img.data[o + 2] = 255 * (1 - v);
        img.data[o + 3] = 255;
      }
    const off = document.createElement('canvas');
    off.width = n;
    off.height = nb;
    off.getContext('2d')!.putImageData(img, 0, 0);
    plot = new uPlot(
      {
        width: stage.clientWidth,
        height: stage.clientHeight,
        legend: { show: false },
        scales: { y: { time: false, range: [0, nb] } },
        series: [{}, { paths: () => null, points: { show: false } }],
        hooks: {
          drawClear: [
            (u) => {
              const { left, top, width, height } = u.bbox;
              u.ctx.imageSmoothingEnabled = false;
              u.ctx.drawImage(off, left, top, width, height);
            },
          ],
        },
      },
      [xs, xs.map(() => null)],
      stage,
    );
    await painted();
    return performance.now() - t0;
  },

  async baseline() {
    clear();
    const t0 = performance.now();
    const json = JSON.parse(new TextDecoder().decode(bytes)) as {
      data: { result: { values: [number, string][] }[] };
    };
    const result = json.data.result;
    const xs = result[0]!.values.map((p) => p[0]);
    const data: uPlot.AlignedData = [
      xs,
      ...result.map((s) => s.values.map((p) => parseFloat(p[1]))),
    ];
    plot = new uPlot(
      {
        width: stage.clientWidth,
        height: stage.clientHeight,
        legend: { show: false },
        series: [
          {},
          ...result.map((_s, i) => ({ stroke: color(i), width: 1, points: { show: false } })),
        ],
      },
      data,
      stage,
    );
    await painted();
    return performance.now() - t0;
  },
};
