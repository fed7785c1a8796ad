import { noteText } from '../import/checkText';
import { importAny } from '../import/importAny';
import { allDatasources, useDatasources } from '../state/datasources';
import type { DashboardReader } from './provisioning';

/**
 * Reads Scry JSON (validated) or Grafana JSON (converted, then validated, with a note for each
 * thing dropped or changed). Grafana datasource references resolve against this browser's
 * datasource names.
 */
export const readAnyDashboard: DashboardReader = (raw) => {
  const names = allDatasources(useDatasources.getState()).map((d) => d.name);
  const r = importAny(raw, { datasourceNames: names });
  if (!r.ok) return r;
  return {
    ok: true,
    dashboard: r.dashboard,
    notes: r.report.map(noteText),
  };
};
