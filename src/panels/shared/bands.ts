/**
 * Threshold colours along a value range, as fractions 0–1 (gauge arcs, bar gauge bars). Pure.
 */
import type { Thresholds } from '../../units/thresholds';
import { resolveColor } from '../../units/colors';
import { sortedSteps } from '../../units/thresholds';

/** Where a value sits in [min, max], clamped to 0–1; NaN → 0. */
export function fraction(value: number, min: number, max: number): number {
  if (Number.isNaN(value) || !(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** A coloured stretch of the range, as fractions 0–1. */
export interface Band {
  from: number;
  to: number;
  color: string;
}

/**
 * Threshold steps → bands over [min, max] (fractions), each step's colour from its value to
 * the next step's; percentage steps are percentages of the range. Without steps: one band.
 */
export function thresholdBands(
  thresholds: Thresholds | undefined,
  min: number,
  max: number,
): Band[] {
  const steps = sortedSteps(thresholds);
  if (steps.length === 0) return [{ from: 0, to: 1, color: resolveColor('green') }];
  const pct = thresholds?.mode === 'percentage';
  const at = (v: number | null) =>
    v === null ? 0 : pct ? Math.min(1, Math.max(0, v / 100)) : fraction(v, min, max);
  const bands: Band[] = [];
  steps.forEach((s, i) => {
    const from = at(s.value);
    const next = steps[i + 1];
    const to = next ? at(next.value) : 1;
    if (to > from) bands.push({ from, to, color: resolveColor(s.color) });
  });
  return bands;
}
