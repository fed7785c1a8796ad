// Exemplars of a panel's targets: for every range target with "Exemplars" on, one
// /api/v1/query_exemplars request over the target's range (prometheus/queries.ts
// `exemplarsQuery`: same key module, cache and Refresh as the data). Only for flavours that offer
// the endpoint; a failure is a warning, the panel's data stays.
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Panel } from '../model/dashboard';
import type { ExemplarResult } from '../model/exemplar';
import { failureMessage, isAbort } from '../prometheus/errors';
import { offers } from '../prometheus/flavour';
import { exemplarsQuery } from '../prometheus/queries';
import type { ExemplarRequest } from '../prometheus/exemplars';
import type { DatasourceHandle } from './env';
import type { TargetPlan } from './plan';

/** What a panel's exemplar requests returned. */
export interface PanelExemplars {
  results: ExemplarResult[];
  warnings: string[];
  /** the datasource's exemplar link template (`https://…/${trace_id}`), when it has one */
  linkTemplate?: string;
}

/** The exemplar requests of a panel: one per planned range target that asks for them. */
export function exemplarPlans(
  panel: Pick<Panel, 'targets'>,
  plans: readonly TargetPlan[],
  handle: Pick<DatasourceHandle, 'flavour'> | undefined,
): (ExemplarRequest & { refId: string })[] {
  if (!handle || !offers(handle.flavour ?? 'prometheus', 'exemplars')) return [];
  const wanted = new Set(panel.targets.filter((t) => t.exemplar && !t.hide).map((t) => t.refId));
  return plans
    .filter((p) => !p.instant && wanted.has(p.refId))
    .map((p) => ({ refId: p.refId, expr: p.expr, startSec: p.startSec, endSec: p.endSec }));
}

/** Runs the panel's exemplar requests (none when `enabled` is false or nothing asks). */
export function usePanelExemplars(
  panel: Pick<Panel, 'targets'>,
  plans: readonly TargetPlan[],
  handle: DatasourceHandle | undefined,
  enabled: boolean,
): PanelExemplars | undefined {
  const reqs = enabled ? exemplarPlans(panel, plans, handle) : [];
  const queries = useQueries({
    queries: reqs.map((r) => ({
      ...exemplarsQuery(handle, r),
      enabled: !!handle,
      placeholderData: keepPreviousData,
    })),
  });
  const multi = reqs.length > 1;
  const results: ExemplarResult[] = [];
  const warnings: string[] = [];
  queries.forEach((q, i) => {
    const refId = reqs[i]!.refId;
    if (q.data) results.push({ refId, exemplars: q.data });
    if (q.error && !isAbort(q.error))
      warnings.push(`Exemplars${multi ? ` (${refId})` : ''}: ${failureMessage(q.error)}`);
  });
  // the same object while the answers are the same (the chart's dots are memoised on it)
  const key = queries.map((q) => q.dataUpdatedAt).join(',') + '|' + warnings.join('|');
  const link = handle?.exemplarLink;
  return useMemo(
    () =>
      reqs.length ? { results, warnings, ...(link ? { linkTemplate: link } : {}) } : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, link, reqs.length],
  );
}
