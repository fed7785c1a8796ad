/** Grafana heatmap panels: the current options as they are, Grafana ≤ 8's layout converted. */
import { isObj, num, obj, pick, str, type Obj } from '../../model/json';
import type { GrafanaConversion, GrafanaConverter, GrafanaPanelContext } from '../types';

const HEATMAP_KEYS = [
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
];

const SCHEME_PREFIX = /^interpolate/;

/** Grafana ≤ 8 (`dataFormat`, `yAxis`, `color`, `cards`) → the current option names. */
function oldHeatmap(raw: Readonly<Obj>, ctx: GrafanaPanelContext): Obj {
  const y = obj(raw.yAxis);
  const c = obj(raw.color);
  const yAxis: Obj = {};
  if (str(y.format)) yAxis.unit = str(y.format);
  const yd = ctx.decimals(y.decimals);
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
  const out: Obj = {
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
  return out;
}

export function heatmapFromGrafana(
  raw: Readonly<Obj>,
  ctx: GrafanaPanelContext,
): GrafanaConversion {
  const options = obj(raw.options);
  const old = raw.dataFormat !== undefined || (isObj(raw.yAxis) && options.calculate === undefined);
  const out = old ? oldHeatmap(raw, ctx) : pick(options, HEATMAP_KEYS);
  if (out.calculate === true) {
    ctx.warn(
      'Heatmap buckets computed from raw series (calculate) are kept as an option; Scry draws Prometheus `le` buckets',
    );
  }
  return { fieldConfig: heatmapFieldConfig(obj(out.yAxis), ctx), options: out };
}

/**
 * Grafana puts a heatmap's unit and decimals on its y axis (`options.yAxis.unit`, Grafana ≤ 8's
 * `yAxis.format`); Scry reads them from the field config, where the field defaults win.
 */
function heatmapFieldConfig(yAxis: Readonly<Obj>, ctx: GrafanaPanelContext) {
  const fieldConfig = ctx.fieldConfig('short');
  const unit = str(yAxis.unit)?.trim();
  if (unit && !str(ctx.fieldDefaults.unit)?.trim()) fieldConfig.unit = unit;
  const decimals = ctx.decimals(yAxis.decimals);
  if (decimals !== undefined && fieldConfig.decimals === undefined) fieldConfig.decimals = decimals;
  return fieldConfig;
}

/** The importer's converter of this type (panels/grafanaConverters.ts). */
export const fromGrafana: GrafanaConverter = heatmapFromGrafana;
