import type { Frame, FrameSeries, Labels } from '../model/frame';
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

/**
 * query_range matrix → Frame on the step grid. Samples off the grid snap to the nearest step;
 * a step with no sample (missing, or stale in Prometheus) is NaN. Native-histogram series
 * (`histograms`) carry no float values and are kept out (the heatmap reads them separately).
 */
export function matrixToFrame(
  result: readonly MatrixSeries[],
  grid: { startSec: number; endSec: number; stepSec: number },
  refId = 'A',
): Frame {
  const times = gridTimes(grid.startSec, grid.endSec, grid.stepSec);
  const n = times.length;
  const series: FrameSeries[] = [];
  const { startSec, stepSec } = grid;
  for (const s of result) {
    const pairs = s.values;
    if (!pairs) continue;
    const values = new Float64Array(n).fill(NaN);
    for (let j = 0; j < pairs.length; j++) {
      const p = pairs[j] as SamplePair;
      const idx = Math.round((p[0] - startSec) / stepSec);
      if (idx >= 0 && idx < n) values[idx] = parseSampleValue(p[1]);
    }
    series.push({ labels: s.metric, values });
  }
  return { refId, times, series };
}

/** One row of an instant-query result (vector or scalar). */
export interface InstantRow {
  labels: Labels;
  timeSec: number;
  value: number;
}

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
