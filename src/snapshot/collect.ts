// Taking a snapshot in the live app: every panel on the grid (repeats expanded, collapsed rows'
// panels left out, as on screen) is planned exactly as PanelShell plans it, and its answers are
// read through the TanStack cache (`fetchQuery`: what is on screen is not asked again, panels
// scrolled out of view are fetched now). Their answers, the variable values and the datasources
// by name make the snapshot.

import type { QueryClient } from '@tanstack/react-query';
import type { Dashboard, Panel } from '../model/dashboard';
import { panelPlugin } from '../panels/registry';
import type { ExemplarRequest } from '../prometheus/exemplars';
import { alertsQuery, exemplarsQuery, targetQuery } from '../prometheus/queries';
import { panelCompare, pastRequests } from '../query/compare';
import type { DatasourceHandle, QueryEnv } from '../query/env';
import { exemplarPlans } from '../query/exemplars';
import { trackRequest } from '../query/inflight';
import {
  alertAnnotationPlan,
  panelNeedsPromQLParser,
  planPanel,
  type TargetPlan,
} from '../query/plan';
import { loadPromQLParser } from '../variables/promql';
import type { Datasource } from '../state/datasources';
import { expandGrid } from '../variables/repeat';
import { alertsAnswerOf, answerOf, exemplarsAnswerOf, sameRequest } from './answers';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type CapturedAnswer,
  type Snapshot,
  type SnapshotDatasource,
} from './format';
import { datasourceSecrets, publicDatasource, redactSecrets } from './secrets';

export interface CollectInput {
  queryClient: QueryClient;
  dashboard: Dashboard;
  env: QueryEnv;
  /** every configured datasource (their secrets are redacted from the snapshot) */
  datasources: readonly Datasource[];
  /** the width (px) PanelShell queries a panel with: its plot width, in 10 px buckets */
  widthOf(panel: Panel): number;
  nowMs?: number;
  onProgress?(done: number, total: number): void;
}

/** One request to make for the snapshot. */
interface Job {
  handle: DatasourceHandle;
  run(): Promise<CapturedAnswer>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The snapshot of a dashboard as the env shows it (range, variables, datasources). */
export async function collectSnapshot(input: CollectInput): Promise<Snapshot> {
  const { queryClient: qc, dashboard, env } = input;
  const items = expandGrid(dashboard.panels, env.scope).filter((it) => it.source.type !== 'row');
  const widths: Record<string, number> = {};
  const jobs: Job[] = [];
  const used = new Map<string, SnapshotDatasource>();
  let defaultName: string | undefined;
  /** datasources whose annotation query is captured already */
  const annotated = new Set<string>();

  for (const item of items) {
    const panel = item.panel;
    const plugin = panelPlugin(panel.type);
    if (!plugin) continue;
    const scoped: QueryEnv = item.scope ? { ...env, scope: { ...env.scope, ...item.scope } } : env;
    const ds = scoped.datasource(panel.datasource);
    if ('error' in ds) continue; // the viewer shows the same error: no datasource by that name
    if (!panel.datasource) defaultName = ds.name;
    const source = input.datasources.find((d) => d.name === ds.name);
    if (source) used.set(ds.name, publicDatasource(source));
    const extra = plugin.extraData?.(plugin.readOptions(panel)) ?? {};
    if (plugin.queryMode === 'none') {
      if (extra.alerts)
        jobs.push({
          handle: ds,
          run: () =>
            qc.fetchQuery(alertsQuery(ds)).then(
              (frame): CapturedAnswer => ({
                ds: ds.name,
                path: 'alerts',
                data: alertsAnswerOf(frame),
              }),
              (e: unknown): CapturedAnswer => ({ ds: ds.name, path: 'alerts', error: message(e) }),
            ),
        });
      continue;
    }
    const width = input.widthOf(panel);
    widths[String(panel.id)] ??= width;
    if (panelNeedsPromQLParser(panel, scoped)) await loadPromQLParser();
    const { plans } = planPanel(panel, scoped, width, plugin.queryMode === 'instant');
    const ok = plans.filter((p): p is TargetPlan => !('error' in p));
    for (const plan of ok) jobs.push(targetJob(qc, ds, plan));
    // exemplars of the targets that show them (the same requests the panel makes)
    if (plugin.showsExemplars)
      for (const r of exemplarPlans(panel, ok, ds)) jobs.push(exemplarJob(qc, ds, r));
    // compare to the past (the dashboard's or the panel's own): the same requests moved back
    const compared = plugin.comparesToPast ? panelCompare(panel.compare, scoped.compare) : null;
    for (const plan of pastRequests(ok, compared)) jobs.push(targetJob(qc, ds, plan));
    // time series panels draw ALERTS as annotations: the datasource's one annotation query
    if (extra.alertAnnotations && ok[0] && !annotated.has(ds.name)) {
      annotated.add(ds.name);
      jobs.push(targetJob(qc, ds, alertAnnotationPlan(scoped, ds.scrapeIntervalMs)));
    }
  }

  const answers: CapturedAnswer[] = [];
  let done = 0;
  input.onProgress?.(0, jobs.length);
  await Promise.all(
    jobs.map(async (job) => {
      const a = await job.run();
      if (!answers.some((b) => sameRequest(a, b))) answers.push(a);
      input.onProgress?.(++done, jobs.length);
    }),
  );

  const datasources = [...used.values()].map((d) => ({ ...d, isDefault: d.name === defaultName }));
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    takenAtMs: input.nowMs ?? Date.now(),
    dashboard,
    range: { fromMs: env.fromMs, toMs: env.toMs, timeZone: env.timeZone },
    scope: env.scope,
    datasources,
    widths,
    answers,
    ...(env.compare ? { compare: env.compare.text } : {}),
  };
  return redactSecrets(snapshot, input.datasources.flatMap(datasourceSecrets));
}

function targetJob(qc: QueryClient, ds: DatasourceHandle, plan: TargetPlan): Job {
  return {
    handle: ds,
    run: () =>
      qc.fetchQuery(targetQuery(ds, plan, trackRequest)).then(
        (r) => answerOf(ds.name, plan, r),
        (e: unknown) => answerOf(ds.name, plan, e instanceof Error ? e : new Error(message(e))),
      ),
  };
}

function exemplarJob(qc: QueryClient, ds: DatasourceHandle, r: ExemplarRequest): Job {
  const req = {
    ds: ds.name,
    path: 'query_exemplars' as const,
    expr: r.expr,
    start: r.startSec,
    end: r.endSec,
  };
  return {
    handle: ds,
    run: () =>
      qc.fetchQuery(exemplarsQuery(ds, r)).then(
        (list): CapturedAnswer => ({ ...req, data: exemplarsAnswerOf(list) }),
        (e: unknown): CapturedAnswer => ({ ...req, error: message(e) }),
      ),
  };
}
