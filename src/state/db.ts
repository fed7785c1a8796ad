// Scry's IndexedDB database: one record per dashboard and per datasource, each dashboard's
// history, and a few settings. Every write is one transaction; a dashboard save is a
// compare-and-set on its revision, so a tab never overwrites a save it has not seen.

import type { Dashboard } from '../model/dashboard';
import type { Datasource } from './datasources';
import { Abort, openDatabase, request, storageErrorText, transact } from './idb';
import {
  DEFAULT_HISTORY,
  LEGACY_DASHBOARDS_KEY,
  LEGACY_DATASOURCES_KEY,
  versionsToPrune,
  type DashboardRecord,
  type HistoryLimits,
  type VersionInfo,
  type VersionRecord,
} from './records';

export const DB_NAME = 'scry';
const DB_VERSION = 1;
const DASHBOARDS = 'dashboards';
const DATASOURCES = 'datasources';
const VERSIONS = 'versions';
const META = 'meta';

let opened: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  opened ??= openDatabase(DB_NAME, DB_VERSION, (d, oldVersion) => {
    if (oldVersion < 1) {
      d.createObjectStore(DASHBOARDS, { keyPath: 'uid' });
      d.createObjectStore(DATASOURCES, { keyPath: 'id' });
      d.createObjectStore(VERSIONS, { keyPath: ['uid', 'revision'] });
      d.createObjectStore(META, { keyPath: 'key' });
    }
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

/** All versions of one dashboard (the key range [uid, -∞] … [uid, +∞]). */
const versionRange = (uid: string) => IDBKeyRange.bound([uid, -Infinity], [uid, Infinity]);

interface MetaRecord<T> {
  key: string;
  value: T;
}

export interface Loaded {
  dashboards: DashboardRecord[];
  datasources: Datasource[];
  history: HistoryLimits;
  /** set when this start moved the localStorage profile into IndexedDB */
  migrated?: { dashboards: number; datasources: number; problems: string[] };
}

/**
 * Moves the pre-IndexedDB localStorage profile in, once (a `migration` meta record marks it
 * done, in the same transaction). The localStorage keys are left as they were: a copy of what
 * the user had, never deleted by Scry.
 */
async function migrateOnce(d: IDBDatabase): Promise<Loaded['migrated']> {
  let get: (k: string) => string | null;
  try {
    get = (k) => localStorage.getItem(k);
    if (get(LEGACY_DASHBOARDS_KEY) === null && get(LEGACY_DATASOURCES_KEY) === null)
      return undefined;
  } catch {
    return undefined; // no localStorage (private mode): nothing to migrate
  }
  // the validator (zod) loads only here and on save, never with the dashboard view
  const { prepareDashboard, readLegacyProfile } = await import('./prepare');
  const profile = readLegacyProfile(get);
  const r = await transact(
    d,
    [DASHBOARDS, DATASOURCES, VERSIONS, META],
    'readwrite',
    async (tx) => {
      const done = await request(tx.objectStore(META).get('migration'));
      if (done) return undefined; // another tab did it first
      const dashboards = tx.objectStore(DASHBOARDS);
      let count = 0;
      for (const { dashboard, savedAt } of profile.dashboards) {
        if (await request(dashboards.getKey(dashboard.uid))) continue;
        const p = prepareDashboard(dashboard, 1);
        if (!p.ok) {
          profile.problems.push(`dashboard "${dashboard.uid}": ${p.error}`);
          continue;
        }
        const rec: DashboardRecord = { uid: dashboard.uid, revision: 1, savedAt, json: p.json };
        dashboards.put(rec);
        tx.objectStore(VERSIONS).put({
          ...rec,
          message: 'Moved from localStorage',
          bytes: p.json.length,
        } satisfies VersionRecord);
        count++;
      }
      for (const ds of profile.datasources) tx.objectStore(DATASOURCES).put(ds);
      tx.objectStore(META).put({
        key: 'migration',
        value: { at: Date.now(), dashboards: count, datasources: profile.datasources.length },
      });
      return {
        dashboards: count,
        datasources: profile.datasources.length,
        problems: profile.problems,
      };
    },
  );
  return r.ok ? r.value : undefined;
}

/** Everything the app shows, read in one transaction (after the one-time migration). */
export async function loadAll(): Promise<Loaded> {
  const d = await db();
  const migrated = await migrateOnce(d);
  const r = await transact(d, [DASHBOARDS, DATASOURCES, META], 'readonly', async (tx) => {
    const [dashboards, datasources, history] = await Promise.all([
      request(tx.objectStore(DASHBOARDS).getAll() as IDBRequest<DashboardRecord[]>),
      request(tx.objectStore(DATASOURCES).getAll() as IDBRequest<Datasource[]>),
      request(
        tx.objectStore(META).get('history') as IDBRequest<MetaRecord<HistoryLimits> | undefined>,
      ),
    ]);
    return { dashboards, datasources, history: history?.value ?? DEFAULT_HISTORY };
  });
  if (!r.ok) throw new Error('unreachable');
  return { ...r.value, migrated };
}

export type SaveResult =
  | { status: 'saved'; record: DashboardRecord; dashboard: Dashboard }
  /** the stored revision is not the one the save started from (undefined: it was deleted) */
  | { status: 'conflict'; current: DashboardRecord | undefined }
  | { status: 'error'; error: string };

/**
 * Saves `d` as revision `expected + 1` if the stored revision is still `expected` (0: the uid
 * must not exist yet), adds it to the history and prunes the history, all in one transaction.
 * Resolves only after the commit.
 */
export async function saveDashboard(
  d: Dashboard,
  expected: number,
  message: string,
  limits: HistoryLimits,
): Promise<SaveResult> {
  const revision = expected + 1;
  const { prepareDashboard } = await import('./prepare');
  const p = prepareDashboard(d, revision);
  if (!p.ok) return { status: 'error', error: p.error };
  const record: DashboardRecord = { uid: d.uid, revision, savedAt: Date.now(), json: p.json };
  try {
    const r = await transact<void, DashboardRecord | undefined>(
      await db(),
      [DASHBOARDS, VERSIONS, META],
      'readwrite',
      async (tx) => {
        const store = tx.objectStore(DASHBOARDS);
        const current = (await request(store.get(d.uid))) as DashboardRecord | undefined;
        if ((current?.revision ?? 0) !== expected) throw new Abort(current);
        // the limits as stored now (another tab may have changed them in Settings)
        const kept = (await request(
          tx.objectStore(META).get('history') as IDBRequest<MetaRecord<HistoryLimits> | undefined>,
        )) ?? { value: limits };
        store.put(record);
        const versions = tx.objectStore(VERSIONS);
        versions.put({
          ...record,
          message: message.trim(),
          bytes: p.json.length,
        } satisfies VersionRecord);
        const all = (await request(versions.getAll(versionRange(d.uid)))) as VersionRecord[];
        for (const rev of versionsToPrune(all, kept.value)) versions.delete([d.uid, rev]);
      },
    );
    return r.ok
      ? { status: 'saved', record, dashboard: p.dashboard }
      : { status: 'conflict', current: r.aborted };
  } catch (e) {
    return { status: 'error', error: `Not saved: ${storageErrorText(e)}` };
  }
}

/** Deletes a dashboard and its history. */
export async function deleteDashboard(uid: string): Promise<void> {
  await transact(await db(), [DASHBOARDS, VERSIONS], 'readwrite', async (tx) => {
    tx.objectStore(DASHBOARDS).delete(uid);
    tx.objectStore(VERSIONS).delete(versionRange(uid));
  });
}

/** One dashboard's record as stored now (another tab may have changed it). */
export async function readDashboard(uid: string): Promise<DashboardRecord | undefined> {
  const r = await transact(await db(), [DASHBOARDS], 'readonly', (tx) =>
    request(tx.objectStore(DASHBOARDS).get(uid) as IDBRequest<DashboardRecord | undefined>),
  );
  return r.ok ? r.value : undefined;
}

/** A dashboard's history, newest first, without the JSON. */
export async function listVersions(uid: string): Promise<VersionInfo[]> {
  const r = await transact(await db(), [VERSIONS], 'readonly', (tx) =>
    request(tx.objectStore(VERSIONS).getAll(versionRange(uid)) as IDBRequest<VersionRecord[]>),
  );
  if (!r.ok) return [];
  return r.value.map(({ json: _json, ...info }) => info).sort((a, b) => b.revision - a.revision);
}

/** One version of a dashboard, with its JSON. */
export async function readVersion(
  uid: string,
  revision: number,
): Promise<VersionRecord | undefined> {
  const r = await transact(await db(), [VERSIONS], 'readonly', (tx) =>
    request(tx.objectStore(VERSIONS).get([uid, revision]) as IDBRequest<VersionRecord | undefined>),
  );
  return r.ok ? r.value : undefined;
}

/** Writes the given datasources and deletes the given ids, in one transaction. */
export async function writeDatasources(put: Datasource[], remove: string[]): Promise<void> {
  await transact(await db(), [DATASOURCES], 'readwrite', async (tx) => {
    const store = tx.objectStore(DATASOURCES);
    for (const d of put) store.put(d);
    for (const id of remove) store.delete(id);
  });
}

/** Every datasource as stored now. */
export async function readDatasources(): Promise<Datasource[]> {
  const r = await transact(await db(), [DATASOURCES], 'readonly', (tx) =>
    request(tx.objectStore(DATASOURCES).getAll() as IDBRequest<Datasource[]>),
  );
  return r.ok ? r.value : [];
}

/** Stores the history limits (applied from the next save of each dashboard). */
export async function writeHistoryLimits(limits: HistoryLimits): Promise<void> {
  await transact(await db(), [META], 'readwrite', async (tx) => {
    tx.objectStore(META).put({ key: 'history', value: limits } satisfies MetaRecord<HistoryLimits>);
  });
}
