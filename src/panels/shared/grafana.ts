/** The Grafana import of the one-value-per-series panels (stat, gauge, bar gauge). */
import { bool, num, obj, pick, str, type Obj } from '../../model/json';
import type { GrafanaConversion, GrafanaPanelContext } from '../types';

/** reduceOptions with aliases resolved; Grafana's default is the last non-null value. */
function reduceOptions(
  ctx: GrafanaPanelContext,
  raw: unknown,
  fallbackCalcs?: unknown,
  fallbackValues?: unknown,
): Obj {
  const r = obj(raw);
  const calcs = ctx.calcs(r.calcs ?? fallbackCalcs);
  const out: Obj = {
    calcs: calcs.length ? calcs : ['lastNotNull'],
    fields: str(r.fields) ?? '',
    values: bool(r.values) ?? bool(fallbackValues) ?? false,
  };
  const limit = num(r.limit);
  if (limit !== undefined) out.limit = limit;
  return out;
}

/**
 * A reducing panel: the field defaults, the listed option keys as they are, and
 * `reduceOptions` (Grafana 6's `options.fieldOptions.{calcs, values}` too).
 */
export function reducePanelFromGrafana(
  raw: Readonly<Obj>,
  ctx: GrafanaPanelContext,
  optionKeys: readonly string[],
): GrafanaConversion {
  const options = obj(raw.options);
  const fo = obj(options.fieldOptions);
  return {
    fieldConfig: ctx.fieldConfig('none'),
    options: {
      ...pick(options, optionKeys),
      reduceOptions: reduceOptions(ctx, options.reduceOptions, fo.calcs, fo.values),
    },
  };
}
