/**
 * Gauge math: the value range a gauge spans, threshold bands over it, and SVG arcs. Pure.
 */
import type { FieldConfig } from '../../model/dashboard';
import { sortedSteps, type Thresholds } from '../../units/thresholds';

/** Smallest "nice" number ≥ x (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k); x ≤ 0 is returned as is. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const c = m * p;
    if (c >= x * (1 - 1e-12)) return c;
  }
  return 10 * p;
}

/**
 * The range a gauge spans. `fieldConfig.min/max` win. Otherwise min is 0 (or the lowest value
 * when negative) and max is 100, or — when a value or an absolute threshold step goes beyond
 * 100 — the next nice number above the highest of them.
 */
export function gaugeRange(
  fieldConfig: Pick<FieldConfig, 'min' | 'max' | 'thresholds'>,
  values: readonly number[],
): { min: number; max: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  const steps =
    fieldConfig.thresholds?.mode === 'percentage'
      ? []
      : sortedSteps(fieldConfig.thresholds)
          .map((s) => s.value)
          .filter((v): v is number => v !== null);
  const min = fieldConfig.min ?? Math.min(0, ...finite);
  let max = fieldConfig.max;
  if (max === undefined) {
    const top = Math.max(-Infinity, ...finite, ...steps);
    max = top <= 100 ? 100 : niceCeil(top);
  }
  if (!(max > min)) max = min + (fieldConfig.max === undefined ? 100 : 1);
  return { min, max };
}

/**
 * Where each threshold step starts, in value units, for labels around the gauge: the base step
 * at min, percentage steps as that share of [min, max]; steps outside [min, max] are left out.
 */
export function thresholdStepValues(
  thresholds: Thresholds | undefined,
  min: number,
  max: number,
): number[] {
  const pct = thresholds?.mode === 'percentage';
  return sortedSteps(thresholds)
    .map((s) => (s.value === null ? min : pct ? min + (s.value / 100) * (max - min) : s.value))
    .filter((x) => x >= min && x <= max);
}

/** The gauge sweeps this many degrees, centred on 12 o'clock. */
const SWEEP_DEG = 240;

/** Angle (radians, 0 = 12 o'clock, clockwise) of a fraction of the sweep. */
export function angleOf(f: number): number {
  return ((-SWEEP_DEG / 2 + f * SWEEP_DEG) * Math.PI) / 180;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** SVG path of an arc of radius r around (cx, cy) between two sweep fractions. */
export function arcPath(cx: number, cy: number, r: number, f0: number, f1: number): string {
  const a0 = angleOf(f0);
  const a1 = angleOf(Math.max(f0, f1));
  const x0 = cx + r * Math.sin(a0);
  const y0 = cy - r * Math.cos(a0);
  const x1 = cx + r * Math.sin(a1);
  const y1 = cy - r * Math.cos(a1);
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M ${r2(x0)} ${r2(y0)} A ${r2(r)} ${r2(r)} 0 ${large} 1 ${r2(x1)} ${r2(y1)}`;
}

/**
 * The gauge's radius and centre in a width × height box (a 240° arc is 2r wide and 1.5r tall),
 * leaving `reserveTop` px above it for the name.
 */
export function gaugeBox(
  width: number,
  height: number,
  reserveTop = 0,
): { cx: number; cy: number; r: number } {
  const pad = 6;
  const h = Math.max(0, height - reserveTop - 2 * pad);
  const r = Math.max(0, Math.min((width - 2 * pad) / 2, h / 1.5));
  const used = r * 1.5;
  const cy = reserveTop + pad + (h - used) / 2 + r;
  return { cx: width / 2, cy, r };
}
