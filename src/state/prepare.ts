// The store's parts that validate (zod): preparing a dashboard for storage (validated and
// serialised BEFORE any transaction) and reading the pre-IndexedDB localStorage profile. Their own
// module so that the validator loads only when something is saved or migrated (src/state/db.ts
// imports it on demand), not with the dashboard view. Pure: unit-tested.

import type { Dashboard } from '../model/dashboard';
import { checkJsonDepth } from '../model/limits';
import { validateDashboard } from '../model/validate';
import type { Datasource } from './datasources';
import { LEGACY_DASHBOARDS_KEY, LEGACY_DATASOURCES_KEY } from './records';

export type Prepared =
  { ok: true; dashboard: Dashboard; json: string } | { ok: false; error: string };

/**
 * Validates and serialises a dashboard as it will be stored (with `version` = the revision it
 * gets), and proves the text reads back as the same valid dashboard. Nothing that fails here
 * reaches a transaction, so nothing is saved that cannot be read back.
 */
export function prepareDashboard(d: Dashboard, revision: number): Prepared {
  const deep = checkJsonDepth(d);
  if (deep) return { ok: false, error: `The dashboard cannot be saved: ${deep}` };
  let json: string;
  try {
    json = JSON.stringify({ ...d, version: revision });
  } catch (e) {
    return {
      ok: false,
      error: `The dashboard cannot be saved: it could not be serialised (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  const back = validateDashboard(JSON.parse(json) as unknown);
  if (!back.ok)
    return {
      ok: false,
      error: `The dashboard cannot be saved, it is not valid: ${back.errors.slice(0, 3).join('; ')}${back.errors.length > 3 ? ` (and ${back.errors.length - 3} more)` : ''}`,
    };
  return { ok: true, dashboard: back.value, json };
}

/** What the localStorage keys of Scry before IndexedDB held (zustand's persist format). */
export interface LegacyProfile {
  dashboards: { dashboard: Dashboard; savedAt: number }[];
  datasources: Datasource[];
  /** entries that could not be read, each with where and why (they stay in localStorage) */
  problems: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function stateOf(text: string | null, key: string, problems: string[]): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (isObj(parsed) && isObj(parsed.state)) return parsed.state;
    problems.push(`${key}: not in the expected format`);
  } catch (e) {
    problems.push(`${key}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return {};
}

/** Reads the localStorage profile written by Scry before IndexedDB (`{state, version: 1}`). */
export function readLegacyProfile(get: (key: string) => string | null): LegacyProfile {
  const problems: string[] = [];
  const out: LegacyProfile = { dashboards: [], datasources: [], problems };
  const dashState = stateOf(get(LEGACY_DASHBOARDS_KEY), LEGACY_DASHBOARDS_KEY, problems);
  const saved = isObj(dashState.saved) ? dashState.saved : {};
  for (const [uid, entry] of Object.entries(saved)) {
    const raw = isObj(entry) ? entry.dashboard : undefined;
    const r = validateDashboard(raw);
    if (!r.ok) {
      problems.push(`dashboard "${uid}": ${r.errors.slice(0, 2).join('; ')}`);
      continue;
    }
    const savedAt = isObj(entry) && typeof entry.savedAt === 'number' ? entry.savedAt : Date.now();
    out.dashboards.push({ dashboard: r.value, savedAt });
  }
  const dsState = stateOf(get(LEGACY_DATASOURCES_KEY), LEGACY_DATASOURCES_KEY, problems);
  for (const [i, d] of (Array.isArray(dsState.own) ? dsState.own : []).entries()) {
    if (
      isObj(d) &&
      typeof d.id === 'string' &&
      typeof d.name === 'string' &&
      typeof d.url === 'string'
    )
      out.datasources.push({
        ...(d as Partial<Datasource>),
        id: d.id,
        name: d.name,
        url: d.url,
        scrapeInterval: typeof d.scrapeInterval === 'string' ? d.scrapeInterval : '15s',
        headers: Array.isArray(d.headers)
          ? d.headers.filter(
              (h): h is { name: string; value: string } =>
                isObj(h) && typeof h.name === 'string' && typeof h.value === 'string',
            )
          : [],
        isDefault: d.isDefault === true,
        maxConcurrent: typeof d.maxConcurrent === 'number' ? d.maxConcurrent : 6,
      });
    else problems.push(`datasource ${i}: not in the expected format`);
  }
  return out;
}
