import type { PanelPlugin } from './types';
import { timeseriesPanel } from './timeseries/plugin';

// NOTE: the one deliberate barrel: every panel type is listed here, nowhere else.
const plugins: PanelPlugin[] = [timeseriesPanel];

export const panelRegistry: ReadonlyMap<string, PanelPlugin> = new Map(
  plugins.map((p) => [p.id, p]),
);

export function panelPlugin(type: string): PanelPlugin | undefined {
  return panelRegistry.get(type);
}
