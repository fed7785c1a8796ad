// What a panel's query returned (a TargetResult from the TanStack cache) → the Prometheus
// answer that would give it again. The viewer replays these answers through the real client and
// frame code, so what it draws is built the same way as the live view. Pure.

import type { TargetRequest, TargetResult } from '../prometheus/queries';
import type { InstantResult, MatrixResult, MatrixSeries } from '../prometheus/types';
import type { CapturedAnswer } from './format';

/** A sample value as Prometheus writes it; the shortest text that parses back to the same double. */
export function sampleText(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** A range result → a matrix: one pair per step with a sample (NaN is a gap, as in the frame). */
export function matrixOf(r: TargetResult): MatrixResult {
  const result: MatrixSeries[] = [];
  const times = r.frame?.times;
  for (const s of r.frame?.series ?? []) {
    const values: [number, string][] = [];
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      if (v === v) values.push([times![i]!, sampleText(v)]);
    }
    result.push({ metric: s.labels, values });
  }
  // native histograms are kept out of frames: they travel as the API sent them, without floats
  for (const h of r.histograms ?? [])
    if (h.histograms?.length) result.push({ metric: h.metric, histograms: h.histograms });
  return { resultType: 'matrix', result };
}

/** An instant result → a vector (scalars come back as one sample without labels, as read). */
export function vectorOf(r: TargetResult): InstantResult {
  return {
    resultType: 'vector',
    result: (r.rows ?? []).map((row) => ({
      metric: row.labels,
      value: [row.timeSec, sampleText(row.value)],
    })),
  };
}

/** The request a target plan sends, as a snapshot records it. */
export function requestOf(ds: string, plan: TargetRequest): CapturedAnswer {
  return plan.instant
    ? { ds, path: 'query', expr: plan.expr, time: plan.endSec, data: null }
    : {
        ds,
        path: 'query_range',
        expr: plan.expr,
        start: plan.startSec,
        end: plan.endSec,
        step: plan.stepSec,
        data: null,
      };
}

/** One target's answer (or its failure) as the snapshot keeps it. */
export function answerOf(ds: string, plan: TargetRequest, r: TargetResult | Error): CapturedAnswer {
  const req = requestOf(ds, plan);
  if (r instanceof Error) {
    const { data: _data, ...rest } = req as CapturedAnswer & { data: unknown };
    return { ...rest, error: r.message };
  }
  return {
    ...req,
    data: plan.instant ? vectorOf(r) : matrixOf(r),
    ...(r.warnings.length ? { warnings: r.warnings } : {}),
  };
}

/** Same request (datasource, path and arguments), whatever the answer. */
export function sameRequest(a: CapturedAnswer, b: CapturedAnswer): boolean {
  if (a.ds !== b.ds || a.path !== b.path) return false;
  if (a.path === 'query_range' && b.path === 'query_range')
    return a.expr === b.expr && a.start === b.start && a.end === b.end && a.step === b.step;
  if (a.path === 'query' && b.path === 'query') return a.expr === b.expr && a.time === b.time;
  return a.path === 'alerts';
}
