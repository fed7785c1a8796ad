/**
 * Geometry shared by the stat-like panels: how N values tile a panel, how big a text may be to fit
 * its box, and sparkline polylines. Pure, so the components stay thin.
 */

export const ORIENTATIONS = ['auto', 'horizontal', 'vertical'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Columns × rows for `n` cells. */
export interface Grid {
  cols: number;
  rows: number;
  cellW: number;
  cellH: number;
}

/**
 * Tiles `n` values over a width × height box. `horizontal` puts them side by side in one row,
 * `vertical` stacks them in one column; `auto` picks the column count whose cells are largest
 * once shaped to `aspect` (width / height), as Grafana's VizRepeater grid does.
 */
export function gridLayout(
  n: number,
  width: number,
  height: number,
  orientation: Orientation = 'auto',
  aspect = 1.6,
): Grid {
  const count = Math.max(1, n);
  let cols: number;
  if (orientation === 'horizontal') cols = count;
  else if (orientation === 'vertical') cols = 1;
  else {
    cols = 1;
    let best = -Infinity;
    for (let c = 1; c <= count; c++) {
      const r = Math.ceil(count / c);
      const cw = width / c;
      const ch = height / r;
      // the area of the largest `aspect`-shaped box that fits the cell
      const h = Math.min(ch, cw / aspect);
      const score = h * h * aspect;
      if (score > best + 1e-9) {
        best = score;
        cols = c;
      }
    }
  }
  const rows = Math.ceil(count / cols);
  return { cols, rows, cellW: width / cols, cellH: height / rows };
}

/**
 * Font size (px) for `text` to fit a width × height box: at most the box height, at most what the
 * width allows at ~0.6 em per character, clamped to [minPx, maxPx].
 */
export function fitFontSize(
  text: string,
  width: number,
  height: number,
  minPx = 8,
  maxPx = 120,
): number {
  const chars = Math.max(1, text.length);
  const byWidth = width / (chars * 0.6);
  const size = Math.min(height, byWidth, maxPx);
  return Math.max(minPx, Math.floor(size));
}

/** Sparkline geometry: one polyline per run of present samples, plus its filled area. */
export interface Sparkline {
  /** SVG `points` strings, one per gap-free run */
  lines: string[];
  /** closed SVG `points` strings for the area under each run */
  areas: string[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Points of a sparkline over a width × height box: x spans the time range, y the value range
 * (`min`/`max` when given, else the series'). NaN and ±Inf are gaps. A flat series is drawn at
 * mid-height.
 */
export function sparkline(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  width: number,
  height: number,
  range: { min?: number | undefined; max?: number | undefined } = {},
): Sparkline {
  const n = Math.min(times.length, values.length);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return { lines: [], areas: [] };
  const min = range.min ?? lo;
  const max = range.max ?? hi;
  const t0 = times[0]!;
  const t1 = times[n - 1]!;
  const x = (t: number) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * width : width / 2);
  const y = (v: number) => {
    if (!(max > min)) return height / 2;
    const f = (Math.min(Math.max(v, min), max) - min) / (max - min);
    return height - f * height;
  };
  const lines: string[] = [];
  const areas: string[] = [];
  let run: [number, number][] = [];
  const flush = () => {
    if (run.length === 0) return;
    if (run.length === 1) {
      // a lone sample: a short flat stroke so it stays visible
      const [px, py] = run[0]!;
      run = [
        [Math.max(0, px - 1), py],
        [Math.min(width, px + 1), py],
      ];
    }
    const pts = run.map(([px, py]) => `${r1(px)},${r1(py)}`).join(' ');
    lines.push(pts);
    const first = run[0]!;
    const last = run[run.length - 1]!;
    areas.push(`${r1(first[0])},${height} ${pts} ${r1(last[0])},${height}`);
    run = [];
  };
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) run.push([x(times[i]!), y(v)]);
    else flush();
  }
  flush();
  return { lines, areas };
}
