// The Grafana importer's panel converters: each panel folder's `grafana.ts` exports `fromGrafana`.
// Only the importer imports this module, so the converters load with it (its own chunk), never
// with a dashboard view; adding a panel type still touches only its folder and the registry line.
import type { GrafanaConverter, PanelPlugin } from './types';

const modules = import.meta.glob<{ fromGrafana?: GrafanaConverter }>('./*/grafana.ts', {
  eager: true,
});
const byFolder = new Map(
  Object.entries(modules).map(([path, m]) => [path.split('/')[1]!, m.fromGrafana]),
);

/** The converter of a plugin's type: its own `fromGrafana`, else its folder's `grafana.ts`. */
export function grafanaConverter(plugin: PanelPlugin): GrafanaConverter | undefined {
  return plugin.fromGrafana ?? byFolder.get(plugin.type);
}
