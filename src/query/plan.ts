import type { Panel, Target } from '../model/dashboard';
import { parseDuration } from '../time/duration';
import { alignRange, computeStep, utcOffsetMs } from '../time/step';
import { builtinScope } from '../variables/builtins';
import { interpolate } from '../variables/interpolate';
import type { ScopeValue } from './env';

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

export interface PlanInput {
  panel: Pick<Panel, 'maxDataPoints' | 'interval'>;
  target: Target;
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
  });
  // Aligned in the dashboard's zone, so daily steps land on local midnight (Grafana).
  const aligned = alignRange(
    input.fromMs,
    input.toMs,
    step.stepMs,
    utcOffsetMs(input.timeZone, input.toMs),
  );
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
  const expr = interpolate(target.expr, scope);
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
