import type { DashboardInput } from '../model/dashboard';
import {
  describeDs,
  isPromRef,
  parseDsRef,
  resolveDs,
  type DsContext,
  type DsRef,
} from './datasource';
import { arr, isObj, num, str, type Notes, type Obj } from './util';

type PanelInput = NonNullable<DashboardInput['panels']>[number];
/** A Scry target as written by the importer. */
export type TargetInput = NonNullable<PanelInput['targets']>[number];

/** The targets of one panel, converted, with what the panel needs to know about them. */
export interface ConvertedTargets {
  targets: TargetInput[];
  /** the panel's Scry datasource (name or `$var`); undefined = default */
  datasource: string | undefined;
  /** `table` / `heatmap` when the visible targets ask Grafana for that frame shape */
  format: 'table' | 'heatmap' | undefined;
}

/** refIds in Grafana's order: A … Z, AA, AB … */
export function refIdAt(i: number): string {
  let n = i;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * Converts a panel's Prometheus targets. Non-Prometheus targets (no `expr`, or a non-Prometheus
 * datasource) are dropped with a warning; refIds are filled in and made unique.
 */
export function convertTargets(
  panel: Obj,
  path: string,
  ds: DsContext,
  notes: Notes,
): ConvertedTargets {
  const panelRef = parseDsRef(panel.datasource, ds);
  const kept: { raw: Obj; ref: DsRef; path: string }[] = [];
  arr(panel.targets).forEach((t, i) => {
    const tPath = `${path}.targets[${i}]`;
    if (!isObj(t)) return;
    const own = t.datasource === undefined ? undefined : parseDsRef(t.datasource, ds);
    const ref = own && (panelRef.kind === 'mixed' || panelRef.kind === 'default') ? own : panelRef;
    if (!isPromRef(ref) && ref.kind !== 'mixed') {
      notes.warn(tPath, `Dropped a query for ${describeDs(ref)}: Scry only queries Prometheus`);
      return;
    }
    if (typeof t.expr !== 'string') {
      notes.warn(tPath, 'Dropped a query without a PromQL `expr` (not a Prometheus query)');
      return;
    }
    kept.push({ raw: t, ref: ref.kind === 'mixed' ? { kind: 'default' } : ref, path: tPath });
  });

  const used = new Set<string>();
  for (const k of kept) {
    const id = str(k.raw.refId)?.trim();
    if (id) used.add(id);
  }
  const seen = new Set<string>();
  let next = 0;
  const freshId = (): string => {
    while (used.has(refIdAt(next))) next++;
    const id = refIdAt(next);
    used.add(id);
    return id;
  };

  const targets: TargetInput[] = [];
  const formats = new Set<string>();
  const resolved: (string | undefined)[] = [];
  for (const { raw, ref, path: tPath } of kept) {
    let refId = str(raw.refId)?.trim() ?? '';
    if (refId === '') refId = freshId();
    else if (seen.has(refId)) {
      const dup = refId;
      refId = freshId();
      notes.info(tPath, `Duplicate refId "${dup}" renamed to "${refId}"`);
    }
    seen.add(refId);

    // `__auto` is kept: Scry's legend does Grafana's Auto (prometheus/legend.ts legendNames)
    const legendFormat = str(raw.legendFormat) ?? '';
    const interval = str(raw.interval)?.trim() ?? '';
    let instant = raw.instant === true;
    if (instant && raw.range === true) {
      instant = false;
      notes.info(tPath, 'Query type "Both" (instant and range) became a range query');
    }
    // "Resolution 1/N" (the calculated step × N), kept as Grafana's backend applies it
    const factor = num(raw.intervalFactor);
    let intervalFactor: number | undefined;
    if (factor !== undefined && factor !== 1) {
      intervalFactor = Math.min(100, Math.max(1, Math.round(factor)));
      if (intervalFactor !== factor)
        notes.warn(
          tPath,
          `intervalFactor ${factor} became ${intervalFactor} (a whole number 1–100)`,
        );
      if (intervalFactor === 1) intervalFactor = undefined;
    }
    const hide = raw.hide === true;
    const format = str(raw.format);
    if (!hide && (format === 'table' || format === 'heatmap')) formats.add(format);
    if (!hide && format !== 'table' && format !== 'heatmap') formats.add('time_series');

    targets.push({
      refId,
      expr: raw.expr as string,
      legendFormat,
      interval,
      ...(intervalFactor !== undefined ? { intervalFactor } : {}),
      instant,
      hide,
      ...(raw.exemplar === true ? { exemplar: true } : {}),
    });
    resolved.push(resolveDs(ref, ds, notes, tPath));
  }

  // One datasource per Scry panel: the targets' (they agree in every real dashboard), else the panel's.
  let datasource: string | undefined;
  if (kept.length === 0) {
    datasource = isPromRef(panelRef) ? resolveDs(panelRef, ds, notes, path) : undefined;
  } else {
    datasource = resolved[0];
    const distinct = new Set(resolved.map((r) => r ?? '(default)'));
    if (distinct.size > 1) {
      notes.warn(
        path,
        `Queries use different datasources (${[...distinct].join(', ')}); Scry runs all of them on ${datasource ?? 'the default datasource'}`,
      );
    }
  }

  let format: ConvertedTargets['format'];
  if (formats.has('heatmap')) format = 'heatmap';
  else if (formats.has('table')) format = 'table';
  if (format && formats.size > 1) {
    notes.info(
      path,
      `Queries mix formats (${[...formats].sort().join(', ')}); the panel uses ${format}`,
    );
  }
  return { targets, datasource, format };
}
