// What a panel's query returned (a TargetResult from the TanStack cache) → the Prometheus
// answer that would give it again. The viewer replays these answers through the real client and
// frame code, so what it draws is built the same way as the live view. Pure.

import type { AlertFrame } from '../model/alertFrame';
import type { Exemplar } from '../model/exemplar';
import type { Labels } from '../model/frame';
import type { HistogramFrame, NativeHistogram } from '../model/histogramFrame';
import type { TargetRequest, TargetResult } from '../prometheus/queries';
import type {
  AlertsResult,
  HistogramWire,
  InstantResult,
  MatrixResult,
  MatrixSeries,
} from '../prometheus/types';
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
  // native histograms are kept out of frames: their series come back without floats
  if (r.histograms) result.push(...histogramSeriesOf(r.histograms));
  return { resultType: 'matrix', result };
}

/** A HistogramFrame → the `histograms` series the API wrote it from. */
export function histogramSeriesOf(f: HistogramFrame): MatrixSeries[] {
  return f.series.map((s) => ({
    metric: s.labels,
    histograms: s.histograms.flatMap((h, i): [number, HistogramWire][] =>
      h ? [[f.times[i]!, histogramWireOf(h)]] : [],
    ),
  }));
}

function histogramWireOf(h: NativeHistogram): HistogramWire {
  return {
    count: sampleText(h.count),
    sum: sampleText(h.sum),
    buckets: h.buckets.map((b) => [
      b.rule,
      sampleText(b.lower),
      sampleText(b.upper),
      sampleText(b.count),
    ]),
  };
}

/** An AlertFrame → the /api/v1/alerts answer that reads back as it. */
export function alertsAnswerOf(f: AlertFrame): AlertsResult {
  return {
    alerts: f.alerts.map((a) => ({
      labels: a.labels,
      annotations: a.annotations,
      state: a.state,
      ...(a.activeAtMs !== undefined ? { activeAt: new Date(a.activeAtMs).toISOString() } : {}),
      value: sampleText(a.value),
    })),
  };
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

/** Exemplars as /api/v1/query_exemplars sends them: grouped by their series, values as text. */
export function exemplarsAnswerOf(list: readonly Exemplar[]): unknown[] {
  const bySeries = new Map<string, { seriesLabels: Labels; exemplars: unknown[] }>();
  for (const e of list) {
    const key = JSON.stringify(e.seriesLabels);
    const s = bySeries.get(key) ?? { seriesLabels: { ...e.seriesLabels }, exemplars: [] };
    s.exemplars.push({ labels: { ...e.labels }, value: sampleText(e.value), timestamp: e.timeSec });
    bySeries.set(key, s);
  }
  return [...bySeries.values()];
}

/** Same request (datasource, path and arguments), whatever the answer. */
export function sameRequest(a: CapturedAnswer, b: CapturedAnswer): boolean {
  if (a.ds !== b.ds || a.path !== b.path) return false;
  if (a.path === 'query_exemplars' && b.path === 'query_exemplars')
    return a.expr === b.expr && a.start === b.start && a.end === b.end;
  if (a.path === 'query_range' && b.path === 'query_range')
    return a.expr === b.expr && a.start === b.start && a.end === b.end && a.step === b.step;
  if (a.path === 'query' && b.path === 'query') return a.expr === b.expr && a.time === b.time;
  return a.path === 'alerts';
}
