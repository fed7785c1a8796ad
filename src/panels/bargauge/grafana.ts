import { reducePanelFromGrafana } from '../shared/grafana';
import type { GrafanaConverter } from '../types';

/** The importer's converter of this type (panels/grafanaConverters.ts): Grafana's options kept. */
export const fromGrafana: GrafanaConverter = (raw, ctx) =>
  reducePanelFromGrafana(raw, ctx, [
    'displayMode',
    'orientation',
    'showUnfilled',
    'valueMode',
    'namePlacement',
    'text',
  ]);
