import type { Dashboard } from '../model/dashboard';
import { DASHBOARD_DEFAULTS as D } from '../model/dashboardDefaults';
import { newUid } from '../state/storage';

/** An empty dashboard with the schema's defaults (time range, zone, crosshair, …). */
export function newDashboard(title = 'New dashboard'): Dashboard {
  return {
    scry: 1,
    uid: newUid(),
    title,
    description: D.description,
    tags: [],
    time: { ...D.time },
    refresh: D.refresh,
    timezone: D.timezone,
    graphTooltip: D.graphTooltip,
    variables: [],
    panels: [],
    version: D.version,
  };
}
