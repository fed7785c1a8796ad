/** Grafana alert list panels (the current options, and Grafana ≤ 7's panel-level fields). */
import { num, obj, pick, type Obj } from '../../model/json';
import type { GrafanaConversion, GrafanaConverter } from '../types';

const ALERTLIST_KEYS = [
  'maxItems',
  'sortOrder',
  'stateFilter',
  'alertName',
  'alertInstanceLabelFilter',
];

const ALERT_STATES: Record<string, string> = {
  alerting: 'firing',
  pending: 'pending',
  ok: 'normal',
  no_data: 'noData',
  execution_error: 'error',
};

export function alertListFromGrafana(raw: Readonly<Obj>): GrafanaConversion {
  const options = pick(obj(raw.options), ALERTLIST_KEYS);
  const limit = num(raw.limit);
  if (options.maxItems === undefined && limit !== undefined) options.maxItems = limit;
  if (options.sortOrder === undefined && num(raw.sortOrder) !== undefined) {
    options.sortOrder = num(raw.sortOrder);
  }
  if (options.stateFilter === undefined && Array.isArray(raw.stateFilter)) {
    const filter: Obj = {};
    for (const s of raw.stateFilter) {
      const key =
        typeof s === 'string' && Object.hasOwn(ALERT_STATES, s) ? ALERT_STATES[s] : undefined;
      if (key) filter[key] = true;
    }
    options.stateFilter = filter;
  }
  return { options };
}

/** The importer's converter of this type (panels/grafanaConverters.ts). */
export const fromGrafana: GrafanaConverter = alertListFromGrafana;
