import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { Frame } from '../model/frame';
import type { Panel } from '../model/dashboard';
import { badAnswer, failureMessage, isAbort } from '../prometheus/errors';
import { instantToRows, matrixToFrame, type InstantRow } from '../prometheus/frames';
import type { PrometheusClient, RetryNotice } from '../prometheus/client';
import type { MatrixSeries } from '../prometheus/types';
import type { DatasourceHandle, QueryEnv } from './env';
import { planPanel, type TargetPlan } from './plan';
import { cancelRequests, retryNotices, trackRequest, useInflightVersion } from './inflight';

/** What one target returned. */
export interface TargetResult {
  refId: string;
  plan: TargetPlan;
  frame?: Frame;
  rows?: InstantRow[];
  /** range queries: the series that carry native histograms (frames hold only float samples) */
  histograms?: MatrixSeries[];
  warnings: string[];
  /** ms from request to parsed frame */
  tookMs: number;
}

export interface PanelData {
  state: 'loading' | 'ok' | 'empty' | 'error';
  results: TargetResult[];
  /** one message per failed target, prefixed by its refId when the panel has several */
  errors: string[];
  warnings: string[];
  /** the request is running (data may be the previous answer) */
  fetching: boolean;
  plans: TargetPlan[];
  /** "retrying in 3 s" while a 429/503 answer is being retried */
  notices?: string[];
  /** stops this panel's requests in flight (its Cancel button) */
  cancel?: () => void;
  /** runs the panel's queries again (after a cancel or an error) */
  rerun?: () => void;
}

/** Query keys: everything the answer depends on, nothing more (identical panels share). */
export const promKeys = {
  all: ['prom'] as const,
  datasource: (dsKey: string) => ['prom', dsKey] as const,
  range: (dsKey: string, p: TargetPlan) =>
    ['prom', dsKey, 'range', p.expr, p.startSec, p.endSec, p.stepSec] as const,
  instant: (dsKey: string, p: TargetPlan) => ['prom', dsKey, 'instant', p.expr, p.endSec] as const,
};

/** One target's request and its answer as a TargetResult (exported for tests). */
export async function fetchTarget(
  client: PrometheusClient,
  plan: TargetPlan,
  signal: AbortSignal,
  onRetry?: (r: RetryNotice) => void,
): Promise<TargetResult> {
  const t0 = performance.now();
  if (plan.instant) {
    const a = await client.query({ expr: plan.expr, timeSec: plan.endSec }, { signal, onRetry });
    return {
      refId: plan.refId,
      plan,
      rows: instantToRows(a.data),
      warnings: a.warnings,
      tookMs: performance.now() - t0,
    };
  }
  const a = await client.queryRange(
    { expr: plan.expr, startSec: plan.startSec, endSec: plan.endSec, stepSec: plan.stepSec },
    { signal, onRetry },
  );
  if (a.data.resultType !== 'matrix')
    throw badAnswer(`a range query must return a matrix, not ${String(a.data.resultType)}`);
  const frame = matrixToFrame(a.data.result, plan, plan.refId);
  const histograms = a.data.result.filter((s) => (s.histograms?.length ?? 0) > 0);
  return {
    refId: plan.refId,
    plan,
    frame,
    ...(histograms.length ? { histograms } : {}),
    warnings: a.warnings,
    tookMs: performance.now() - t0,
  };
}

/**
 * The heart of a panel: targets → interpolate → step → TanStack queries (deduplicated by key,
 * aborted when the key changes) → frames. `enabled` is false while the panel is off screen.
 * `opts.instant` runs every target as an instant query (panel types whose queryMode is
 * 'instant', e.g. the table).
 */
export function usePanelData(
  panel: Panel,
  env: QueryEnv,
  widthPx: number,
  enabled: boolean,
  opts: { instant?: boolean } = {},
): PanelData {
  const ds = env.datasource(panel.datasource);
  const handle: DatasourceHandle | undefined = 'error' in ds ? undefined : ds;
  const { plans, targetCount } = planPanel(panel, env, widthPx, opts.instant);
  const okPlans = plans.filter((p): p is TargetPlan => !('error' in p));

  useInflightVersion();
  const keys = okPlans.map((plan) =>
    plan.instant
      ? promKeys.instant(handle!.cacheKey, plan)
      : promKeys.range(handle!.cacheKey, plan),
  );
  const keyIds = keys.map((k) => JSON.stringify(k));
  const queries = useQueries({
    queries: okPlans.map((plan, i) => ({
      queryKey: keys[i]!,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        trackRequest(keyIds[i]!, signal, (s, onRetry) =>
          fetchTarget(handle!.client, plan, s, onRetry),
        ),
      enabled: enabled && widthPx > 0,
      placeholderData: keepPreviousData,
    })),
  });

  const multi = targetCount > 1;
  const prefix = (refId: string, msg: string) => (multi ? `${refId}: ${msg}` : msg);
  const errors: string[] = [];
  if (!handle && 'error' in ds) errors.push(ds.error);
  for (const p of plans) if ('error' in p) errors.push(prefix(p.refId, p.error));
  const results: TargetResult[] = [];
  let loading = false;
  let fetching = false;
  queries.forEach((q, i) => {
    const plan = okPlans[i]!;
    if (q.data) results.push(q.data);
    if (q.isFetching) fetching = true;
    if (q.isPending) loading = true;
    if (q.error && !isAbort(q.error)) errors.push(prefix(plan.refId, failureMessage(q.error)));
  });
  const warnings = [...new Set(results.flatMap((r) => r.warnings))];
  const hasData = results.some(
    (r) =>
      (r.frame?.series.length ?? 0) > 0 ||
      (r.rows?.length ?? 0) > 0 ||
      (r.histograms?.length ?? 0) > 0,
  );
  const state: PanelData['state'] = errors.length
    ? 'error'
    : loading && !hasData
      ? 'loading'
      : hasData
        ? 'ok'
        : targetCount === 0 || !loading
          ? 'empty'
          : 'loading';
  return {
    state,
    results,
    errors,
    warnings,
    fetching,
    plans: okPlans,
    notices: retryNotices(keyIds),
    cancel: () => cancelRequests(keyIds),
    rerun: () => {
      for (const q of queries) void q.refetch();
    },
  };
}
