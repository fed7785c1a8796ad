/**
 * Values beyond ±1e300 cannot be drawn: the scale's span (max − min, plus padding) overflows to
 * Infinity and the whole chart goes blank. Such values, like ±Inf, are left out of the scale
 * and the lines, and counted for the panel's notice.
 */
export const DRAWABLE_LIMIT = 1e300;

/** True for a value a chart can draw: finite and within ±1e300 (false for NaN). */
export function drawable(v: number): boolean {
  return v >= -DRAWABLE_LIMIT && v <= DRAWABLE_LIMIT;
}

/** How many samples are present (not NaN gaps) but cannot be drawn: ±Inf or beyond ±1e300. */
export function countUndrawable(columns: readonly Float64Array[]): number {
  let n = 0;
  for (const c of columns)
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (v === v && !drawable(v)) n++;
    }
  return n;
}

/**
 * uPlot draws `null` as a gap but treats NaN as a number (and seeds its auto-range with the
 * first non-null value). Gapless columns go to uPlot as they are (zero copy); a column with
 * NaN, ±Inf or values beyond ±1e300 is copied once with null in those places.
 */
export function toUPlotColumn(values: Float64Array): Float64Array | (number | null)[] {
  let i = 0;
  const n = values.length;
  for (; i < n; i++) {
    if (!drawable(values[i]!)) break;
  }
  if (i === n) return values;
  const out: (number | null)[] = new Array<number | null>(n);
  for (let j = 0; j < n; j++) {
    const v = values[j]!;
    out[j] = drawable(v) ? v : null;
  }
  return out;
}

/** Min and max of the finite values of several columns (NaN, NaN when there are none). */
export function finiteExtent(columns: readonly Float64Array[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const c of columns) {
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  // ±Inf and values beyond ±1e300 are not drawable extents
  if (min < -DRAWABLE_LIMIT || max > DRAWABLE_LIMIT) {
    min = Infinity;
    max = -Infinity;
    for (const c of columns)
      for (let i = 0; i < c.length; i++) {
        const v = c[i]!;
        if (!drawable(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
      }
  }
  return min <= max ? [min, max] : [NaN, NaN];
}

/** A column for a log axis: values ≤ 0 (and gaps) become null, as they cannot be drawn. */
export function logColumn(values: Float64Array): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v > 0 && drawable(v) ? v : null;
  }
  return out;
}

/**
 * Labels of a log axis: uPlot puts ticks at every multiple within each decade (or octave); only
 * whole powers of the base are labelled, each formatted on its own (a shared decimals count
 * makes no sense across decades).
 */
export function logTickLabels(
  ticks: readonly number[],
  base: number,
  format: (v: number) => string,
): string[] {
  return ticks.map((t) => {
    if (!(t > 0)) return '';
    const e = Math.log(t) / Math.log(base);
    return Math.abs(e - Math.round(e)) < 1e-9 ? format(t) : '';
  });
}
