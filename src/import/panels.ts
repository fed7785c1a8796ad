import type { DashboardInput } from '../model/dashboard';
import type { DsContext } from './datasource';
import {
  convertMappings,
  convertThresholds,
  decimalsOf,
  legacyMappings,
  normalizeCalc,
  normalizeCalcs,
  singlestatThresholds,
} from './fields';
import { convertTargets } from './targets';
import { arr, bool, cloneJson, isObj, num, obj, pick, str, type Notes, type Obj } from './util';

type PanelInput = NonNullable<DashboardInput['panels']>[number];
type FieldConfigInput = NonNullable<PanelInput['fieldConfig']>;
/** A converted panel before it gets its id and grid position. */
export type PanelBody = Omit<PanelInput, 'id' | 'gridPos'>;

/** Panel types Scry implements (or will) under the same id as Grafana. */
export const SCRY_PANEL_TYPES = [
  'timeseries',
  'stat',
  'gauge',
  'bargauge',
  'table',
  'heatmap',
  'text',
  'alertlist',
] as const;

/** `fieldConfig.custom` keys of a time series kept from Grafana. */
const TS_CUSTOM = [
  'drawStyle',
  'lineWidth',
  'lineInterpolation',
  'lineStyle',
  'fillOpacity',
  'gradientMode',
  'showPoints',
  'pointSize',
  'spanNulls',
  'stacking',
  'axisPlacement',
  'axisLabel',
  'axisSoftMin',
  'axisSoftMax',
  'scaleDistribution',
  'thresholdsStyle',
  'barAlignment',
  'transform',
];
const TABLE_CUSTOM = ['align', 'width', 'minWidth', 'cellOptions', 'displayMode', 'filterable'];
const OPTION_KEYS: Record<string, string[]> = {
  stat: ['colorMode', 'graphMode', 'textMode', 'justifyMode', 'orientation', 'wideLayout', 'text'],
  gauge: ['showThresholdMarkers', 'showThresholdLabels', 'orientation', 'text'],
  bargauge: ['displayMode', 'orientation', 'showUnfilled', 'valueMode', 'namePlacement', 'text'],
  table: ['showHeader', 'cellHeight', 'sortBy', 'footer'],
  heatmap: [
    'calculate',
    'calculation',
    'rowsFrame',
    'color',
    'filterValues',
    'showValue',
    'cellGap',
    'cellRadius',
    'cellValues',
    'yAxis',
    'legend',
    'tooltip',
    'exemplars',
  ],
  alertlist: ['maxItems', 'sortOrder', 'stateFilter', 'alertName', 'alertInstanceLabelFilter'],
};

interface Ctx {
  path: string;
  notes: Notes;
}

/** The modern field defaults, falling back to Grafana 6's `options.fieldOptions`. */
function fieldDefaults(raw: Obj): Obj {
  const defaults = obj(obj(raw.fieldConfig).defaults);
  const fo = obj(obj(raw.options).fieldOptions);
  if (Object.keys(fo).length === 0) return defaults;
  const old = obj(fo.defaults);
  return {
    ...old,
    thresholds: old.thresholds ?? fo.thresholds,
    mappings: old.mappings ?? fo.mappings,
    ...defaults,
  };
}

/** unit, decimals, min, max, thresholds, mappings from Grafana field defaults. */
function baseFieldConfig(defaults: Obj, fallbackUnit: string, ctx: Ctx): FieldConfigInput {
  const fc: FieldConfigInput = { unit: str(defaults.unit)?.trim() || fallbackUnit };
  const decimals = decimalsOf(defaults.decimals);
  if (decimals !== undefined) fc.decimals = decimals;
  const min = num(defaults.min);
  const max = num(defaults.max);
  if (min !== undefined) fc.min = min;
  if (max !== undefined) fc.max = max;
  const thresholds = convertThresholds(defaults.thresholds);
  if (thresholds) fc.thresholds = thresholds;
  const mappings = convertMappings(
    defaults.mappings,
    `${ctx.path}.fieldConfig.defaults.mappings`,
    ctx.notes,
  );
  if (mappings) fc.mappings = mappings;
  return fc;
}

const LEGEND_MODES = new Set(['list', 'table', 'hidden']);

/** `options.legend` of a time series (Grafana 7's `asTable`/`isVisible` too). */
function modernLegend(raw: unknown): Obj {
  const l = obj(raw);
  let displayMode = str(l.displayMode) ?? (l.asTable === true ? 'table' : 'list');
  if (!LEGEND_MODES.has(displayMode)) displayMode = 'list';
  if (l.showLegend === false || l.isVisible === false) displayMode = 'hidden';
  const out: Obj = {
    displayMode,
    placement: l.placement === 'right' ? 'right' : 'bottom',
    calcs: normalizeCalcs(l.calcs),
  };
  if (typeof l.sortBy === 'string' && l.sortBy) out.sortBy = l.sortBy;
  if (typeof l.sortDesc === 'boolean') out.sortDesc = l.sortDesc;
  return out;
}

/** `options.tooltip` (Grafana 7's `tooltipOptions` too). */
function modernTooltip(options: Obj): Obj {
  const t = obj(options.tooltip ?? options.tooltipOptions);
  const mode = t.mode === 'multi' || t.mode === 'none' ? t.mode : 'single';
  const sort = t.sort === 'asc' || t.sort === 'desc' ? t.sort : 'none';
  return { mode, sort };
}

/** Graph `legend.{show, alignAsTable, rightSide, values, min, max, avg, current, total}`. */
export function graphLegend(raw: unknown): Obj {
  const l = obj(raw);
  const calcs: string[] = [];
  if (l.values === true) {
    for (const [flag, calc] of [
      ['min', 'min'],
      ['max', 'max'],
      ['avg', 'mean'],
      ['current', 'lastNotNull'],
      ['total', 'sum'],
    ] as const) {
      if (l[flag] === true) calcs.push(calc);
    }
  }
  return {
    displayMode: l.show === false ? 'hidden' : l.alignAsTable === true ? 'table' : 'list',
    placement: l.rightSide === true ? 'right' : 'bottom',
    calcs,
  };
}

function timeseries(raw: Obj, ctx: Ctx): Pick<PanelBody, 'fieldConfig' | 'options'> {
  const defaults = fieldDefaults(raw);
  const fieldConfig = baseFieldConfig(defaults, 'none', ctx);
  const custom = pick(obj(defaults.custom), TS_CUSTOM);
  if (Object.keys(custom).length) fieldConfig.custom = custom;
  const options = obj(raw.options);
  return {
    fieldConfig,
    options: {
      legend:
        options.legend === undefined && isObj(raw.legend)
          ? graphLegend(raw.legend)
          : modernLegend(options.legend),
      tooltip: modernTooltip(options),
    },
  };
}

function graph(raw: Obj, ctx: Ctx): Pick<PanelBody, 'fieldConfig' | 'options'> {
  const y1 = obj(arr(raw.yaxes)[0]);
  const fieldConfig: FieldConfigInput = { unit: str(y1.format)?.trim() || 'short' };
  const decimals = decimalsOf(y1.decimals ?? raw.decimals);
  if (decimals !== undefined) fieldConfig.decimals = decimals;
  const min = num(y1.min);
  const max = num(y1.max);
  if (min !== undefined) fieldConfig.min = min;
  if (max !== undefined) fieldConfig.max = max;

  const lines = raw.lines !== false;
  const bars = raw.bars === true;
  const points = raw.points === true;
  const custom: Obj = {
    drawStyle: bars ? 'bars' : !lines && points ? 'points' : 'line',
    lineWidth: num(raw.linewidth) ?? 1,
    fillOpacity: lines || bars ? Math.min(100, Math.max(0, (num(raw.fill) ?? 1) * 10)) : 0,
    showPoints: points ? 'always' : 'never',
    lineInterpolation: raw.steppedLine === true ? 'stepAfter' : 'linear',
  };
  if (points) custom.pointSize = (num(raw.pointradius) ?? 2) * 2;
  if ((num(raw.fillGradient) ?? 0) > 0) custom.gradientMode = 'opacity';
  if (raw.stack === true) {
    custom.stacking = { mode: raw.percentage === true ? 'percent' : 'normal', group: 'A' };
  }
  const nullMode = str(raw.nullPointMode) ?? 'null';
  if (nullMode === 'connected') custom.spanNulls = true;
  else if (nullMode === 'null as zero') custom.nullValueMode = 'null as zero';
  else custom.spanNulls = false;
  const logBase = num(y1.logBase) ?? 1;
  if (logBase !== 1) custom.scaleDistribution = { type: 'log', log: logBase };
  if (y1.show === false) custom.axisPlacement = 'hidden';
  const label = str(y1.label);
  if (label) custom.axisLabel = label;
  fieldConfig.custom = custom;

  const tooltip = obj(raw.tooltip);
  const sort = num(tooltip.sort);
  const dropped: string[] = [];
  const overrides = arr(raw.seriesOverrides);
  if (overrides.length) dropped.push(`${overrides.length} series override(s)`);
  const aliases = Object.keys(obj(raw.aliasColors));
  if (aliases.length) dropped.push(`${aliases.length} series colour(s)`);
  if (arr(raw.thresholds).length) dropped.push('threshold lines');
  if (arr(raw.timeRegions).length) dropped.push('time regions');
  if (dropped.length)
    ctx.notes.info(ctx.path, `Graph options not carried over: ${dropped.join(', ')}`);
  if (overrides.some((o) => isObj(o) && num(o.yaxis) === 2)) {
    ctx.notes.warn(ctx.path, 'Series on the right y-axis are drawn on the left axis');
  }
  const xmode = str(obj(raw.xaxis).mode);
  if (xmode && xmode !== 'time') {
    ctx.notes.warn(ctx.path, `Graph x-axis mode "${xmode}" is not supported; shown over time`);
  }
  return {
    fieldConfig,
    options: {
      legend: graphLegend(raw.legend),
      tooltip: {
        mode: tooltip.shared === false ? 'single' : 'multi',
        sort: sort === 1 ? 'asc' : sort === 2 ? 'desc' : 'none',
      },
    },
  };
}

/** reduceOptions with aliases resolved; Grafana's default is the last non-null value. */
function reduceOptions(raw: unknown, fallbackCalcs?: unknown, fallbackValues?: unknown): Obj {
  const r = obj(raw);
  const calcs = normalizeCalcs(r.calcs ?? fallbackCalcs);
  const out: Obj = {
    calcs: calcs.length ? calcs : ['lastNotNull'],
    fields: str(r.fields) ?? '',
    values: bool(r.values) ?? bool(fallbackValues) ?? false,
  };
  const limit = num(r.limit);
  if (limit !== undefined) out.limit = limit;
  return out;
}

function reducePanel(type: string, raw: Obj, ctx: Ctx): Pick<PanelBody, 'fieldConfig' | 'options'> {
  const options = obj(raw.options);
  const fo = obj(options.fieldOptions);
  return {
    fieldConfig: baseFieldConfig(fieldDefaults(raw), 'none', ctx),
    options: {
      ...pick(options, OPTION_KEYS[type] ?? []),
      reduceOptions: reduceOptions(options.reduceOptions, fo.calcs, fo.values),
    },
  };
}

function singlestat(raw: Obj, ctx: Ctx): Pick<PanelBody, 'type' | 'fieldConfig' | 'options'> {
  const gauge = obj(raw.gauge);
  const type = gauge.show === true ? 'gauge' : 'stat';
  const fieldConfig: FieldConfigInput = { unit: str(raw.format)?.trim() || 'none' };
  const decimals = decimalsOf(raw.decimals);
  if (decimals !== undefined) fieldConfig.decimals = decimals;
  const thresholds = singlestatThresholds(raw.thresholds, raw.colors);
  if (thresholds) fieldConfig.thresholds = thresholds;
  const rangeType = num(raw.mappingType) === 2;
  const mappings = legacyMappings(
    rangeType ? [] : arr(raw.valueMaps),
    rangeType ? arr(raw.rangeMaps) : [],
  );
  if (mappings.length) fieldConfig.mappings = mappings;

  const valueName = str(raw.valueName) ?? 'avg';
  const reduce = { calcs: [normalizeCalc(valueName)], fields: '', values: false };
  if (valueName === 'last_time') {
    ctx.notes.info(ctx.path, 'Singlestat "Time of last point" shows the last value instead');
  }
  const dropped: string[] = [];
  if (str(raw.prefix)) dropped.push(`prefix "${str(raw.prefix)}"`);
  if (str(raw.postfix)) dropped.push(`postfix "${str(raw.postfix)}"`);
  if (dropped.length) ctx.notes.info(ctx.path, `Singlestat ${dropped.join(' and ')} dropped`);
  if (str(raw.tableColumn)) {
    ctx.notes.warn(ctx.path, `Singlestat table column "${str(raw.tableColumn)}" is not supported`);
  }
  if (type === 'gauge') {
    fieldConfig.min = num(gauge.minValue) ?? 0;
    fieldConfig.max = num(gauge.maxValue) ?? 100;
    ctx.notes.info(ctx.path, 'Singlestat with a gauge became a gauge panel');
    return {
      type,
      fieldConfig,
      options: {
        reduceOptions: reduce,
        showThresholdMarkers: gauge.thresholdMarkers !== false,
        showThresholdLabels: gauge.thresholdLabels === true,
      },
    };
  }
  const colorMode =
    raw.colorBackground === true ? 'background' : raw.colorValue === true ? 'value' : 'none';
  return {
    type,
    fieldConfig,
    options: {
      reduceOptions: reduce,
      colorMode,
      graphMode: obj(raw.sparkline).show === true ? 'area' : 'none',
      textMode: valueName === 'name' ? 'name' : 'auto',
    },
  };
}

function table(raw: Obj, ctx: Ctx): Pick<PanelBody, 'fieldConfig' | 'options'> {
  const styles = arr(raw.styles);
  if (styles.length === 0 && raw.type !== 'table-old') {
    const defaults = fieldDefaults(raw);
    const fieldConfig = baseFieldConfig(defaults, 'none', ctx);
    const custom = pick(obj(defaults.custom), TABLE_CUSTOM);
    if (Object.keys(custom).length) fieldConfig.custom = custom;
    return { fieldConfig, options: pick(obj(raw.options), OPTION_KEYS.table ?? []) };
  }
  // Grafana ≤ 7 table: per-column `styles`; the catch-all style gives the defaults.
  const catchAll = styles.find((s) => isObj(s) && (s.pattern === '/.*/' || s.pattern === '.*'));
  const base = obj(catchAll);
  const fieldConfig: FieldConfigInput = { unit: str(base.unit)?.trim() || 'short' };
  const decimals = decimalsOf(base.decimals);
  if (decimals !== undefined) fieldConfig.decimals = decimals;
  const others = styles.length - (catchAll ? 1 : 0);
  if (others > 0) {
    ctx.notes.warn(
      ctx.path,
      `Old table: ${others} column style(s) (names, units, links, colours, hidden columns) not carried over`,
    );
  }
  const transform = str(raw.transform);
  if (transform && transform !== 'table' && transform !== 'timeseries_to_columns') {
    ctx.notes.warn(ctx.path, `Old table transform "${transform}" is not supported`);
  }
  return { fieldConfig, options: { showHeader: raw.showHeader !== false } };
}

const SCHEME_PREFIX = /^interpolate/;

function heatmap(raw: Obj, ctx: Ctx): Pick<PanelBody, 'fieldConfig' | 'options'> {
  const options = obj(raw.options);
  const old = raw.dataFormat !== undefined || (isObj(raw.yAxis) && options.calculate === undefined);
  let out: Obj;
  if (!old) {
    out = pick(options, OPTION_KEYS.heatmap ?? []);
  } else {
    const y = obj(raw.yAxis);
    const c = obj(raw.color);
    const yAxis: Obj = {};
    if (str(y.format)) yAxis.unit = str(y.format);
    const yd = decimalsOf(y.decimals);
    if (yd !== undefined) yAxis.decimals = yd;
    if (num(y.min) !== undefined) yAxis.min = num(y.min);
    if (num(y.max) !== undefined) yAxis.max = num(y.max);
    if (raw.reverseYBuckets === true) yAxis.reverse = true;
    const color: Obj = {
      mode: c.mode === 'opacity' ? 'opacity' : 'scheme',
      scheme: (str(c.colorScheme) ?? 'interpolateOranges').replace(SCHEME_PREFIX, ''),
      scale: c.colorScale === 'linear' ? 'linear' : 'exponential',
      exponent: num(c.exponent) ?? 0.5,
    };
    if (str(c.cardColor)) color.fill = str(c.cardColor);
    const bound = str(raw.yBucketBound);
    out = {
      calculate: raw.dataFormat !== 'tsbuckets',
      yAxis,
      color,
      cellGap: num(obj(raw.cards).cardPadding) ?? 1,
      rowsFrame: {
        layout:
          bound === 'upper'
            ? 'le'
            : bound === 'lower'
              ? 'ge'
              : bound === 'middle'
                ? 'unknown'
                : 'auto',
      },
      legend: { show: obj(raw.legend).show === true },
      tooltip: {
        show: obj(raw.tooltip).show !== false,
        yHistogram: obj(raw.tooltip).showHistogram === true,
      },
    };
    if (raw.hideZeroBuckets === true) out.filterValues = { le: 1e-9 };
  }
  if (out.calculate === true) {
    ctx.notes.warn(
      ctx.path,
      'Heatmap buckets computed from raw series (calculate) are kept as an option; Scry draws Prometheus `le` buckets',
    );
  }
  return { fieldConfig: baseFieldConfig(fieldDefaults(raw), 'short', ctx), options: out };
}

function text(raw: Obj, ctx: Ctx): Pick<PanelBody, 'options'> {
  const options = obj(raw.options);
  const content = str(options.content) ?? str(raw.content) ?? '';
  const rawMode = str(options.mode) ?? str(raw.mode) ?? 'markdown';
  const mode = rawMode === 'html' ? 'html' : 'markdown';
  if (rawMode !== mode) ctx.notes.info(ctx.path, `Text mode "${rawMode}" is shown as markdown`);
  if (mode === 'html') {
    ctx.notes.info(
      ctx.path,
      'HTML text is sanitized when shown (no scripts, styles or event handlers)',
    );
  }
  if (/<script/i.test(content)) {
    ctx.notes.warn(ctx.path, 'Text contains a <script>; it will not run');
  }
  return { options: { mode, content } };
}

const ALERT_STATES: Record<string, string> = {
  alerting: 'firing',
  pending: 'pending',
  ok: 'normal',
  no_data: 'noData',
  execution_error: 'error',
};

function alertlist(raw: Obj): Pick<PanelBody, 'options'> {
  const options = pick(obj(raw.options), OPTION_KEYS.alertlist ?? []);
  const limit = num(raw.limit);
  if (options.maxItems === undefined && limit !== undefined) options.maxItems = limit;
  if (options.sortOrder === undefined && num(raw.sortOrder) !== undefined) {
    options.sortOrder = num(raw.sortOrder);
  }
  if (options.stateFilter === undefined && Array.isArray(raw.stateFilter)) {
    const filter: Obj = {};
    for (const s of raw.stateFilter) {
      const key = typeof s === 'string' ? ALERT_STATES[s] : undefined;
      if (key) filter[key] = true;
    }
    options.stateFilter = filter;
  }
  return { options };
}

/** Notes for panel-level Grafana features Scry does not have. */
function commonNotes(raw: Obj, ctx: Ctx): void {
  const { notes, path } = ctx;
  const timeFrom = str(raw.timeFrom);
  if (timeFrom)
    notes.warn(
      path,
      `Relative time override "${timeFrom}" dropped; the panel uses the dashboard time range`,
    );
  const timeShift = str(raw.timeShift);
  if (timeShift) notes.warn(path, `Time shift "${timeShift}" dropped`);
  const transformations = arr(raw.transformations).filter((t) => isObj(t) && t.disabled !== true);
  if (transformations.length) {
    const ids = transformations.map((t) => str(obj(t).id) ?? '?');
    notes.warn(
      path,
      `Transformations not supported, data is shown untransformed: ${ids.join(', ')}`,
    );
  }
  const overrides = arr(obj(raw.fieldConfig).overrides);
  if (overrides.length) notes.info(path, `${overrides.length} field override(s) not carried over`);
  const lib = obj(raw.libraryPanel);
  if (Object.keys(lib).length) {
    notes.warn(
      path,
      `Library panel "${str(lib.name) ?? str(lib.uid) ?? '?'}": only the copy saved in this dashboard is imported`,
    );
  }
  if (arr(raw.links).length) notes.info(path, `${arr(raw.links).length} panel link(s) dropped`);
  if (isObj(raw.alert)) notes.info(path, 'Legacy alert rule dropped');
}

/** Converts one Grafana (non-row) panel to Scry's shape, reporting what changed. */
export function convertPanel(raw: Obj, path: string, ds: DsContext, notes: Notes): PanelBody {
  const ctx: Ctx = { path, notes };
  const grafanaType = str(raw.type) ?? '';
  const converted = convertTargets(raw, path, ds, notes);
  let body: Pick<PanelBody, 'fieldConfig' | 'options'> & { type?: string };
  let type = grafanaType;
  switch (grafanaType) {
    case 'graph':
      type = 'timeseries';
      body = graph(raw, ctx);
      break;
    case 'timeseries':
      body = timeseries(raw, ctx);
      break;
    case 'singlestat':
    case 'grafana-singlestat-panel':
      body = singlestat(raw, ctx);
      break;
    case 'stat':
    case 'gauge':
    case 'bargauge':
      body = reducePanel(grafanaType, raw, ctx);
      break;
    case 'table':
    case 'table-old':
      type = 'table';
      body = table(raw, ctx);
      break;
    case 'heatmap':
      body = heatmap(raw, ctx);
      break;
    case 'text':
      body = text(raw, ctx);
      break;
    case 'alertlist':
      body = alertlist(raw);
      break;
    default: {
      type = grafanaType || 'unknown';
      notes.warn(
        path,
        grafanaType
          ? `Panel type "${grafanaType}" is not supported by Scry; it is kept and shown as unsupported`
          : 'Panel has no type; shown as unsupported',
      );
      body = {
        fieldConfig: baseFieldConfig(fieldDefaults(raw), 'none', ctx),
        options: isObj(raw.options) ? cloneJson(raw.options) : {},
      };
    }
  }
  commonNotes(raw, ctx);
  const options: Obj = { ...(body.options ?? {}) };
  if (converted.format) options.format = converted.format;
  const out: PanelBody = {
    type: body.type ?? type,
    title: str(raw.title) ?? '',
    description: str(raw.description) ?? '',
    targets: converted.targets,
    options,
  };
  if (body.fieldConfig) out.fieldConfig = body.fieldConfig;
  if (converted.datasource !== undefined) out.datasource = converted.datasource;
  const maxDataPoints = num(raw.maxDataPoints);
  if (maxDataPoints !== undefined && maxDataPoints >= 1)
    out.maxDataPoints = Math.round(maxDataPoints);
  const interval = str(raw.interval)?.trim();
  if (interval) out.interval = interval;
  Object.assign(out, repeatFields(raw));
  return out;
}

/** Grafana's `repeat`, `repeatDirection` (h|v) and `maxPerRow` (panels and rows). */
export function repeatFields(
  raw: Obj,
): Pick<PanelBody, 'repeat' | 'repeatDirection' | 'maxPerRow'> {
  const repeat = str(raw.repeat)
    ?.trim()
    .replace(/^\$\{?(\w+)\}?$/, '$1');
  if (!repeat) return {};
  const out: Pick<PanelBody, 'repeat' | 'repeatDirection' | 'maxPerRow'> = { repeat };
  if (raw.repeatDirection === 'v') out.repeatDirection = 'v';
  else if (raw.repeatDirection === 'h') out.repeatDirection = 'h';
  const max = num(raw.maxPerRow);
  if (max !== undefined && max >= 1) out.maxPerRow = Math.min(24, Math.round(max));
  return out;
}
