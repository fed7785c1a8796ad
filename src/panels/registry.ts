import alertlist from './alertlist';
import bargauge from './bargauge';
import gauge from './gauge';
import heatmap from './heatmap';
import piechart from './piechart';
import stat from './stat';
import table from './table';
import text from './text';
import timeseries from './timeseries';
import type { PanelPlugin } from './types';

/** Panel types by their stored type, and by the Grafana types they import. */
export interface PanelRegistry {
  /** in the editor's order */
  readonly plugins: readonly PanelPlugin[];
  get(type: string): PanelPlugin | undefined;
  /** the plugin that converts a Grafana panel of this type */
  forGrafana(grafanaType: string): PanelPlugin | undefined;
}

export function createRegistry(plugins: readonly PanelPlugin[]): PanelRegistry {
  const byType = new Map(plugins.map((p) => [p.type, p]));
  const byGrafana = new Map<string, PanelPlugin>();
  for (const p of plugins) for (const g of p.grafanaTypes ?? [p.type]) byGrafana.set(g, p);
  return {
    plugins,
    get: (type) => byType.get(type),
    forGrafana: (grafanaType) => byGrafana.get(grafanaType),
  };
}

// NOTE: the one deliberate barrel: every panel type is listed here, nowhere else.
export const panelRegistry: PanelRegistry = createRegistry([
  timeseries,
  stat,
  gauge,
  bargauge,
  table,
  heatmap,
  piechart,
  text,
  alertlist,
]);

export function panelPlugin(type: string): PanelPlugin | undefined {
  return panelRegistry.get(type);
}
