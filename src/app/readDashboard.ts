import { readScryDashboard, type DashboardReader } from './provisioning';

/** Reads Scry JSON (Grafana JSON goes through the importer once wired in). */
export const readAnyDashboard: DashboardReader = (raw) => readScryDashboard(raw);
