// The one home of server queries: every TanStack Query key Scry uses, and a `queryOptions`
// factory per endpoint. Callers (panels, variables, annotations, the alert list, Explore's
// metric browser, editor completion) spread a factory's options and add only what is theirs
// (`enabled`, `placeholderData`, `select`). Everything lives under ['prom'], so the toolbar's
// Refresh (`invalidateServerData`) refetches all of it.

import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AlertFrame } from '../model/alertFrame';
import type { Frame, InstantRow } from '../model/frame';
import type { HistogramFrame } from '../model/histogramFrame';
import type { Exemplar } from '../model/exemplar';
import { alertsToFrame } from './alerts';
import type { Answer } from './answer';
import type { PrometheusClient, RetryNotice } from './client';
import { badAnswer } from './errors';
import { fetchExemplars, type ExemplarRequest } from './exemplars';
import { instantToRows, matrixToFrame, pointCount } from './frames';
import { toHistogramFrame } from './histograms';
import { mergeTail, planTail } from './tail';
import type { TargetCost } from './stats';
import type { BuildInfo, MetadataResult } from './types';

/** A datasource as queries see it: its client, and its identity in keys (URL + headers). */
export interface QuerySource<C = PrometheusClient> {
  client: C;
  cacheKey: string;
}

/** What one panel target asks: an instant query at `endSec`, or a range on the step grid. */
export interface TargetRequest {
  refId: string;
  expr: string;
  instant: boolean;
  startSec: number;
  endSec: number;
  stepSec: number;
}

/** What one target returned. */
export interface TargetResult<P extends TargetRequest = TargetRequest> {
  refId: string;
  plan: P;
  frame?: Frame;
  rows?: InstantRow[];
  /** range queries: their native histograms, when any (frames hold only float samples) */
  histograms?: HistogramFrame;
  warnings: string[];
  /** ms from request to parsed frame */
  tookMs: number;
  /** what the request cost (for an incremental refresh: the tail's request) */
  cost?: TargetCost;
}

/**
 * The time a metadata-style lookup covers: absolute seconds, or the last `lookbackMs` before
 * the moment it is fetched (editor completion: "names seen in the last 12 h"). Absent = the
 * server's default.
 */
export type LookupWindow = { startSec?: number; endSec?: number } | { lookbackMs: number };

/** A lookup's match[] selectors and window. */
export interface LookupArgs {
  match?: readonly string[];
  window?: LookupWindow;
}

/** Query keys: everything the answer depends on, nothing more (identical panels share). */
export const promKeys = {
  all: ['prom'] as const,
  datasource: (dsKey: string) => ['prom', dsKey] as const,
  range: (dsKey: string, p: Omit<TargetRequest, 'refId' | 'instant'>) =>
    ['prom', dsKey, 'range', p.expr, p.startSec, p.endSec, p.stepSec] as const,
  instant: (dsKey: string, p: Pick<TargetRequest, 'expr' | 'endSec'>) =>
    ['prom', dsKey, 'instant', p.expr, p.endSec] as const,
  labelNames: (dsKey: string, a: LookupArgs) => ['prom', dsKey, 'labels', lookupKey(a)] as const,
  labelValues: (dsKey: string, label: string, a: LookupArgs) =>
    ['prom', dsKey, 'label-values', label, lookupKey(a)] as const,
  series: (dsKey: string, a: LookupArgs) => ['prom', dsKey, 'series', lookupKey(a)] as const,
  metadata: (dsKey: string, metric?: string) => ['prom', dsKey, 'metadata', metric ?? ''] as const,
  flags: (dsKey: string) => ['prom', dsKey, 'flags'] as const,
  alerts: (dsKey: string) => ['prom', dsKey, 'alerts'] as const,
  buildInfo: (dsKey: string) => ['prom', dsKey, 'buildinfo'] as const,
  exemplars: (dsKey: string, r: ExemplarRequest) =>
    ['prom', dsKey, 'exemplars', r.expr, r.startSec, r.endSec] as const,
  /** a template variable's lookup, by method and its exact arguments */
  variableLookup: (dsKey: string, method: string, args: unknown) =>
    ['prom', dsKey, 'var', method, JSON.stringify(args)] as const,
  /** a dashboard's whole variable resolution (see app/variables/useVariables.ts) */
  variables: (preview: boolean, dashboardUid: string, dependsOn: readonly (string | number)[]) =>
    ['prom', preview ? 'variables-preview' : 'variables', dashboardUid, ...dependsOn] as const,
};

function lookupKey(a: LookupArgs): string {
  return JSON.stringify([a.match ?? [], a.window ?? {}]);
}

/** The absolute seconds of a window, "now" taken from `nowMs`. */
export function windowRange(
  window: LookupWindow | undefined,
  nowMs: number,
): { startSec?: number; endSec?: number } {
  if (!window) return {};
  if (!('lookbackMs' in window)) return window;
  if (!window.lookbackMs) return {};
  return {
    startSec: Math.floor((nowMs - window.lookbackMs) / 1000),
    endSec: Math.ceil(nowMs / 1000),
  };
}

function lookupParams(a: LookupArgs, nowMs: number) {
  return { ...windowRange(a.window, nowMs), ...(a.match?.length ? { match: [...a.match] } : {}) };
}

/** Refetches every server answer (the toolbar's Refresh, Explore's included). */
export function invalidateServerData(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries({ queryKey: promKeys.all });
}

/** Whether any server data is being fetched (an auto-refresh tick waits for it). */
export function fetchingServerData(qc: QueryClient): boolean {
  return qc.isFetching({ queryKey: promKeys.all }) > 0;
}

/** One target's request and its answer as a TargetResult. */
export async function fetchTarget<P extends TargetRequest>(
  client: Pick<PrometheusClient, 'query' | 'queryRange'>,
  plan: P,
  signal: AbortSignal,
  onRetry?: (r: RetryNotice) => void,
): Promise<TargetResult<P>> {
  const t0 = performance.now();
  if (plan.instant) {
    const a = await client.query({ expr: plan.expr, timeSec: plan.endSec }, { signal, onRetry });
    const rows = instantToRows(a.data);
    return {
      refId: plan.refId,
      plan,
      rows,
      warnings: a.warnings,
      tookMs: performance.now() - t0,
      cost: costOf(a, rows.length, rows.length),
    };
  }
  const a = await client.queryRange(
    { expr: plan.expr, startSec: plan.startSec, endSec: plan.endSec, stepSec: plan.stepSec },
    { signal, onRetry },
  );
  if (a.data.resultType !== 'matrix')
    throw badAnswer(`a range query must return a matrix, not ${String(a.data.resultType)}`);
  const frame = matrixToFrame(a.data.result, plan, plan.refId);
  const histograms = toHistogramFrame(a.data.result, plan.refId);
  return {
    refId: plan.refId,
    plan,
    frame,
    ...(histograms ? { histograms } : {}),
    warnings: a.warnings,
    tookMs: performance.now() - t0,
    cost: costOf(a, a.data.result.length, pointCount(a.data.result)),
  };
}

function costOf(a: Answer<unknown>, series: number, points: number): TargetCost {
  return {
    series,
    points,
    ...(a.bytes !== undefined ? { bytes: a.bytes } : {}),
    ...a.stats,
  };
}

type Source<K extends keyof PrometheusClient> = QuerySource<Pick<PrometheusClient, K>>;

/** The source's client; only reached from a queryFn, which runs only while `enabled`. */
function clientOf<C>(src: QuerySource<C> | undefined): C {
  if (!src) throw new Error('No datasource');
  return src.client;
}

/**
 * A panel target: range (frames) or instant (rows), keyed by what is sent. Without a source
 * (the panel's datasource does not resolve) the query is disabled.
 */
export function targetQuery<P extends TargetRequest>(
  src: Source<'query' | 'queryRange'> | undefined,
  plan: P,
  /** wraps the request (query/inflight: the panel's Cancel and its "retrying in 3 s" notice) */
  track?: <T>(
    keyId: string,
    signal: AbortSignal,
    run: (signal: AbortSignal, onRetry: (r: RetryNotice) => void) => Promise<T>,
  ) => Promise<T>,
) {
  const dsKey = src?.cacheKey ?? '';
  const queryKey = plan.instant ? promKeys.instant(dsKey, plan) : promKeys.range(dsKey, plan);
  return queryOptions({
    queryKey,
    queryFn: ({ signal, client: qc }) => {
      const prev = plan.instant ? undefined : previousAnswer(qc, dsKey, plan);
      const run = (signal: AbortSignal, onRetry?: (r: RetryNotice) => void) =>
        prev
          ? fetchTail(clientOf(src), plan, prev, signal, onRetry)
          : fetchTarget(clientOf(src), plan, signal, onRetry);
      return track ? track(JSON.stringify(queryKey), signal, run) : run(signal);
    },
    enabled: src !== undefined,
  });
}

interface PreviousAnswer {
  result: TargetResult;
  tailStartSec: number;
}

/**
 * The freshest cached answer of the same range query on the same grid that `plan` extends
 * forward (an auto-refresh tick): then only the tail is fetched (prometheus/tail.ts). Answers
 * marked stale by Refresh are not used, nor ones with native histograms.
 */
function previousAnswer(
  qc: QueryClient,
  dsKey: string,
  plan: TargetRequest,
): PreviousAnswer | undefined {
  let best: PreviousAnswer | undefined;
  for (const q of qc.getQueryCache().findAll({ queryKey: ['prom', dsKey, 'range', plan.expr] })) {
    const d = q.state.data as TargetResult | undefined;
    if (q.state.status !== 'success' || q.state.isInvalidated || !d?.frame || d.histograms)
      continue;
    const tailStartSec = planTail(d.plan, plan);
    if (tailStartSec === undefined) continue;
    if (!best || d.plan.endSec > best.result.plan.endSec) best = { result: d, tailStartSec };
  }
  return best;
}

/** The tail after `prev`, merged into its frame; a full fetch when they do not merge exactly. */
async function fetchTail<P extends TargetRequest>(
  client: Pick<PrometheusClient, 'query' | 'queryRange'>,
  plan: P,
  prev: PreviousAnswer,
  signal: AbortSignal,
  onRetry?: (r: RetryNotice) => void,
): Promise<TargetResult<P>> {
  const t0 = performance.now();
  const tail = await fetchTarget(client, { ...plan, startSec: prev.tailStartSec }, signal, onRetry);
  const frame =
    tail.frame && !tail.histograms
      ? mergeTail(prev.result.frame!, tail.frame, plan, prev.tailStartSec)
      : undefined;
  if (!frame) return fetchTarget(client, plan, signal, onRetry);
  return { ...tail, plan, frame, tookMs: performance.now() - t0 };
}

/** /api/v1/labels */
export function labelNamesQuery(src: Source<'labelNames'>, a: LookupArgs, now = Date.now) {
  return queryOptions({
    queryKey: promKeys.labelNames(src.cacheKey, a),
    queryFn: ({ signal }) =>
      src.client.labelNames(lookupParams(a, now()), { signal }).then((r) => r.data),
  });
}

/** /api/v1/label/<label>/values */
export function labelValuesQuery(
  src: Source<'labelValues'>,
  label: string,
  a: LookupArgs,
  now = Date.now,
) {
  return queryOptions({
    queryKey: promKeys.labelValues(src.cacheKey, label, a),
    queryFn: ({ signal }) =>
      src.client.labelValues(label, lookupParams(a, now()), { signal }).then((r) => r.data),
  });
}

/** /api/v1/series (at least one match[] selector) */
export function seriesQuery(
  src: Source<'series'>,
  a: LookupArgs & { match: readonly string[] },
  now = Date.now,
) {
  return queryOptions({
    queryKey: promKeys.series(src.cacheKey, a),
    queryFn: ({ signal }) =>
      src.client
        .series({ ...lookupParams(a, now()), match: [...a.match] }, { signal })
        .then((r) => r.data),
  });
}

/** /api/v1/metadata: all metrics, or one */
export function metadataQuery(src: Source<'metadata'>, metric?: string) {
  return queryOptions({
    queryKey: promKeys.metadata(src.cacheKey, metric),
    queryFn: ({ signal }): Promise<MetadataResult> =>
      src.client.metadata(metric ? { metric } : {}, { signal }).then((r) => r.data),
  });
}

/** /api/v1/status/flags */
export function flagsQuery(src: Source<'call'>) {
  return queryOptions({
    queryKey: promKeys.flags(src.cacheKey),
    queryFn: ({ signal }) =>
      src.client
        .call<Record<string, string>>('/api/v1/status/flags', new URLSearchParams(), { signal })
        .then((r) => r.data),
  });
}

/** /api/v1/alerts, read as an AlertFrame */
export function alertsQuery(src: Source<'alerts'> | undefined) {
  return queryOptions({
    queryKey: promKeys.alerts(src?.cacheKey ?? ''),
    queryFn: ({ signal }): Promise<AlertFrame> =>
      clientOf(src)
        .alerts({ signal })
        .then((r) => alertsToFrame(r.data)),
    enabled: src !== undefined,
  });
}

/** /api/v1/query_exemplars over a target's range; disabled without a source */
export function exemplarsQuery(src: Source<'call'> | undefined, r: ExemplarRequest) {
  return queryOptions({
    queryKey: promKeys.exemplars(src?.cacheKey ?? '', r),
    queryFn: ({ signal }): Promise<Exemplar[]> => fetchExemplars(clientOf(src), r, { signal }),
    enabled: src !== undefined,
  });
}

/** /api/v1/status/buildinfo */
export function buildInfoQuery(src: Source<'buildInfo'>) {
  return queryOptions({
    queryKey: promKeys.buildInfo(src.cacheKey),
    queryFn: ({ signal }): Promise<BuildInfo> =>
      src.client.buildInfo({ signal }).then((r) => r.data),
  });
}

/**
 * A template variable's lookup (label names/values, series, query_result): cached by its exact
 * arguments until refreshed, so re-picking a parent re-sends only the children's lookups.
 */
export function variableLookupQuery<T>(
  dsKey: string,
  method: string,
  args: unknown,
  run: () => Promise<T>,
) {
  return queryOptions({
    queryKey: promKeys.variableLookup(dsKey, method, args),
    queryFn: run,
    staleTime: Infinity,
  });
}
