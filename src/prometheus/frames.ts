import type { Frame, FrameSeries, InstantRow } from '../model/frame';
import type { InstantResult, MatrixSeries, SamplePair } from './types';

/** Parses a Prometheus sample value: numbers, "NaN", "+Inf", "-Inf", "Inf". */
export function parseSampleValue(s: string): number {
  const n = +s;
  if (n === n) return n; // not NaN: the common case, fast
  switch (s) {
    case '+Inf':
    case 'Inf':
    case '+inf':
    case 'inf':
      return Infinity;
    case '-Inf':
    case '-inf':
      return -Infinity;
    default:
      return NaN;
  }
}

/** Number of points on the grid start, start+step, …, ≤ end. */
export function gridLength(startSec: number, endSec: number, stepSec: number): number {
  if (!(stepSec > 0) || endSec < startSec) return 0;
  return Math.floor((endSec - startSec) / stepSec + 1e-9) + 1;
}

/** The shared time column: start + i·step in seconds, rounded to the millisecond. */
export function gridTimes(startSec: number, endSec: number, stepSec: number): Float64Array {
  const n = gridLength(startSec, endSec, stepSec);
  const times = new Float64Array(n);
  const startMs = Math.round(startSec * 1000);
  const stepMs = stepSec * 1000;
  for (let i = 0; i < n; i++) times[i] = Math.round(startMs + i * stepMs) / 1000;
  return times;
}

/** How far (ms) a sample may sit from a grid point and still be on it: float noise only. */
const ON_GRID_MS = 0.5;

/**
 * query_range matrix → Frame on the step grid; a step with no sample (missing, or stale in
 * Prometheus) is NaN. Samples are placed by their own timestamps: when every sample lies on the
 * requested grid (the normal answer) the grid is the time column; when a backend answered off it
 * (another alignment, samples outside the range) the time column is the union of the answer's own
 * timestamps and the frame says so (`offGrid`), instead of moving values to times they do not
 * have. Native-histogram series (`histograms`) carry no float values and are kept out (the
 * heatmap reads them separately).
 */
export function matrixToFrame(
  result: readonly MatrixSeries[],
  grid: { startSec: number; endSec: number; stepSec: number },
  refId = 'A',
): Frame {
  const times = gridTimes(grid.startSec, grid.endSec, grid.stepSec);
  const n = times.length;
  const series: FrameSeries[] = [];
  const startMs = grid.startSec * 1000;
  const stepMs = grid.stepSec * 1000;
  for (const s of result) {
    const pairs = s.values;
    if (!pairs) continue;
    const values = new Float64Array(n);
    // The usual answer has a sample at every step: pair j sits on grid point j. Then no NaN
    // fill and no index arithmetic; the first pair off that pattern falls back to placing each
    // sample by its own timestamp (same result).
    let j = 0;
    if (pairs.length === n)
      for (; j < n; j++) {
        const p = pairs[j] as SamplePair;
        if (p[0] !== times[j]) break;
        values[j] = parseSampleValue(p[1]);
      }
    if (j < n) values.fill(NaN, j);
    for (; j < pairs.length; j++) {
      const p = pairs[j] as SamplePair;
      const exact = (p[0] * 1000 - startMs) / stepMs;
      const idx = Math.round(exact);
      if (idx < 0 || idx >= n || Math.abs(exact - idx) * stepMs > ON_GRID_MS)
        return frameOnOwnTimes(result, refId);
      values[idx] = parseSampleValue(p[1]);
    }
    series.push({ labels: s.metric, values });
  }
  return { refId, times, series };
}

/** The frame of an answer off the requested grid: its own timestamps, ascending. */
function frameOnOwnTimes(result: readonly MatrixSeries[], refId: string): Frame {
  const all = new Set<number>();
  for (const s of result) for (const p of s.values ?? []) all.add(p[0]);
  const times = Float64Array.from([...all].sort((a, b) => a - b));
  const index = new Map<number, number>();
  times.forEach((t, i) => index.set(t, i));
  const series: FrameSeries[] = [];
  for (const s of result) {
    if (!s.values) continue;
    const values = new Float64Array(times.length).fill(NaN);
    for (const p of s.values) values[index.get(p[0])!] = parseSampleValue(p[1]);
    series.push({ labels: s.metric, values });
  }
  return { refId, times, series, offGrid: true };
}

/** Samples in a range answer: float values and native histograms of every series. */
export function pointCount(result: readonly MatrixSeries[]): number {
  return result.reduce((n, s) => n + (s.values?.length ?? 0) + (s.histograms?.length ?? 0), 0);
}

export type { InstantRow };

/** Instant query result → rows; a matrix answer (range selector) yields each series' last sample. */
export function instantToRows(data: InstantResult): InstantRow[] {
  switch (data.resultType) {
    case 'vector':
      return data.result.flatMap((s) =>
        s.value
          ? [{ labels: s.metric, timeSec: s.value[0], value: parseSampleValue(s.value[1]) }]
          : [],
      );
    case 'scalar':
      return [{ labels: {}, timeSec: data.result[0], value: parseSampleValue(data.result[1]) }];
    case 'string':
      return [{ labels: { value: data.result[1] }, timeSec: data.result[0], value: NaN }];
    case 'matrix':
      return data.result.flatMap((s) => {
        const last = s.values?.[s.values.length - 1];
        return last
          ? [{ labels: s.metric, timeSec: last[0], value: parseSampleValue(last[1]) }]
          : [];
      });
  }
}

/** True when every value is a finite number: such a column can go to uPlot as is. */
export function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) return false; // NaN and ±Inf
  }
  return true;
}
