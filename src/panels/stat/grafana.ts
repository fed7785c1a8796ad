/** Grafana `stat` and the old `singlestat` panels (a singlestat with a gauge becomes a gauge). */
import { arr, num, obj, str, type Obj } from '../../model/json';
import { reducePanelFromGrafana } from '../shared/grafana';
import type {
  FieldConfigInput,
  GrafanaConversion,
  GrafanaConverter,
  GrafanaPanelContext,
} from '../types';

const STAT_KEYS = [
  'colorMode',
  'graphMode',
  'textMode',
  'justifyMode',
  'orientation',
  'wideLayout',
  'text',
];

function singlestat(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const gauge = obj(raw.gauge);
  const type = gauge.show === true ? 'gauge' : 'stat';
  const fieldConfig: FieldConfigInput = { unit: str(raw.format)?.trim() || 'none' };
  const decimals = ctx.decimals(raw.decimals);
  if (decimals !== undefined) fieldConfig.decimals = decimals;
  const thresholds = ctx.singlestatThresholds(raw.thresholds, raw.colors);
  if (thresholds) fieldConfig.thresholds = thresholds;
  const rangeType = num(raw.mappingType) === 2;
  const mappings = ctx.legacyMappings(
    rangeType ? [] : arr(raw.valueMaps),
    rangeType ? arr(raw.rangeMaps) : [],
  );
  if (mappings.length) fieldConfig.mappings = mappings;

  const valueName = str(raw.valueName) ?? 'avg';
  const reduce = { calcs: [ctx.calc(valueName)], fields: '', values: false };
  if (valueName === 'last_time') {
    ctx.info('Singlestat "Time of last point" shows the last value instead');
  }
  const dropped: string[] = [];
  if (str(raw.prefix)) dropped.push(`prefix "${str(raw.prefix)}"`);
  if (str(raw.postfix)) dropped.push(`postfix "${str(raw.postfix)}"`);
  if (dropped.length) ctx.info(`Singlestat ${dropped.join(' and ')} dropped`);
  if (str(raw.tableColumn)) {
    ctx.warn(`Singlestat table column "${str(raw.tableColumn)}" is not supported`);
  }
  if (type === 'gauge') {
    fieldConfig.min = num(gauge.minValue) ?? 0;
    fieldConfig.max = num(gauge.maxValue) ?? 100;
    ctx.info('Singlestat with a gauge became a gauge panel');
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

export function statFromGrafana(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  return raw.type === 'stat' ? reducePanelFromGrafana(raw, ctx, STAT_KEYS) : singlestat(raw, ctx);
}

/** The importer's converter of this type (panels/grafanaConverters.ts). */
export const fromGrafana: GrafanaConverter = statFromGrafana;
