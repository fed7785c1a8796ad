import type { Dashboard } from '../model/dashboard';
import { checkJsonDepth } from '../model/limits';
import { validateDashboard } from '../model/validate';
import { importGrafana, isGrafanaV2, unwrapGrafana, type ImportOptions } from './grafana';
import { isObj, type ImportNote } from './util';

/** Which dashboard format a parsed JSON value is. */
export type DashboardFormat = 'scry' | 'grafana' | 'unknown';

/** Scry JSON has `"scry": <version>`; Grafana Classic JSON has `panels`/`rows`/`schemaVersion` (bare or wrapped). */
export function detectFormat(raw: unknown): DashboardFormat {
  if (isObj(raw) && 'scry' in raw) return 'scry';
  return unwrapGrafana(raw) ? 'grafana' : 'unknown';
}

/** The outcome of {@link importAny}: a validated dashboard and its report, or why not. */
export type ImportResult =
  { ok: true; dashboard: Dashboard; report: ImportNote[] } | { ok: false; errors: string[] };

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'an array';
  if (isObj(raw)) {
    const keys = Object.keys(raw).slice(0, 8);
    return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
  }
  return typeof raw;
}

/** Reads Scry JSON (validated) or Grafana JSON (converted, then validated). */
export function importAny(raw: unknown, opts: ImportOptions = {}): ImportResult {
  const format = detectFormat(raw);
  if (format === 'scry') {
    // checks the depth first itself (one walk of a 10 000-panel dashboard, not two)
    const r = validateDashboard(raw);
    return r.ok ? { ok: true, dashboard: r.value, report: [] } : { ok: false, errors: r.errors };
  }
  // before any conversion: the converters copy values recursively
  const tooDeep = checkJsonDepth(raw);
  if (tooDeep) return { ok: false, errors: [tooDeep] };
  if (format === 'grafana') {
    let converted;
    try {
      converted = importGrafana(raw, opts);
    } catch (e) {
      return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
    }
    const r = validateDashboard(converted.dashboard);
    return r.ok
      ? { ok: true, dashboard: r.value, report: converted.report }
      : { ok: false, errors: r.errors.map((e) => `After converting from Grafana: ${e}`) };
  }
  if (isGrafanaV2(raw)) {
    return {
      ok: false,
      errors: [
        "Grafana's v2 dashboard resource (elements + layout) is not supported; export the dashboard as Classic JSON",
      ],
    };
  }
  return {
    ok: false,
    errors: [
      `Not a dashboard: expected Scry JSON (an object with "scry": 1) or Grafana dashboard JSON (an object with "panels" or "rows" and "schemaVersion", optionally inside {"dashboard": …} or {"spec": …}); got ${describe(raw)}`,
    ],
  };
}
