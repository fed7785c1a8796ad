import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import type { Panel } from '../model/dashboard';
import { failureMessage, isAbort } from '../prometheus/errors';
import { targetQuery, type TargetResult as PromTargetResult } from '../prometheus/queries';
import type { DatasourceHandle, QueryEnv } from './env';
import { panelNeedsPromQLParser, planPanel, visibleTargetCount, type TargetPlan } from './plan';
import { usePromQLParser } from './usePromQLParser';
import { cancelRequests, trackRequest, useRetryNotices } from './inflight';
import { forgetPanelCost, reportPanelCost, type TargetCostRow } from './cost';
import { panelCompare, pastRequests, type CompareTo } from './compare';
import { usePanelExemplars, type PanelExemplars } from './exemplars';
import type { DataFrame } from '../transform/frames';
import type { TransformProblem } from '../transform/index';

/** What one target returned (prometheus/queries.ts), with the plan it was asked with. */
export type TargetResult = PromTargetResult<TargetPlan>;

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
  /**
   * compare to the past: the comparison in force and what the same queries returned moved back
   * by its offset (each result's plan is the shifted request)
   */
  compare?: { to: CompareTo; results: TargetResult[] };
  /** exemplars of the targets that ask for them (`opts.exemplars`, flavours that offer them) */
  exemplars?: PanelExemplars;
  /** table panels with transformations: the transformed table (src/transform) */
  table?: DataFrame[];
  /** transformations that did not apply (also in `warnings`) */
  transformProblems?: TransformProblem[];
}

/**
 * The heart of a panel: targets → interpolate → step → TanStack queries (deduplicated by key,
 * aborted when the key changes) → frames. `enabled` is false while the panel is off screen.
 * `opts.instant` runs every target as an instant query (panel types whose queryMode is
 * 'instant', e.g. the table). `opts.compare`: the view shows compare to the past, so the same
 * requests moved back by the dashboard's (or the panel's own) offset are sent too.
 */
export function usePanelData(
  panel: Panel,
  env: QueryEnv,
  widthPx: number,
  enabled: boolean,
  opts: { instant?: boolean; compare?: boolean; exemplars?: boolean } = {},
): PanelData {
  const ds = env.datasource(panel.datasource);
  const handle: DatasourceHandle | undefined = 'error' in ds ? undefined : ds;
  // a dashboard variable in an expression needs the PromQL grammar: no request until it is here
  const grammar = usePromQLParser(panelNeedsPromQLParser(panel, env));
  const { plans, targetCount } = grammar.ready
    ? planPanel(panel, env, widthPx, opts.instant)
    : { plans: [], targetCount: visibleTargetCount(panel) };
  const okPlans = plans.filter((p): p is TargetPlan => !('error' in p));

  // compare to the past: the same requests moved back by the offset (query/compare.ts says why)
  const compare = opts.compare ? panelCompare(panel.compare, env.compare) : null;
  const compareTo = compare && !('error' in compare) ? compare : null;
  const pastPlans = pastRequests(okPlans, compare);

  const options = [...okPlans, ...pastPlans].map((plan) => targetQuery(handle, plan, trackRequest));
  const keyIds = options.map((o) => JSON.stringify(o.queryKey));
  const notices = useRetryNotices(keyIds);
  const queries = useQueries({
    queries: options.map((o) => ({
      ...o,
      enabled: enabled && widthPx > 0 && !!handle,
      placeholderData: keepPreviousData,
    })),
  });

  const exemplars = usePanelExemplars(
    panel,
    okPlans,
    handle,
    !!opts.exemplars && enabled && widthPx > 0,
  );

  const multi = targetCount > 1;
  const prefix = (refId: string, msg: string) => (multi ? `${refId}: ${msg}` : msg);
  const errors: string[] = [];
  if (!handle && 'error' in ds) errors.push(ds.error);
  if (grammar.error) errors.push(grammar.error);
  if (compare && 'error' in compare) errors.push(compare.error);
  for (const p of plans) if ('error' in p) errors.push(prefix(p.refId, p.error));
  const answers: TargetResult[] = [];
  const pastAnswers: TargetResult[] = [];
  const pastWarnings: string[] = [];
  let loading = !grammar.ready;
  let fetching = false;
  queries.forEach((q, i) => {
    if (q.isFetching) fetching = true;
    if (i >= okPlans.length) {
      // the past is extra: its failure is a warning, the present stays on screen
      if (q.data) pastAnswers.push(q.data);
      const refId = pastPlans[i - okPlans.length]!.refId;
      if (q.error && !isAbort(q.error) && compareTo)
        pastWarnings.push(`${compareTo.label}: ${prefix(refId, failureMessage(q.error))}`);
      return;
    }
    const plan = okPlans[i]!;
    if (q.data) answers.push(q.data);
    if (q.isPending) loading = true;
    if (q.error && !isAbort(q.error)) errors.push(prefix(plan.refId, failureMessage(q.error)));
  });
  // the same array while the answers are the same: a panel's frames, series and chart data are
  // memoised on it, so a re-render for anything else (fetching flags) does not redraw the chart
  const answersKey = answers.map(answerId).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const results = useMemo(() => answers, [answersKey]);
  const pastKey = pastAnswers.map(answerId).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const pastResults = useMemo(() => pastAnswers, [pastKey]);
  // the past (compare to the past) costs the server too: its rows say which offset
  const costOf = (r: TargetResult, past: boolean): TargetCostRow[] =>
    r.cost
      ? [
          {
            refId: past && compareTo ? `${r.refId} (${compareTo.label})` : r.refId,
            expr: r.plan.expr,
            template: panel.targets.find((t) => t.refId === r.refId)?.expr ?? r.plan.expr,
            cost: r.cost,
          },
        ]
      : [];
  const costs = [
    ...results.flatMap((r) => costOf(r, false)),
    ...pastResults.flatMap((r) => costOf(r, true)),
  ];
  const costKey = useId();
  useEffect(() => reportPanelCost(costKey, panel.id, panel.title, costs));
  useEffect(() => () => forgetPanelCost(costKey), [costKey]);
  const warnings = [
    ...new Set([
      ...results.flatMap((r) => r.warnings),
      ...pastWarnings,
      ...(exemplars?.warnings ?? []),
    ]),
  ];
  const hasData = results.some(
    (r) =>
      (r.frame?.series.length ?? 0) > 0 ||
      (r.rows?.length ?? 0) > 0 ||
      (r.histograms?.series.length ?? 0) > 0,
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
    notices,
    cancel: () => cancelRequests(keyIds),
    rerun: () => {
      for (const q of queries) void q.refetch();
    },
    ...(compareTo ? { compare: { to: compareTo, results: pastResults } } : {}),
    ...(exemplars ? { exemplars } : {}),
  };
}

const answerIds = new WeakMap<TargetResult, number>();
let lastAnswerId = 0;

/** A number per answer object (its identity, as a string key). */
function answerId(r: TargetResult): number {
  let id = answerIds.get(r);
  if (id === undefined) answerIds.set(r, (id = ++lastAnswerId));
  return id;
}
