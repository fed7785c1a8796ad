// Pure helpers of the heatmap chart: colour scale, bucket-index y space, the cell bitmap.
// The cell grid is ONE ImageData (a pixel per cell) scaled up with drawImage: ~20× cheaper
// than a path or fillRect per cell (performance.md §5).

/** How counts map to colours: Grafana's linear and exponential (exponent 0.5), plus log. */
export type ColorScaleKind = 'linear' | 'exponential' | 'log';

/** Counts at or below this are not drawn (Grafana's `filterValues` default). */
export const MIN_VISIBLE_COUNT = 1e-9;

export interface CountRange {
  /** smallest count drawn (> MIN_VISIBLE_COUNT) */
  min: number;
  max: number;
}

/** Smallest and largest visible count of all cells; NaN, NaN when no cell is visible. */
export function countRange(counts: readonly Float64Array[]): CountRange {
  let min = Infinity;
  let max = -Infinity;
  for (const col of counts)
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (!(v > MIN_VISIBLE_COUNT) || v === Infinity) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  return min === Infinity ? { min: NaN, max: NaN } : { min, max };
}

/**
 * count → position on the colour ramp in [0, 1]; NaN for a cell that is not drawn (missing,
 * zero, below MIN_VISIBLE_COUNT). Linear and exponential scales start at 0 (so a column of
 * small counts stays dark, as in Grafana); the log scale starts at the smallest count.
 */
export function colorScale(
  kind: ColorScaleKind,
  range: CountRange,
  exponent = 0.5,
): (count: number) => number {
  const { min, max } = range;
  if (!(max > 0)) return () => NaN;
  if (kind === 'log') {
    const lo = Math.log(min);
    const span = Math.log(max) - lo;
    return (v) =>
      v > MIN_VISIBLE_COUNT ? (span > 0 ? clamp01((Math.log(v) - lo) / span) : 1) : NaN;
  }
  if (kind === 'exponential')
    return (v) => (v > MIN_VISIBLE_COUNT ? clamp01(Math.pow(v / max, exponent)) : NaN);
  return (v) => (v > MIN_VISIBLE_COUNT ? clamp01(v / max) : NaN);
}

/** The inverse of colorScale for the legend: ramp position in [0, 1] → count. */
export function colorScaleInverse(
  kind: ColorScaleKind,
  range: CountRange,
  exponent = 0.5,
): (f: number) => number {
  const { min, max } = range;
  if (kind === 'log') return (f) => Math.exp(Math.log(min) + f * (Math.log(max) - Math.log(min)));
  if (kind === 'exponential') return (f) => max * Math.pow(f, 1 / exponent);
  return (f) => max * f;
}

function clamp01(f: number): number {
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/** Viridis, dark to bright: readable on the dark theme and for colour-blind readers. */
export const DEFAULT_RAMP: readonly string[] = [
  '#440154',
  '#3b528b',
  '#21918c',
  '#5ec962',
  '#fde725',
];

/** `levels` RGBA colours (4 bytes each) interpolated along `#rrggbb` stops. */
export function buildPalette(stops: readonly string[], levels = 128): Uint8ClampedArray {
  const rgb = stops.map((s) => [1, 3, 5].map((o) => parseInt(s.slice(o, o + 2), 16)));
  const out = new Uint8ClampedArray(levels * 4);
  for (let l = 0; l < levels; l++) {
    const f = levels === 1 ? 1 : l / (levels - 1);
    const pos = f * (rgb.length - 1);
    const k = Math.min(Math.floor(pos), rgb.length - 2);
    const a = rgb[Math.max(k, 0)]!;
    const b = rgb[Math.min(k + 1, rgb.length - 1)]!;
    const w = pos - k;
    for (let c = 0; c < 3; c++) out[l * 4 + c] = Math.round(a[c]! + (b[c]! - a[c]!) * w);
    out[l * 4 + 3] = 255;
  }
  return out;
}

/**
 * The cell bitmap: width = steps, height = buckets, row 0 = the HIGHEST bucket (canvas y grows
 * downwards), RGBA per pixel, transparent where a cell is not drawn.
 */
export function cellPixels(
  counts: readonly Float64Array[],
  steps: number,
  scale: (count: number) => number,
  palette: Uint8ClampedArray,
): Uint8ClampedArray {
  const rows = counts.length;
  const levels = palette.length / 4;
  const px = new Uint8ClampedArray(steps * rows * 4);
  for (let b = 0; b < rows; b++) {
    const col = counts[b]!;
    const rowOff = (rows - 1 - b) * steps * 4;
    for (let t = 0; t < steps; t++) {
      const f = scale(col[t] ?? NaN);
      if (Number.isNaN(f)) continue;
      const l = Math.min(levels - 1, Math.floor(f * levels)) * 4;
      const o = rowOff + t * 4;
      px[o] = palette[l]!;
      px[o + 1] = palette[l + 1]!;
      px[o + 2] = palette[l + 2]!;
      px[o + 3] = palette[l + 3]!;
    }
  }
  return px;
}

/**
 * A value (bucket value space, e.g. seconds) → its position on the bucket-index axis, where
 * bucket i covers [i, i + 1]: linear within the bucket that holds it, as the value would sit
 * on the bucket axis. Bucket i spans (lowerOf(i), bounds[i]], lowerOf(0) = lowest. A value at
 * or below `lowest` is 0; above the last bound, or in an infinite-width bucket, the bucket's
 * top edge (histogram_quantile never returns more than the highest finite bound). NaN → NaN.
 */
export function valueToBucketY(v: number, bounds: ArrayLike<number>, lowest: number): number {
  const n = bounds.length;
  if (Number.isNaN(v) || n === 0) return NaN;
  if (v <= lowest) return 0;
  // first bucket whose upper bound is ≥ v
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  if (lo === n) return n;
  const upper = bounds[lo]!;
  const lower = lo === 0 ? lowest : bounds[lo - 1]!;
  const width = upper - lower;
  if (!Number.isFinite(width) || width <= 0) return lo + 1;
  return lo + (v - lower) / width;
}

/** The `lower – upper` text of bucket i, with the value formatter (unit) applied to each end. */
export function bucketRangeLabel(
  i: number,
  bounds: ArrayLike<number>,
  lowest: number,
  format: (v: number) => string,
): string {
  const upper = bounds[i];
  if (upper === undefined) return '';
  const lower = i === 0 ? lowest : bounds[i - 1]!;
  return `${formatBound(lower, format)} – ${formatBound(upper, format)}`;
}

/** A bucket bound for a label: ±Inf as `+Inf`/`-Inf`, others through the unit formatter. */
export function formatBound(v: number, format: (v: number) => string): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return format(v);
}

/**
 * Which bucket-boundary positions (0…n) get an axis label: every k-th, so that labels are at
 * least `minPx` apart on an axis `heightPx` tall; the top is always kept. When the top bucket is
 * `+Inf`, its label goes to the middle of its row (n − 0.5), inside the plot, since its upper
 * edge is no value.
 */
export function axisSplits(n: number, heightPx: number, minPx = 18, topInf = false): number[] {
  if (n <= 0) return [];
  const every = Math.max(1, Math.ceil((n * minPx) / Math.max(heightPx, 1)));
  const top = topInf ? n - 0.5 : n;
  const out: number[] = [];
  for (let k = 0; k <= top; k += every) out.push(k);
  if (out[out.length - 1] !== top) {
    if (out.length > 1 && ((top - out[out.length - 1]!) * heightPx) / n < minPx) out.pop();
    out.push(top);
  }
  return out;
}

/** The bound a split of `axisSplits` stands for (n − 0.5 is the `+Inf` bucket's). */
export function splitBound(
  k: number,
  bounds: ArrayLike<number>,
  lowest: number,
): number | undefined {
  return k === 0 ? lowest : bounds[Math.ceil(k) - 1];
}

/** Canvas and 2D context of the off-screen bitmap (reused while its size fits). */
export interface Bitmap {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
}

/** Puts the cell pixels into a (reused) off-screen canvas; undefined without a 2D context. */
export function toBitmap(
  px: Uint8ClampedArray,
  width: number,
  height: number,
  reuse?: Bitmap,
): Bitmap | undefined {
  if (width === 0 || height === 0) return undefined;
  const canvas = reuse?.canvas ?? document.createElement('canvas');
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const img = ctx.createImageData(width, height);
  img.data.set(px);
  ctx.putImageData(img, 0, 0);
  return { canvas, width, height };
}

/**
 * Draws the bitmap scaled to a device-pixel rectangle, without smoothing (sharp cells),
 * clipped to the plot box.
 */
export function drawBitmap(
  ctx: CanvasRenderingContext2D,
  bmp: Bitmap,
  dest: { left: number; top: number; width: number; height: number },
  clip: { left: number; top: number; width: number; height: number },
): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(clip.left, clip.top, clip.width, clip.height);
  ctx.clip();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(
    bmp.canvas,
    0,
    0,
    bmp.width,
    bmp.height,
    dest.left,
    dest.top,
    dest.width,
    dest.height,
  );
  ctx.restore();
}
