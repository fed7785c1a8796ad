/**
 * What a dashboard has when its JSON leaves a field out: the schema's defaults
 * (model/dashboard.ts) and a new dashboard (app/newDashboard.ts) both come from here. Kept apart
 * from the schema so a new dashboard does not load zod.
 */
export const DASHBOARD_DEFAULTS = {
  description: '',
  time: { from: 'now-6h', to: 'now' },
  refresh: '',
  timezone: 'browser',
  graphTooltip: 1 as 0 | 1 | 2,
  version: 0,
} as const;
