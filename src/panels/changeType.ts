import type { Panel } from '../model/dashboard';
import type { MetricUnitLookup } from '../units/metricUnit';
import { panelPlugin } from './registry';

/** The unit of a panel that has not chosen one (Grafana's default). */
const DEFAULT_UNIT = 'short';

/**
 * A panel turned into another type (the editor's Visualization, "Show as heatmap"): the new
 * type's default options, the shared field settings kept (Grafana's behaviour); a panel without
 * a unit of its own takes the one the new type reads from its queries (a heatmap of
 * `…_seconds_bucket` → seconds), the metadata's `unit` first.
 */
export function changePanelType(p: Panel, type: string, metadataUnit?: MetricUnitLookup): Panel {
  const plugin = panelPlugin(type);
  if (!plugin || type === p.type) return { ...p, type };
  const d = plugin.defaults();
  const keep = Object.fromEntries(
    Object.entries(p.options).filter(([k]) => k in d.options && k === 'reduce'),
  );
  const fieldConfig = {
    ...d.fieldConfig,
    ...p.fieldConfig,
    thresholds: p.fieldConfig.thresholds ?? d.fieldConfig.thresholds,
  };
  const ownUnit = p.fieldConfig.unit && p.fieldConfig.unit !== DEFAULT_UNIT;
  const unit = ownUnit
    ? undefined
    : plugin.unitFor?.(
        p.targets.filter((t) => !t.hide).map((t) => t.expr),
        metadataUnit,
      );
  return {
    ...p,
    type,
    options: { ...d.options, ...keep },
    fieldConfig: unit ? { ...fieldConfig, unit } : fieldConfig,
  };
}
