import type { Panel, Target } from '../model/dashboard';
import { parseDuration } from '../time/duration';
import { alignRange, computeStep } from '../time/step';
import { builtinScope } from '../variables/builtins';
import { interpolate } from '../variables/interpolate';
import { interpolatePromQL, needsPromQLParser } from '../variables/promql';
import type { QueryEnv, ScopeValue } from './env';

/**
 * The width a panel plans its queries with: its body's width in whole 10 px buckets (resizing by
 * a few pixels must not re-query).
 */
export const queryWidthPx = (bodyWidthPx: number): number =>
  Math.max(10, Math.round(bodyWidthPx / 10) * 10);

/** What one target asks Prometheus, after variables and the step are worked out. */
export interface TargetPlan {
  refId: string;
  /** PromQL after interpolation */
  expr: string;
  instant: boolean;
  startSec: number;
  endSec: number;
  stepSec: number;
  /** $__interval in ms */
  intervalMs: number;
  rateIntervalMs: number;
}

/** What planning reads of a target. */
export type PlannedTarget = Pick<
  Target,
  'refId' | 'expr' | 'interval' | 'intervalFactor' | 'instant' | 'hide'
>;

/** What planning reads of a panel (the start-up planner reads just this much of a file). */
export type PlannedPanel = Pick<Panel, 'datasource' | 'maxDataPoints' | 'interval'> & {
  targets: PlannedTarget[];
};

export interface PlanInput {
  panel: Pick<Panel, 'maxDataPoints' | 'interval'>;
  target: PlannedTarget;
  fromMs: number;
  toMs: number;
  /** plot width in CSS px: the default max data points */
  widthPx: number;
  scrapeIntervalMs: number;
  scope: Record<string, ScopeValue>;
  dashboard: { uid: string; title: string };
  timeZone: string;
}

/**
 * Target → request: step from the range and the panel width (Grafana's chain, never more than
 * 11 000 points), start/end aligned to the step, variables and built-ins substituted.
 */
export function planTarget(input: PlanInput): TargetPlan | { error: string } {
  const { target, panel } = input;
  const rangeMs = Math.max(1, input.toMs - input.fromMs);
  const panelMinIntervalMs = panel.interval ? parseDuration(panel.interval) : undefined;
  if (panel.interval && panelMinIntervalMs === undefined)
    return { error: `Min interval "${panel.interval}" is not a duration` };
  const minStep = target.interval.trim()
    ? interpolateText(target.interval.trim(), input.scope)
    : undefined;
  if (minStep && !minStep.startsWith('$') && parseDuration(minStep) === undefined) {
    return { error: `Min step "${target.interval}" is not a duration (e.g. 30s, 1m)` };
  }
  const step = computeStep({
    rangeMs,
    maxDataPoints: panel.maxDataPoints ?? Math.max(1, Math.round(input.widthPx)),
    scrapeIntervalMs: input.scrapeIntervalMs,
    minStep,
    panelMinIntervalMs,
    intervalFactor: target.intervalFactor,
  });
  // Aligned to UTC multiples of the step whatever the dashboard's zone (Grafana, Prometheus' UI).
  const aligned = alignRange(input.fromMs, input.toMs, step.stepMs);
  const scope = {
    ...input.scope,
    ...builtinScope({
      fromMs: input.fromMs,
      toMs: input.toMs,
      intervalMs: step.intervalMs,
      rateIntervalMs: step.rateIntervalMs,
      dashboard: input.dashboard,
      timeZone: input.timeZone,
    }),
  };
  const expr = interpolatePromQL(target.expr, scope);
  return {
    refId: target.refId,
    expr,
    instant: target.instant,
    startSec: aligned.startMs / 1000,
    endSec: target.instant ? input.toMs / 1000 : aligned.endMs / 1000,
    stepSec: step.stepMs / 1000,
    intervalMs: step.intervalMs,
    rateIntervalMs: step.rateIntervalMs,
  };
}

function interpolateText(text: string, scope: Record<string, ScopeValue>): string {
  return interpolate(text, scope);
}

/**
 * Points of the ALERTS query behind alert annotations: at least as fine as a full-width panel on
 * a wide screen, so no panel's markers are coarser than its own grid.
 */
export const ANNOTATION_POINTS = 2_000;

/**
 * The `ALERTS` range query that alert annotations read (state changes): one per datasource and
 * time range, on a grid of its own (never a panel's width or step), so every panel that shows
 * annotations shares ONE request and one cache entry (prometheus/queries.ts keys it).
 */
export function alertAnnotationPlan(
  range: Pick<QueryEnv, 'fromMs' | 'toMs'>,
  scrapeIntervalMs: number,
): TargetPlan {
  const step = computeStep({
    rangeMs: Math.max(1, range.toMs - range.fromMs),
    maxDataPoints: ANNOTATION_POINTS,
    scrapeIntervalMs,
  });
  const aligned = alignRange(range.fromMs, range.toMs, step.stepMs);
  return {
    refId: 'ALERTS',
    expr: 'ALERTS',
    instant: false,
    startSec: aligned.startMs / 1000,
    endSec: aligned.endMs / 1000,
    stepSec: step.stepMs / 1000,
    intervalMs: step.intervalMs,
    rateIntervalMs: step.rateIntervalMs,
  };
}

/** A target that could not be planned, and why. */
export interface PlanError {
  refId: string;
  error: string;
}

/** The targets a panel runs: not hidden, not empty. */
const visibleTargets = <T extends PlannedTarget>(panel: { targets: T[] }): T[] =>
  panel.targets.filter((t) => !t.hide && t.expr.trim() !== '');

/**
 * Whether planning the panel needs the PromQL grammar, not loaded yet (a dashboard variable in an
 * expression, see variables/promql.ts): callers load it first (`loadPromQLParser`).
 */
export function panelNeedsPromQLParser(
  panel: { targets: PlannedTarget[] },
  env: Pick<QueryEnv, 'scope'>,
): boolean {
  return visibleTargets(panel).some((t) => needsPromQLParser(t.expr, env.scope));
}

/** How many targets a panel runs (before planning). */
export const visibleTargetCount = (panel: { targets: PlannedTarget[] }): number =>
  visibleTargets(panel).length;

/**
 * Plans a panel's visible targets (not hidden, not empty) against its datasource; `forceInstant`
 * runs them all as instant queries (panel types whose queryMode is 'instant'). The one place that
 * decides what a panel asks: the panel's queries and the query inspector both use it, so the
 * inspector shows exactly the panel's requests (same width → same step).
 */
export function planPanel(
  panel: PlannedPanel,
  env: QueryEnv,
  widthPx: number,
  forceInstant = false,
): { plans: (TargetPlan | PlanError)[]; targetCount: number; error?: string } {
  const targets = visibleTargets(panel).map((t) =>
    forceInstant && !t.instant ? { ...t, instant: true } : t,
  );
  const ds = env.datasource(panel.datasource);
  if ('error' in ds) return { plans: [], targetCount: targets.length, error: ds.error };
  const plans = targets.map((target) => {
    const p = planTarget({
      panel,
      target,
      fromMs: env.fromMs,
      toMs: env.toMs,
      widthPx,
      scrapeIntervalMs: ds.scrapeIntervalMs,
      scope: env.scope,
      dashboard: env.dashboard,
      timeZone: env.timeZone,
    });
    return 'error' in p ? { refId: target.refId, error: p.error } : p;
  });
  return { plans, targetCount: targets.length };
}
