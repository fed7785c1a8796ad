/**
 * Grafana's two pie charts: the core `piechart` (Grafana ≥ 8) and the legacy
 * `grafana-piechart-panel` plugin, as Scry pie options. Slice colours set per name (legacy
 * `aliasColors`, `byName` colour overrides) are kept; other overrides are left to the importer's
 * note.
 */
import { arr, isObj, num, obj, str, type Obj } from '../../model/json';
import { reducePanelFromGrafana } from '../shared/grafana';
import type { GrafanaConversion, GrafanaConverter, GrafanaPanelContext } from '../types';
import { LEGEND_VALUES, SLICE_LABELS } from './options';

const only = <T extends string>(raw: unknown, allowed: readonly T[]): T[] =>
  allowed.filter((a) => arr(raw).includes(a));

/** `byName` → fixed colour overrides as name → colour; the number of overrides used. */
function overrideColors(raw: Readonly<Obj>): { colors: Record<string, string>; used: number } {
  const colors: Record<string, string> = {};
  let used = 0;
  for (const o of arr(obj(raw.fieldConfig).overrides)) {
    const m = obj(obj(o).matcher);
    const props = arr(obj(o).properties).filter(isObj);
    const name = str(m.options);
    if (m.id !== 'byName' || !name || props.length !== 1 || props[0]!.id !== 'color') continue;
    const c = obj(props[0]!.value);
    const color = str(c.fixedColor);
    if (c.mode !== 'fixed' || !color) continue;
    colors[name] = color;
    used++;
  }
  return { colors, used };
}

function piechart(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const base = reducePanelFromGrafana(raw, ctx, []);
  const o = obj(raw.options);
  const legend = obj(o.legend);
  const hidden = legend.showLegend === false || legend.displayMode === 'hidden';
  const { colors, used } = overrideColors(raw);
  const colorMode = str(obj(ctx.fieldDefaults.color).mode);
  return {
    ...base,
    options: {
      ...base.options,
      pieType: o.pieType === 'donut' ? 'donut' : 'pie',
      legendPlacement: hidden ? 'hidden' : legend.placement === 'bottom' ? 'bottom' : 'right',
      legendValues: only(legend.values, LEGEND_VALUES),
      displayLabels: only(o.displayLabels, SLICE_LABELS),
      // Grafana keeps the field order unless the legend sorts
      sort: legend.sortBy === 'Value' ? (legend.sortDesc === false ? 'asc' : 'desc') : 'none',
      colorBy: colorMode === 'thresholds' ? 'thresholds' : 'palette',
      ...(used ? { sliceColors: colors } : {}),
    },
    handledOverrides: used,
  };
}

/** The legacy plugin's `valueName` → a reducer (Grafana's aliases: current, avg, total). */
function legacyPie(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const legend = obj(raw.legend);
  const combine = obj(raw.combine);
  const fieldConfig = ctx.fieldConfig(str(raw.format)?.trim() || 'short');
  const decimals = ctx.decimals(raw.decimals);
  if (decimals !== undefined) fieldConfig.decimals = decimals;
  const aliasColors = obj(raw.aliasColors);
  const sliceColors: Record<string, string> = {};
  for (const [k, v] of Object.entries(aliasColors)) if (str(v)) sliceColors[k] = str(v)!;
  const legendType = str(raw.legendType);
  if (legendType === 'On graph') ctx.info('Legend "On graph" is shown at the right of the pie');
  const threshold = num(combine.threshold) ?? 0;
  return {
    fieldConfig,
    options: {
      reduceOptions: {
        calcs: [ctx.calc(str(raw.valueName) ?? 'current')],
        fields: '',
        values: false,
      },
      pieType: raw.pieType === 'donut' ? 'donut' : 'pie',
      legendPlacement:
        legend.show === false ? 'hidden' : legendType === 'Under graph' ? 'bottom' : 'right',
      legendValues: [
        ...(legend.values === true ? ['value'] : []),
        ...(legend.percentage === true ? ['percent'] : []),
      ],
      displayLabels: [],
      sort: 'desc',
      ...(threshold > 0
        ? { otherBelow: Math.min(0.5, threshold), otherLabel: str(combine.label) || 'Others' }
        : {}),
      ...(Object.keys(sliceColors).length ? { sliceColors } : {}),
    },
  };
}

export function pieFromGrafana(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  return raw.type === 'grafana-piechart-panel' ? legacyPie(raw, ctx) : piechart(raw, ctx);
}

/** The importer's converter of this type (panels/grafanaConverters.ts). */
export const fromGrafana: GrafanaConverter = pieFromGrafana;
