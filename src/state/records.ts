// Pure parts of the store: the record shapes, preparing a dashboard for storage (validated and
// serialised BEFORE any transaction), reading the pre-IndexedDB localStorage profile, and which
// history versions to keep. No IndexedDB here, so all of it is unit-tested.

import type { Dashboard } from '../model/dashboard';
import { checkJsonDepth } from '../model/limits';
import { validateDashboard } from '../model/validate';
import type { Datasource } from './datasources';

/** One saved dashboard: `json` is exactly what was validated, `revision` counts its saves. */
export interface DashboardRecord {
  uid: string;
  revision: number;
  /** epoch ms of the commit */
  savedAt: number;
  json: string;
}

/** One entry of a dashboard's history (the newest is the current version). */
export interface VersionRecord {
  uid: string;
  revision: number;
  savedAt: number;
  /** optional note given when saving ('' = none) */
  message: string;
  json: string;
  bytes: number;
}

export type VersionInfo = Omit<VersionRecord, 'json'>;

/** How much history to keep per dashboard. */
export interface HistoryLimits {
  /** versions kept (newest first), at least 1 */
  count: number;
  /** total bytes of one dashboard's versions; the newest is kept whatever its size */
  bytes: number;
}

export const DEFAULT_HISTORY: HistoryLimits = { count: 20, bytes: 5 * 1024 * 1024 };

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

/** The dashboard stored in a record (it was validated before it was written). */
export const recordDashboard = (r: Pick<DashboardRecord, 'json'>): Dashboard =>
  JSON.parse(r.json) as Dashboard;

/**
 * The revisions to delete so that the kept ones (newest first) are at most `limits.count` and
 * `limits.bytes` in total; the newest is always kept.
 */
export function versionsToPrune(
  versions: readonly Pick<VersionRecord, 'revision' | 'bytes'>[],
  limits: HistoryLimits,
): number[] {
  const newestFirst = [...versions].sort((a, b) => b.revision - a.revision);
  const drop: number[] = [];
  let total = 0;
  newestFirst.forEach((v, i) => {
    total += v.bytes;
    if (i > 0 && (i >= Math.max(1, limits.count) || total > limits.bytes)) drop.push(v.revision);
  });
  return drop;
}

/** What the localStorage keys of Scry before IndexedDB held (zustand's persist format). */
export interface LegacyProfile {
  dashboards: { dashboard: Dashboard; savedAt: number }[];
  datasources: Datasource[];
  /** entries that could not be read, each with where and why (they stay in localStorage) */
  problems: string[];
}

export const LEGACY_DASHBOARDS_KEY = 'scry.dashboards';
export const LEGACY_DATASOURCES_KEY = 'scry.datasources';

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

/** Limits the Settings page accepts: 1–100 versions, 1–50 MB per dashboard. */
export const HISTORY_BOUNDS = { count: [1, 100], megabytes: [1, 50] } as const;

/** Reads the history limits typed in Settings (versions, megabytes), or says what is wrong. */
export function parseHistoryLimits(
  countText: string,
  megabytesText: string,
): { ok: true; limits: HistoryLimits } | { ok: false; error: string } {
  const count = Number(countText.trim());
  const mb = Number(megabytesText.trim());
  const [cMin, cMax] = HISTORY_BOUNDS.count;
  const [mMin, mMax] = HISTORY_BOUNDS.megabytes;
  if (!countText.trim() || !Number.isInteger(count) || count < cMin || count > cMax)
    return { ok: false, error: `Versions kept: a whole number from ${cMin} to ${cMax}` };
  if (!megabytesText.trim() || !Number.isFinite(mb) || mb < mMin || mb > mMax)
    return { ok: false, error: `Size per dashboard: a number of MB from ${mMin} to ${mMax}` };
  return { ok: true, limits: { count, bytes: Math.round(mb * 1024 * 1024) } };
}
