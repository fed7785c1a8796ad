// The query step chain, as Grafana (frontend rangeutil.calculateInterval + backend
// calculatePrometheusInterval / calculateRateInterval / AlignTimeRange), with one deliberate
// difference: the step never yields more than 11 000 points, because Prometheus rejects
// `(end - start) / step > 11000`. Grafana's "safe" step is roundInterval(range / 11000), which can
// round DOWN (range/11000 = 2.4 s → 2 s → 13 200 points → HTTP 400). When the step is below
// range / 11000 we raise it to the next rung of the roundInterval ladder (a "nice" step keeps
// alignment and caching stable); past the top rung (1 y) to the whole millisecond above.

import { parseDuration } from './duration';

/** Prometheus's limit on points per series of a range query. */
export const MAX_POINTS = 11_000;
/** Grafana's maxDataPoints when none is known (DefaultRes). */
export const DEFAULT_MAX_DATA_POINTS = 1500;
/** Grafana's Prometheus scrape interval when the datasource sets none. */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;

/** Grafana's roundInterval ladder: below `belowMs` (exclusive) the interval is `intervalMs`. */
export const INTERVAL_LADDER: readonly { belowMs: number; intervalMs: number }[] = [
  { belowMs: 10, intervalMs: 1 },
  { belowMs: 15, intervalMs: 10 },
  { belowMs: 35, intervalMs: 20 },
  { belowMs: 75, intervalMs: 50 },
  { belowMs: 150, intervalMs: 100 },
  { belowMs: 350, intervalMs: 200 },
  { belowMs: 750, intervalMs: 500 },
  { belowMs: 1_500, intervalMs: 1_000 },
  { belowMs: 3_500, intervalMs: 2_000 },
  { belowMs: 7_500, intervalMs: 5_000 },
  { belowMs: 12_500, intervalMs: 10_000 },
  { belowMs: 17_500, intervalMs: 15_000 },
  { belowMs: 25_000, intervalMs: 20_000 },
  { belowMs: 45_000, intervalMs: 30_000 },
  { belowMs: 90_000, intervalMs: 60_000 },
  { belowMs: 210_000, intervalMs: 120_000 },
  { belowMs: 450_000, intervalMs: 300_000 },
  { belowMs: 750_000, intervalMs: 600_000 },
  { belowMs: 1_050_000, intervalMs: 900_000 },
  { belowMs: 1_500_000, intervalMs: 1_200_000 },
  { belowMs: 2_700_000, intervalMs: 1_800_000 },
  { belowMs: 5_400_000, intervalMs: 3_600_000 },
  { belowMs: 9_000_000, intervalMs: 7_200_000 },
  { belowMs: 16_200_000, intervalMs: 10_800_000 },
  { belowMs: 32_400_000, intervalMs: 21_600_000 },
  { belowMs: 86_400_000, intervalMs: 43_200_000 },
  { belowMs: 604_800_000, intervalMs: 86_400_000 },
  { belowMs: 1_814_400_000, intervalMs: 604_800_000 },
  { belowMs: 3_628_800_000, intervalMs: 2_592_000_000 },
];
const ONE_YEAR_MS = 31_536_000_000;

/** Grafana's roundInterval: snap a raw interval (ms) to a "nice" one (1 ms … 1 y). */
export function roundInterval(ms: number): number {
  for (const rung of INTERVAL_LADDER) if (ms < rung.belowMs) return rung.intervalMs;
  return ONE_YEAR_MS;
}

/** Smallest step (ms) that keeps a range within 11 000 points: range / 11 000. */
export function minSafeStepMs(rangeMs: number): number {
  return Math.max(0, rangeMs) / MAX_POINTS;
}

/**
 * Raise a step so the range has at most 11 000 points: unchanged if already enough, else the
 * first ladder rung ≥ range / 11 000 (past 1 y: that value ceiled to whole ms). Always ≥ 1 ms.
 */
export function enforceMaxPoints(stepMs: number, rangeMs: number): number {
  const floor = minSafeStepMs(rangeMs);
  const step = Math.max(1, Math.ceil(stepMs));
  if (step >= floor) return step;
  for (const rung of INTERVAL_LADDER) if (rung.intervalMs >= floor) return rung.intervalMs;
  return floor <= ONE_YEAR_MS ? ONE_YEAR_MS : Math.ceil(floor);
}

/** Inputs of computeInterval. */
export interface IntervalInput {
  rangeMs: number;
  /** default: 1500 */
  maxDataPoints?: number;
  /** lower limit: the panel's min interval, else the datasource scrape interval */
  minIntervalMs?: number;
}

/**
 * Grafana's frontend `$__interval` (rangeutil.calculateInterval):
 * max(roundInterval(range / maxDataPoints), minInterval), at least 1 ms.
 */
export function computeInterval(input: IntervalInput): number {
  const points = validPoints(input.maxDataPoints);
  const rounded = roundInterval(input.rangeMs / points);
  return Math.max(rounded, input.minIntervalMs ?? 1, 1);
}

/** Grafana's `$__rate_interval` formula: max(interval + scrape, 4 × scrape). */
export function rateInterval(intervalMs: number, scrapeMs: number): number {
  return Math.max(intervalMs + scrapeMs, 4 * scrapeMs);
}

/** Inputs of computeStep. */
export interface StepInput {
  rangeMs: number;
  /** points wanted per series; Grafana's default is the panel width in px; ≤ 0 or absent → 1500 */
  maxDataPoints?: number;
  /** datasource scrape interval (Grafana's jsonData.timeInterval); default 15 s */
  scrapeIntervalMs?: number;
  /**
   * the query's Min step, variables already interpolated: a duration ("1m", "30" = 30 s) used
   * verbatim as the step, or `$__interval` / `$__rate_interval` (also `${…}` and `_ms` forms).
   * Anything else that does not parse is ignored.
   */
  minStep?: string;
  /** the panel's Min interval (lower limit of $__interval, replacing the scrape interval there) */
  panelMinIntervalMs?: number;
  /** deprecated "Resolution 1/N": multiplies the calculated step; default 1 */
  intervalFactor?: number;
}

/** The step and the built-in intervals of one query. */
export interface StepResult {
  /** query_range step in whole ms (≥ 1, never more than 11 000 points) */
  stepMs: number;
  /** the same step in seconds, as Prometheus takes it */
  stepSec: number;
  /** `$__interval` in ms: Grafana's backend substitutes the final step */
  intervalMs: number;
  /** `$__rate_interval` in ms */
  rateIntervalMs: number;
}

type MinStepKind =
  { kind: 'none' } | { kind: 'interval' } | { kind: 'rate' } | { kind: 'literal'; ms: number };

const INTERVAL_VARS = new Set([
  '$__interval',
  '${__interval}',
  '$__interval_ms',
  '${__interval_ms}',
]);
const RATE_VARS = new Set([
  '$__rate_interval',
  '${__rate_interval}',
  '$__rate_interval_ms',
  '${__rate_interval_ms}',
]);

function classifyMinStep(minStep: string | undefined): MinStepKind {
  const s = (minStep ?? '').trim().replace(/^[<>]/, '');
  if (s === '') return { kind: 'none' };
  if (INTERVAL_VARS.has(s)) return { kind: 'interval' };
  if (RATE_VARS.has(s)) return { kind: 'rate' };
  const ms = parseDuration(s);
  return ms === undefined || ms <= 0 ? { kind: 'none' } : { kind: 'literal', ms };
}

function validPoints(maxDataPoints: number | undefined): number {
  return maxDataPoints !== undefined && Number.isFinite(maxDataPoints) && maxDataPoints > 0
    ? maxDataPoints
    : DEFAULT_MAX_DATA_POINTS;
}

/**
 * Grafana's step for a Prometheus range query (calculatePrometheusInterval), then raised to stay
 * within 11 000 points:
 * - `$__interval` (frontend) = max(roundInterval(range / maxDataPoints), panel min interval or
 *   scrape interval);
 * - min = a literal Min step, else that interval; calculated = range / maxDataPoints below min ?
 *   min : roundInterval(range / maxDataPoints); safe = roundInterval(range / 11 000);
 *   adjusted = max(calculated, safe);
 * - step = literal Min step verbatim | rate interval of `adjusted` for `$__rate_interval` |
 *   adjusted × intervalFactor;
 * - rate interval = max(frontend interval + scrape, 4 × scrape), scrape = the literal Min step,
 *   the step for `$__interval`, else the datasource scrape interval; for `$__rate_interval` it is
 *   the step itself.
 */
export function computeStep(input: StepInput): StepResult {
  const rangeMs = Math.max(0, input.rangeMs);
  const points = validPoints(input.maxDataPoints);
  const scrapeMs =
    input.scrapeIntervalMs !== undefined && input.scrapeIntervalMs > 0
      ? input.scrapeIntervalMs
      : DEFAULT_SCRAPE_INTERVAL_MS;
  const frontendIntervalMs = computeInterval({
    rangeMs,
    maxDataPoints: points,
    minIntervalMs:
      input.panelMinIntervalMs !== undefined && input.panelMinIntervalMs > 0
        ? input.panelMinIntervalMs
        : scrapeMs,
  });
  const minStep = classifyMinStep(input.minStep);
  const minIntervalMs = minStep.kind === 'literal' ? minStep.ms : frontendIntervalMs;
  const raw = rangeMs / points;
  const calculatedMs = raw < minIntervalMs ? minIntervalMs : roundInterval(raw);
  const adjustedMs = Math.max(calculatedMs, roundInterval(rangeMs / MAX_POINTS));

  let stepMs: number;
  if (minStep.kind === 'rate') stepMs = rateInterval(adjustedMs, scrapeMs);
  else if (minStep.kind === 'literal') stepMs = minStep.ms;
  else
    stepMs =
      adjustedMs * (input.intervalFactor && input.intervalFactor > 0 ? input.intervalFactor : 1);
  stepMs = enforceMaxPoints(stepMs, rangeMs);

  let rateIntervalMs: number;
  if (minStep.kind === 'rate') rateIntervalMs = stepMs;
  else {
    const rateScrapeMs =
      minStep.kind === 'literal' ? minStep.ms : minStep.kind === 'interval' ? stepMs : scrapeMs;
    rateIntervalMs = rateInterval(frontendIntervalMs, rateScrapeMs);
  }
  return { stepMs, stepSec: stepMs / 1000, intervalMs: stepMs, rateIntervalMs };
}

/** A range aligned to the step grid. */
export interface AlignedRange {
  startMs: number;
  endMs: number;
  /** samples per series Prometheus will return: (end − start) / step + 1 */
  points: number;
}

/**
 * Floor start and end to UTC multiples of the step, as Grafana's Prometheus datasource and
 * Prometheus' own UI do: t' = floor(t / step) × step. The grid never depends on the dashboard's
 * time zone (the zone changes the labels, not the samples), so every backend agrees on it:
 * VictoriaMetrics re-aligns `start` to UTC multiples of the step whatever it is sent. Never asks
 * for the future.
 */
export function alignRange(startMs: number, endMs: number, stepMs: number): AlignedRange {
  const step = Math.max(1, stepMs);
  const align = (t: number) => Math.floor(t / step) * step;
  const start = align(startMs);
  const end = align(endMs);
  return { startMs: start, endMs: end, points: Math.round((end - start) / step) + 1 };
}
