/**
 * Grafana thresholds: a base step (value null = −∞) and ascending steps; a value takes the colour
 * of the last step whose value it reaches (value ≥ step). In percentage mode the step values are
 * percentages of the min–max range.
 */
import { colorTheme, resolveColor, type Theme } from './colors';

/** One threshold step; null value = −∞ (the base step). Same shape as the dashboard model's. */
export interface ThresholdStep {
  value: number | null;
  color: string;
}

/** Thresholds as stored in dashboards (`fieldConfig.thresholds`). */
export interface Thresholds {
  mode: 'absolute' | 'percentage';
  steps: ThresholdStep[];
}

/** The range percentage-mode thresholds are relative to. */
export interface ThresholdRange {
  min?: number;
  max?: number;
}

const stepValue = (s: ThresholdStep): number => (s.value === null ? -Infinity : s.value);

/** Steps in ascending order, the base (null) step first; the input is not modified. */
export function sortedSteps(thresholds: Thresholds | undefined): ThresholdStep[] {
  if (!thresholds || !Array.isArray(thresholds.steps)) return [];
  return thresholds.steps
    .filter((s) => s && (s.value === null || Number.isFinite(s.value)))
    .map((s, i) => ({ s, i }))
    .sort((x, y) => stepValue(x.s) - stepValue(y.s) || x.i - y.i)
    .map(({ s }) => s);
}

/**
 * Where a value sits for percentage thresholds, as Grafana's scale calculator computes it:
 * (value − min) / (max − min) × 100, not clamped; an empty range (max = min) gives 0. Min
 * defaults to 0 and max to 100 (Grafana would use the data's range; pass it when known).
 */
export function thresholdPercent(value: number, range: ThresholdRange = {}): number {
  const min = range.min ?? 0;
  const max = range.max ?? 100;
  const ratio = (value - min) / (max - min);
  return Number.isNaN(ratio) ? 0 : ratio * 100;
}

/**
 * The active step for a value: the last step whose value ≤ the value (equal counts), else the
 * lowest step. NaN (and anything below every step) takes the lowest step. Undefined when there
 * are no steps.
 */
export function thresholdFor(
  value: number,
  thresholds: Thresholds | undefined,
  range?: ThresholdRange,
): ThresholdStep | undefined {
  const steps = sortedSteps(thresholds);
  const first = steps[0];
  if (!first) return undefined;
  if (Number.isNaN(value)) return first;
  const v = thresholds?.mode === 'percentage' ? thresholdPercent(value, range) : value;
  let active = first;
  for (const step of steps) {
    if (v >= stepValue(step)) active = step;
    else break;
  }
  return active;
}

/** The resolved (hex/rgb) colour of the active step, or `fallback` when there are no steps. */
export function thresholdColor(
  value: number,
  thresholds: Thresholds | undefined,
  range?: ThresholdRange,
  fallback?: string,
  theme: Theme = colorTheme(),
): string {
  const step = thresholdFor(value, thresholds, range);
  return resolveColor(step ? step.color : fallback, theme);
}
