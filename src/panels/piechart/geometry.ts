/**
 * The pie's geometry, apart from drawing: which values become slices (finite and positive), their
 * order, the "Other" slice for small shares, each slice's angles, and which slice a point is in.
 */
import type { PieOptions } from './options';

/** What a slice is made of: a name, a value, a colour, and the text of the value. */
export interface PieInput {
  key: string;
  name: string;
  raw: number;
  text: string;
  color: string;
}

export interface Slice extends PieInput {
  /** share of the total, 0–1 */
  fraction: number;
  /** angles in radians, clockwise from 12 o'clock */
  start: number;
  end: number;
  /** the inputs combined into this slice (more than one for "Other") */
  members: PieInput[];
}

export interface Pie {
  slices: Slice[];
  total: number;
  /** values that cannot be a slice: not finite, zero or negative */
  skipped: PieInput[];
}

const TAU = Math.PI * 2;

/**
 * Slices of the positive finite values, sorted as asked; shares under `otherBelow` are combined
 * into one slice named `otherLabel` (only when there are at least two of them), drawn last.
 */
export function pieSlices(
  values: readonly PieInput[],
  opts: Pick<PieOptions, 'sort' | 'otherBelow' | 'otherLabel'>,
  otherColor: string,
  formatTotal: (v: number) => string,
): Pie {
  const kept = values.filter((v) => Number.isFinite(v.raw) && v.raw > 0);
  const skipped = values.filter((v) => !(Number.isFinite(v.raw) && v.raw > 0));
  const total = kept.reduce((a, v) => a + v.raw, 0);
  if (opts.sort !== 'none') {
    const sign = opts.sort === 'desc' ? -1 : 1;
    kept.sort((a, b) => sign * (a.raw - b.raw));
  }
  const small = opts.otherBelow > 0 ? kept.filter((v) => v.raw / total < opts.otherBelow) : [];
  const groups: PieInput[][] =
    small.length >= 2
      ? [...kept.filter((v) => !small.includes(v)).map((v) => [v]), small]
      : kept.map((v) => [v]);
  const slices: Slice[] = [];
  let at = 0;
  for (const members of groups) {
    const other = members.length > 1;
    const raw = members.reduce((a, v) => a + v.raw, 0);
    const fraction = raw / total;
    const first = members[0]!;
    slices.push({
      ...(other
        ? {
            key: '\u0000other',
            name: opts.otherLabel,
            raw,
            text: formatTotal(raw),
            color: otherColor,
          }
        : first),
      fraction,
      start: at * TAU,
      end: (at + fraction) * TAU,
      members,
    });
    at += fraction;
  }
  return { slices, total, skipped };
}

/**
 * The slice under a point (x, y) relative to the pie's centre, or -1 outside the ring between
 * `inner` and `outer` radius.
 */
export function sliceAt(
  slices: readonly Pick<Slice, 'start' | 'end'>[],
  x: number,
  y: number,
  outer: number,
  inner = 0,
): number {
  const r = Math.hypot(x, y);
  if (r > outer || r < inner) return -1;
  // clockwise from 12 o'clock: atan2 of (x, -y)
  let a = Math.atan2(x, -y);
  if (a < 0) a += TAU;
  return slices.findIndex((s) => a >= s.start && a < s.end);
}

/** "42.1 %" with one decimal below 10 %, none above (Grafana's percent legend). */
export function percentText(fraction: number): string {
  const p = fraction * 100;
  return `${p < 10 ? p.toFixed(1) : p.toFixed(0)} %`;
}
