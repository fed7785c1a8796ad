import type { PanelPlugin } from './types';
import { alertlistPanel } from './alertlist/plugin';
import { bargaugePanel } from './bargauge/plugin';
import { gaugePanel } from './gauge/plugin';
import { heatmapPanel } from './heatmap/plugin';
import { statPanel } from './stat/plugin';
import { tablePanel } from './table/plugin';
import { textPanel } from './text/plugin';
import { timeseriesPanel } from './timeseries/plugin';

// NOTE: the one deliberate barrel: every panel type is listed here, nowhere else.
const plugins: PanelPlugin[] = [
  timeseriesPanel,
  statPanel,
  gaugePanel,
  bargaugePanel,
  tablePanel,
  heatmapPanel,
  textPanel,
  alertlistPanel,
];

export const panelRegistry: ReadonlyMap<string, PanelPlugin> = new Map(
  plugins.map((p) => [p.id, p]),
);

export function panelPlugin(type: string): PanelPlugin | undefined {
  return panelRegistry.get(type);
}
