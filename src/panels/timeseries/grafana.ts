/** Grafana `timeseries` and old `graph` panels → a time series panel's field config and options. */
import { arr, isObj, num, obj, pick, str, type Obj } from '../../model/json';
import type {
  FieldConfigInput,
  GrafanaConversion,
  GrafanaConverter,
  GrafanaPanelContext,
} from '../types';
import {
  fieldOverridesFromGrafana,
  graphOverridesFromGrafana,
  type ConvertedOverrides,
} from './grafanaOverrides';

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

const LEGEND_MODES = new Set(['list', 'table', 'hidden']);

/** `options.legend` of a time series (Grafana 7's `asTable`/`isVisible` too). */
function modernLegend(raw: unknown, ctx: GrafanaPanelContext): Obj {
  const l = obj(raw);
  let displayMode = str(l.displayMode) ?? (l.asTable === true ? 'table' : 'list');
  if (!LEGEND_MODES.has(displayMode)) displayMode = 'list';
  if (l.showLegend === false || l.isVisible === false) displayMode = 'hidden';
  const out: Obj = {
    displayMode,
    placement: l.placement === 'right' ? 'right' : 'bottom',
    calcs: ctx.calcs(l.calcs),
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

/** Puts the converted overrides on the field config and names what was dropped. */
function keepOverrides(
  fieldConfig: FieldConfigInput,
  converted: ConvertedOverrides,
  ctx: GrafanaPanelContext,
): void {
  if (converted.overrides.length) fieldConfig.overrides = converted.overrides;
  if (converted.dropped.length)
    ctx.info(`Series overrides not carried over: ${converted.dropped.join('; ')}`);
}

function timeseries(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const fieldConfig = ctx.fieldConfig('none');
  const custom = pick(obj(ctx.fieldDefaults.custom), TS_CUSTOM);
  if (Object.keys(custom).length) fieldConfig.custom = custom;
  const options = obj(raw.options);
  const rawOverrides = arr(obj(raw.fieldConfig).overrides);
  keepOverrides(fieldConfig, fieldOverridesFromGrafana(rawOverrides), ctx);
  return {
    // every override is either kept or named above
    handledOverrides: rawOverrides.length,
    fieldConfig,
    options: {
      legend:
        options.legend === undefined && isObj(raw.legend)
          ? graphLegend(raw.legend)
          : modernLegend(options.legend, ctx),
      tooltip: modernTooltip(options),
    },
  };
}

function graph(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const y1 = obj(arr(raw.yaxes)[0]);
  const fieldConfig: FieldConfigInput = { unit: str(y1.format)?.trim() || 'short' };
  const decimals = ctx.decimals(y1.decimals ?? raw.decimals);
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
  keepOverrides(fieldConfig, graphOverridesFromGrafana(raw), ctx);
  const dropped: string[] = [];
  if (arr(raw.thresholds).length) dropped.push('threshold lines');
  if (arr(raw.timeRegions).length) dropped.push('time regions');
  if (dropped.length) ctx.info(`Graph options not carried over: ${dropped.join(', ')}`);
  const xmode = str(obj(raw.xaxis).mode);
  if (xmode && xmode !== 'time') {
    ctx.warn(`Graph x-axis mode "${xmode}" is not supported; shown over time`);
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

/** Grafana `timeseries`, and the old `graph` panel it replaced. */
export function timeSeriesFromGrafana(
  raw: Readonly<Obj>,
  ctx: GrafanaPanelContext,
): GrafanaConversion {
  return raw.type === 'graph' ? graph(raw, ctx) : timeseries(raw, ctx);
}

/** The importer's converter of this type (panels/grafanaConverters.ts). */
export const fromGrafana: GrafanaConverter = timeSeriesFromGrafana;
