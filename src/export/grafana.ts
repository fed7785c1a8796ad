// "Export for Grafana": a Scry dashboard as Grafana Classic dashboard JSON, in the shape
// Grafana's "Export for sharing externally" writes: datasources become `__inputs`
// (`${DS_PROMETHEUS}`), which Grafana asks for on import. Scry's panel options and field config
// are Grafana's own vocabulary, so they are written as they are; everything Scry's importer
// (src/import/) reads comes back — see LOST_IN_GRAFANA for the few things that do not.

import {
  ROW_TYPE,
  type Dashboard,
  type Panel,
  type PanelLink,
  type Target,
} from '../model/dashboard';
import { grafanaUrlFromScry } from '../model/links';
import type { Variable } from '../model/variable';

type Obj = Record<string, unknown>;

/** The Grafana schema version written (Grafana 10.4/11: the layout Scry's importer reads). */
export const GRAFANA_SCHEMA_VERSION = 39;

/** What a Scry → Grafana → Scry round trip does not keep (README "Sharing"). */
export const LOST_IN_GRAFANA: readonly string[] = [
  'the datasource names: Grafana asks for each ${DS_…} input on import, and Scry maps inputs to its default datasource',
  '“load external images” (a Scry-only switch; text panels ask again)',
  'the dashboard’s version number (Grafana and Scry count saves separately)',
  "heatmap panels' percentiles, colour scale and chosen group (Grafana's heatmap options differ)",
  "time series panels' alert annotations switch",
  "table panels' per-column settings and reducer",
  "alert list panels' grouping",
];

/** `${DS_…}` input name for a Scry datasource name; undefined = the default datasource. */
export function inputName(datasource: string | undefined): string {
  if (datasource === undefined) return 'DS_PROMETHEUS';
  const slug = datasource
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `DS_${slug || 'PROMETHEUS'}`;
}

interface Inputs {
  /** input name → the Scry datasource it stands for (undefined = default) */
  byName: Map<string, string | undefined>;
}

/** A Grafana datasource reference for a Scry one (name, `$var`, or the default). */
function dsRef(datasource: string | undefined, inputs: Inputs): Obj {
  const v = datasource && /^\$\{?(\w+)\}?$/.exec(datasource);
  if (v) return { type: 'prometheus', uid: `\${${v[1]}}` };
  let name = inputName(datasource);
  // two Scry names with the same slug get numbered inputs
  for (let i = 2; inputs.byName.has(name) && inputs.byName.get(name) !== datasource; i++)
    name = `${inputName(datasource)}_${i}`;
  inputs.byName.set(name, datasource);
  return { type: 'prometheus', uid: `\${${name}}` };
}

function target(t: Target, format: string, ds: Obj): Obj {
  return {
    refId: t.refId,
    datasource: ds,
    editorMode: 'code',
    expr: t.expr,
    legendFormat: t.legendFormat,
    interval: t.interval,
    ...(t.intervalFactor !== undefined && t.intervalFactor > 1
      ? { intervalFactor: t.intervalFactor }
      : {}),
    instant: t.instant,
    range: !t.instant,
    hide: t.hide,
    exemplar: t.exemplar === true,
    format,
  };
}

function panel(p: Panel, inputs: Inputs): Obj {
  if (p.type === ROW_TYPE) {
    const row: Obj = {
      id: p.id,
      type: ROW_TYPE,
      title: p.title,
      gridPos: p.gridPos,
      collapsed: p.collapsed === true,
      panels: (p.panels ?? []).map((c) => panel(c, inputs)),
    };
    repeat(p, row);
    return row;
  }
  const ds = dsRef(p.datasource, inputs);
  const { format, ...scryOptions } = p.options;
  const options = grafanaOptions(scryOptions);
  const targetFormat = format === 'table' || format === 'heatmap' ? format : 'time_series';
  const { unit, decimals, min, max, thresholds, mappings, custom, overrides } = p.fieldConfig;
  const defaults: Obj = { unit };
  if (decimals !== undefined) defaults.decimals = decimals;
  if (min !== undefined) defaults.min = min;
  if (max !== undefined) defaults.max = max;
  if (thresholds) defaults.thresholds = thresholds;
  if (mappings) defaults.mappings = mappings;
  if (custom) defaults.custom = custom;
  if (p.fieldConfig.links) defaults.links = exportLinks(p.fieldConfig.links);
  const out: Obj = {
    id: p.id,
    type: p.type,
    title: p.title,
    description: p.description,
    gridPos: p.gridPos,
    datasource: ds,
    targets: p.targets.map((t) => target(t, targetFormat, ds)),
    // Scry's overrides are Grafana's shape (matchers and properties under Grafana's ids)
    fieldConfig: { defaults, overrides: overrides ?? [] },
    options,
  };
  if (p.links) out.links = exportLinks(p.links);
  // kept in Grafana's shape: back as they came (disabled ones too)
  if (p.transformations?.length) out.transformations = p.transformations;
  if (p.maxDataPoints !== undefined) out.maxDataPoints = p.maxDataPoints;
  if (p.interval !== undefined) out.interval = p.interval;
  if (p.timeFrom !== undefined) out.timeFrom = p.timeFrom;
  if (p.timeShift !== undefined) out.timeShift = p.timeShift;
  if (p.hideTimeOverride !== undefined) out.hideTimeOverride = p.hideTimeOverride;
  repeat(p, out);
  return out;
}

/**
 * Panel options in Grafana's names where Scry's differ (Scry's own names stay too: Grafana keeps
 * options it does not know, and Scry's readers prefer them).
 */
function grafanaOptions(o: Obj): Obj {
  const out: Obj = { ...o };
  if (typeof o.reduce === 'string')
    out.reduceOptions = { calcs: [o.reduce], fields: '', values: false };
  if (typeof o.nameFilter === 'string') out.alertName = o.nameFilter;
  if (typeof o.labelFilter === 'string') out.alertInstanceLabelFilter = o.labelFilter;
  const sortBy = o.sortBy;
  if (sortBy && typeof sortBy === 'object' && !Array.isArray(sortBy)) {
    const { column, desc } = sortBy as { column?: unknown; desc?: unknown };
    if (typeof column === 'string') out.sortBy = [{ displayName: column, desc: desc === true }];
  }
  return out;
}

/** Panel and data links with Scry's dashboard URLs made Grafana's again. */
const exportLinks = (links: readonly PanelLink[]): Obj[] =>
  links.map((l) => ({ ...l, url: grafanaUrlFromScry(l.url) }));

function repeat(p: Panel, out: Obj) {
  if (p.repeat === undefined) return;
  out.repeat = p.repeat;
  if (p.repeatDirection) out.repeatDirection = p.repeatDirection;
  if (p.maxPerRow !== undefined) out.maxPerRow = p.maxPerRow;
}

/** Grafana's `current`: `{text, value}`; All is `$__all`. */
function current(v: Variable): Obj {
  const c = v.type === 'constant' ? v.query : v.current;
  if (c === undefined) return {};
  if (c === '$__all' || (Array.isArray(c) && c.includes('$__all')))
    return { selected: true, text: ['All'], value: ['$__all'] };
  return { selected: true, text: c, value: c };
}

function variable(v: Variable, inputs: Inputs): Obj {
  const out: Obj = { name: v.name, type: v.type };
  if (v.label !== undefined) out.label = v.label;
  if (v.description !== undefined) out.description = v.description;
  if (v.type === 'query') {
    out.datasource = dsRef(v.datasource, inputs);
    out.definition = v.query;
    out.query = { query: v.query, refId: 'PrometheusVariableQueryEditor-VariableQuery' };
  } else out.query = v.query;
  out.regex = v.regex;
  out.sort = v.sort;
  out.refresh = v.refresh;
  out.hide = v.hide;
  out.multi = v.multi;
  out.includeAll = v.includeAll;
  if (v.allValue !== undefined) out.allValue = v.allValue;
  if (v.skipUrlSync !== undefined) out.skipUrlSync = v.skipUrlSync;
  out.current = current(v);
  out.options = [];
  if (v.type === 'interval') {
    if (v.auto !== undefined) out.auto = v.auto;
    if (v.auto_count !== undefined) out.auto_count = v.auto_count;
    if (v.auto_min !== undefined) out.auto_min = v.auto_min;
  }
  return out;
}

/** The dashboard as Grafana dashboard JSON with `__inputs` for its datasources. */
export function toGrafana(d: Dashboard): Obj {
  const inputs: Inputs = { byName: new Map() };
  const templating = d.variables.map((v) => variable(v, inputs));
  const panels = d.panels.map((p) => panel(p, inputs));
  const types = [...new Set(d.panels.flatMap((p) => [p, ...(p.panels ?? [])]).map((p) => p.type))]
    .filter((t) => t !== ROW_TYPE)
    .sort();
  return {
    __inputs: [...inputs.byName].map(([name, ds]) => ({
      name,
      label: ds ?? 'Prometheus',
      description: ds
        ? `The datasource Scry calls "${ds}"`
        : "The datasource Scry's default datasource stands for",
      type: 'datasource',
      pluginId: 'prometheus',
      pluginName: 'Prometheus',
    })),
    __requires: [
      { type: 'grafana', id: 'grafana', name: 'Grafana', version: '10.0.0' },
      { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
      ...types.map((t) => ({ type: 'panel', id: t, name: t, version: '' })),
    ],
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    editable: true,
    graphTooltip: d.graphTooltip,
    links: (d.links ?? []).map((l) => ({ ...l, url: grafanaUrlFromScry(l.url) })),
    panels,
    refresh: d.refresh,
    schemaVersion: GRAFANA_SCHEMA_VERSION,
    tags: d.tags,
    templating: { list: templating },
    time: d.time,
    timepicker: {},
    timezone: d.timezone,
    title: d.title,
    description: d.description,
    uid: d.uid,
    version: 1,
  };
}

/** Pretty JSON of {@link toGrafana}, as downloaded and copied. */
export function grafanaJson(d: Dashboard): string {
  return JSON.stringify(toGrafana(d), null, 2) + '\n';
}

/** `my-board.grafana.json` */
export function grafanaFileName(scryFileName: string): string {
  return scryFileName.replace(/\.json$/, '') + '.grafana.json';
}
