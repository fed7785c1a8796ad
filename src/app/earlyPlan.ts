// The start-up planner's pure part: from the opened dashboard's JSON, the page's size and the
// datasources, the requests its first screen will make — computed with the same functions the
// panels use (planPanel, the grid's geometry, the time range's resolution), so each request is
// the very one a panel sends once the app has loaded (then it takes the answer already on its
// way: prometheus/client.ts `sendEarly`). Anything it cannot see through exactly (variables, a
// panel's own time range, repeats, rows' folding) is left to the app: a wrong guess would cost a
// second request, a missed one costs nothing.

import { DASHBOARD_DEFAULTS as D } from '../model/dashboardDefaults';
import { FLAVOURS, type Flavour } from '../model/flavour';
import type { DatasourceHandle } from '../query/env';
import { planPanel, queryWidthPx, type PlannedPanel, type TargetPlan } from '../query/plan';
import { resolveShownRange, timeFromUrl } from '../time/range';
import { cellTopPx, gridContentWidth, panelBodyWidthPx } from './dashboard/gridGeometry';
import {
  CONFIG_DEFAULTS,
  CONFIG_TIMEOUT,
  configDatasources,
  type ConfigDatasource,
} from './startup';
import type { Datasource } from '../state/datasourceList';

/** What the planner reads of a panel. */
export interface EarlyPanel extends PlannedPanel {
  type: string;
  gridPos: { x: number; y: number; w: number; h: number };
}

/** What the planner reads of a dashboard, the schema's defaults filled in. */
export interface EarlyDashboard {
  uid: string;
  title: string;
  time: { from: string; to: string };
  refresh: string;
  timezone: string;
  panels: EarlyPanel[];
}

/**
 * How each panel type queries (the registry's `queryMode`; a unit test holds the two equal).
 * Types not listed are left to the app.
 */
export const EARLY_QUERY_MODES: Record<string, 'range' | 'instant' | 'none'> = {
  timeseries: 'range',
  stat: 'range',
  gauge: 'range',
  bargauge: 'range',
  heatmap: 'range',
  piechart: 'range',
  table: 'instant',
  text: 'none',
  alertlist: 'none',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max = Infinity): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
/** a field: absent → `dflt`; present with the wrong type → undefined (the file is not planned) */
function field<T>(o: Obj, key: string, ok: (v: unknown) => v is T, dflt: T): T | undefined {
  const v = o[key];
  if (v === undefined) return dflt;
  return ok(v) ? v : undefined;
}
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const UID = /^[A-Za-z0-9_-]{1,40}$/;

function readTarget(t: unknown): EarlyPanel['targets'][number] | undefined {
  if (!isObj(t) || !isStr(t.refId) || t.refId === '' || !isStr(t.expr)) return undefined;
  const interval = field(t, 'interval', isStr, '');
  const instant = field(t, 'instant', isBool, false);
  const hide = field(t, 'hide', isBool, false);
  const factor = t.intervalFactor;
  if (interval === undefined || instant === undefined || hide === undefined) return undefined;
  if (factor !== undefined && !isInt(factor, 1, 100)) return undefined;
  return {
    refId: t.refId,
    expr: t.expr,
    interval,
    instant,
    hide,
    ...(factor !== undefined ? { intervalFactor: factor } : {}),
  };
}

/** A panel as planning sees it; undefined: not one the planner can plan exactly. */
function readPanel(p: Obj): EarlyPanel | undefined {
  const g = p.gridPos;
  if (!isStr(p.type) || !isObj(g)) return undefined;
  if (!isInt(g.x, 0, 23) || !isInt(g.y, 0) || !isInt(g.w, 1, 24) || !isInt(g.h, 1, 200))
    return undefined;
  // its own range, repeats: the app works them out
  if (p.timeFrom !== undefined || p.timeShift !== undefined || p.repeat !== undefined)
    return undefined;
  const ds = p.datasource;
  if (ds !== undefined && (!isStr(ds) || ds.includes('$'))) return undefined;
  const mdp = p.maxDataPoints;
  if (mdp !== undefined && !isInt(mdp, 1)) return undefined;
  const interval = p.interval;
  if (interval !== undefined && !isStr(interval)) return undefined;
  const rawTargets = field(p, 'targets', Array.isArray, []);
  if (!rawTargets) return undefined;
  const targets = (rawTargets as unknown[]).map(readTarget);
  if (targets.some((t) => t === undefined)) return undefined;
  return {
    type: p.type,
    gridPos: { x: g.x, y: g.y, w: g.w, h: g.h },
    targets: targets as EarlyPanel['targets'],
    ...(ds !== undefined ? { datasource: ds } : {}),
    ...(mdp !== undefined ? { maxDataPoints: mdp } : {}),
    ...(interval !== undefined ? { interval } : {}),
  };
}

/**
 * Reads a Scry dashboard (format 1) for planning, with the schema's defaults. Null when it has
 * variables (their values come from queries and the URL), or is not a Scry dashboard the schema
 * would take as far as planning can tell (a Grafana export: the app converts it). Panels the
 * planner cannot plan exactly are left out; so is everything from the first row on (rows fold).
 */
export function readForPlanning(raw: unknown): EarlyDashboard | null {
  if (!isObj(raw) || raw.scry !== 1) return null;
  if (!isStr(raw.uid) || !UID.test(raw.uid) || !isStr(raw.title) || raw.title === '') return null;
  const variables = field(raw, 'variables', Array.isArray, []);
  if (!variables || variables.length > 0) return null;
  const time = raw.time === undefined ? { ...D.time } : raw.time;
  if (!isObj(time) || !isStr(time.from) || !isStr(time.to) || !time.from || !time.to) return null;
  const refresh = field(raw, 'refresh', isStr, D.refresh);
  const timezone = field(raw, 'timezone', isStr, D.timezone);
  const list = field(raw, 'panels', Array.isArray, []);
  if (refresh === undefined || timezone === undefined || !list) return null;
  const panels: EarlyPanel[] = [];
  let rowY = Infinity;
  for (const p of list as unknown[]) {
    if (!isObj(p)) return null;
    if (p.type === 'row') {
      rowY = Math.min(rowY, isObj(p.gridPos) && isInt(p.gridPos.y, 0) ? p.gridPos.y : 0);
      continue;
    }
    const panel = readPanel(p);
    if (panel && panel.gridPos.y < rowY) panels.push(panel);
  }
  return {
    uid: raw.uid,
    title: raw.title,
    time: { from: time.from, to: time.to },
    refresh,
    timezone,
    panels,
  };
}

const isMaxConcurrent = (v: unknown): v is number => isInt(v, 1, CONFIG_DEFAULTS.maxConcurrentMax);
/** config.json's optional datasource fields and what each must be when present */
const OPTIONAL_FIELDS: Record<string, (v: unknown) => boolean> = {
  flavour: (v) => FLAVOURS.includes(v as Flavour),
  orgId: isStr,
  partialResponse: isBool,
  dedup: isBool,
  exemplarLink: isStr,
  timeout: (v) => isStr(v) && CONFIG_TIMEOUT.test(v),
};

/** config.json's datasources, read as provisioning.ts' schema reads them; null if it would not. */
export function readConfigDatasources(raw: unknown): Datasource[] | null {
  if (!isObj(raw)) return null;
  const list = field(raw, 'datasources', Array.isArray, []);
  if (!list) return null;
  const out: ConfigDatasource[] = [];
  for (const d of list as unknown[]) {
    if (!isObj(d) || !isStr(d.name) || d.name === '' || !isStr(d.url)) return null;
    if (!URL.canParse(d.url) || (d.type !== undefined && d.type !== 'prometheus')) return null;
    const headers = field(d, 'headers', isObj, {});
    const dflt = field(d, 'default', isBool, CONFIG_DEFAULTS.default);
    const scrapeInterval = field(d, 'scrapeInterval', isStr, CONFIG_DEFAULTS.scrapeInterval);
    const maxConcurrent = field(d, 'maxConcurrent', isMaxConcurrent, CONFIG_DEFAULTS.maxConcurrent);
    if (!headers || !Object.values(headers).every(isStr)) return null;
    if (dflt === undefined || scrapeInterval === undefined || maxConcurrent === undefined)
      return null;
    if (Object.entries(OPTIONAL_FIELDS).some(([k, ok]) => d[k] !== undefined && !ok(d[k])))
      return null;
    // the optional fields' types were checked just above
    const opt = d as Pick<
      ConfigDatasource,
      'flavour' | 'orgId' | 'partialResponse' | 'dedup' | 'exemplarLink' | 'timeout'
    >;
    out.push({
      name: d.name,
      url: d.url,
      default: dflt,
      scrapeInterval,
      headers: headers as Record<string, string>,
      maxConcurrent,
      flavour: opt.flavour,
      orgId: opt.orgId,
      partialResponse: opt.partialResponse,
      dedup: opt.dedup,
      exemplarLink: opt.exemplarLink,
      timeout: opt.timeout,
    });
  }
  return configDatasources(out);
}

/** The page the dashboard will be drawn in. */
export interface EarlyPage {
  /** the page's width without a scrollbar (document.documentElement.clientWidth) */
  widthPx: number;
  heightPx: number;
  /** a classic scrollbar's width (0 with overlay scrollbars or one already shown) */
  scrollbarPx: number;
  /** at least this much of the page is above the grid (top bar, toolbar) */
  headerPx: number;
}

export interface EarlyRequest {
  handle: DatasourceHandle;
  plan: TargetPlan;
}

/**
 * The requests of the panels that are surely in view once the dashboard is drawn: their top
 * within the page's height below the header (the app's observer also takes the next 100 px:
 * those are left to it), each at the width the grid will give it.
 */
export function planEarly(input: {
  dashboard: EarlyDashboard;
  params: URLSearchParams;
  nowMs: number;
  page: EarlyPage;
  datasource(name: string | undefined): DatasourceHandle | { error: string };
}): EarlyRequest[] {
  const { dashboard: d, page } = input;
  const defaults = { from: d.time.from, to: d.time.to, refresh: d.refresh, timeZone: d.timezone };
  const { raw, timeZone } = timeFromUrl(input.params, defaults);
  const { fromMs, toMs } = resolveShownRange(raw, defaults, { nowMs: input.nowMs, timeZone });
  const env = {
    fromMs,
    toMs,
    timeZone,
    datasource: input.datasource,
    scope: {},
    dashboard: { uid: d.uid, title: d.title },
  };
  let bottom = 0;
  for (const p of d.panels) bottom = Math.max(bottom, cellTopPx(p.gridPos.y + p.gridPos.h));
  const overflows = page.headerPx + bottom > page.heightPx;
  const content = gridContentWidth(page.widthPx - (overflows ? page.scrollbarPx : 0));
  const out: EarlyRequest[] = [];
  for (const panel of d.panels) {
    const mode = EARLY_QUERY_MODES[panel.type];
    if (!mode || mode === 'none') continue;
    if (page.headerPx + cellTopPx(panel.gridPos.y) >= page.heightPx) continue;
    const handle = input.datasource(panel.datasource);
    if ('error' in handle) continue;
    const width = queryWidthPx(panelBodyWidthPx(content, panel.gridPos.w));
    const { plans } = planPanel(panel, env, width, mode === 'instant');
    for (const plan of plans) if (!('error' in plan)) out.push({ handle, plan });
  }
  return out;
}
