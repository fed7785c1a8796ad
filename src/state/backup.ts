// Backup and restore of everything the user has in this browser: every saved dashboard and
// datasource as one JSON file, and the plan for merging such a file back in. Pure: building the
// file, reading it (validated, limits checked) and deciding per item what a restore does; the
// page carries the plan out through the stores.

import type { Dashboard } from '../model/dashboard';
import { checkJsonDepth, formatBytes, isUnsafeKey } from '../model/limits';
import { validateDashboard } from '../model/validate';
import type { Datasource } from './datasources';

export const BACKUP_FORMAT = 'scry-backup';

/** Largest backup file read (each dashboard in it is also held to the dashboard limits). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: 1;
  /** ISO time of the export */
  exportedAt: string;
  /** whether datasource credentials are in the file */
  credentials: boolean;
  dashboards: Dashboard[];
  datasources: Datasource[];
}

/** The datasource fields that carry secrets (left out of a backup unless asked for). */
export const CREDENTIAL_FIELDS = ['authorization', 'orgId', 'headers'] as const;

/** `http://user:pass@host/` → `http://host/` (basic auth in the URL is a credential too). */
export function withoutUserInfo(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * A datasource as written to a backup: without its credentials (Authorization, tenant, custom
 * headers, user:password in the URL) unless `credentials`; never the `provisioned` flag.
 */
export function backupDatasource(d: Datasource, credentials: boolean): Datasource {
  const { provisioned: _p, ...rest } = d;
  if (credentials) return rest;
  const { authorization: _a, orgId: _o, ...plain } = rest;
  return { ...plain, url: withoutUserInfo(d.url), headers: [] };
}

/** The backup of the given saved dashboards and own datasources. */
export function buildBackup(
  dashboards: readonly Dashboard[],
  datasources: readonly Datasource[],
  opts: { credentials: boolean; nowMs: number },
): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: new Date(opts.nowMs).toISOString(),
    credentials: opts.credentials,
    dashboards: [...dashboards].sort((a, b) => a.uid.localeCompare(b.uid)),
    datasources: datasources
      .map((d) => backupDatasource(d, opts.credentials))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** `scry-backup-2026-12-05.json` */
export const backupFileName = (nowMs: number) =>
  `scry-backup-${new Date(nowMs).toISOString().slice(0, 10)}.json`;

export type ReadBackup = { ok: true; backup: BackupFile } | { ok: false; errors: string[] };

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function readDatasource(x: unknown, i: number, errors: string[]): Datasource | null {
  const where = `datasources[${i}]`;
  if (!isObj(x)) return (errors.push(`${where}: not an object`), null);
  for (const k of ['id', 'name', 'url'] as const)
    if (typeof x[k] !== 'string' || !(x[k] as string).trim())
      return (errors.push(`${where}.${k}: missing or not text`), null);
  const headers = Array.isArray(x.headers) ? x.headers : [];
  const d: Datasource = {
    id: x.id as string,
    name: x.name as string,
    url: x.url as string,
    scrapeInterval: typeof x.scrapeInterval === 'string' ? x.scrapeInterval : '15s',
    headers: headers.filter(
      (h): h is { name: string; value: string } =>
        isObj(h) &&
        typeof h.name === 'string' &&
        typeof h.value === 'string' &&
        !isUnsafeKey(h.name.trim()),
    ),
    isDefault: x.isDefault === true,
    maxConcurrent:
      typeof x.maxConcurrent === 'number' && x.maxConcurrent >= 1 ? x.maxConcurrent : 6,
  };
  if (typeof x.timeout === 'string') d.timeout = x.timeout;
  if (typeof x.orgId === 'string') d.orgId = x.orgId;
  if (typeof x.authorization === 'string') d.authorization = x.authorization;
  if (typeof x.partialResponse === 'boolean') d.partialResponse = x.partialResponse;
  if (typeof x.dedup === 'boolean') d.dedup = x.dedup;
  if (typeof x.exemplarLink === 'string') d.exemplarLink = x.exemplarLink;
  if (typeof x.flavour === 'string') d.flavour = x.flavour as Datasource['flavour'];
  return d;
}

/**
 * Reads a backup file's text: size and depth limits first, then every dashboard validated as
 * an import is (each problem named by its place); a file with any bad item is refused whole,
 * so a restore never half-happens.
 */
export function readBackup(text: string): ReadBackup {
  if (text.length > MAX_BACKUP_BYTES)
    return {
      ok: false,
      errors: [
        `The backup file is ${formatBytes(text.length)}; Scry reads at most ${formatBytes(MAX_BACKUP_BYTES)}`,
      ],
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [`The file is not JSON (${e instanceof Error ? e.message : String(e)})`],
    };
  }
  if (!isObj(json) || json.format !== BACKUP_FORMAT)
    return {
      ok: false,
      errors: [
        'This is not a Scry backup (no "format": "scry-backup"); to add one dashboard, use Import',
      ],
    };
  if (json.version !== 1)
    return {
      ok: false,
      errors: [`Backup version ${String(json.version)} is not one this Scry reads (1)`],
    };
  const errors: string[] = [];
  const dashboards: Dashboard[] = [];
  const datasources: Datasource[] = [];
  (Array.isArray(json.dashboards) ? json.dashboards : []).forEach((raw: unknown, i) => {
    const deep = checkJsonDepth(raw);
    if (deep) return void errors.push(`dashboards[${i}]: ${deep}`);
    const r = validateDashboard(raw);
    if (r.ok) dashboards.push(r.value);
    else errors.push(...r.errors.slice(0, 3).map((e) => `dashboards[${i}]: ${e}`));
  });
  (Array.isArray(json.datasources) ? json.datasources : []).forEach((raw: unknown, i) => {
    const d = readDatasource(raw, i, errors);
    if (d) datasources.push(d);
  });
  const dup = (xs: string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const dupUid = dup(dashboards.map((d) => d.uid));
  if (dupUid) errors.push(`Two dashboards have the uid "${dupUid}"`);
  const dupId = dup(datasources.map((d) => d.id));
  if (dupId) errors.push(`Two datasources have the id "${dupId}"`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt : '',
      credentials: json.credentials === true,
      dashboards,
      datasources,
    },
  };
}

/** What a restore does with one dashboard of the backup. */
export type DashboardStep =
  | { action: 'add'; dashboard: Dashboard }
  /** same content as the saved one: nothing to do */
  | { action: 'unchanged'; dashboard: Dashboard }
  /** the uid is taken (saved: "copy" mode; provisioned: always): saved under a new uid */
  | { action: 'copy'; dashboard: Dashboard; reason: 'saved' | 'provisioned'; original: string }
  /** over the saved one, which stays in its history */
  | { action: 'replace'; dashboard: Dashboard; expected: number };

/** What a restore does with one datasource of the backup. */
export type DatasourceStep =
  | { action: 'add'; datasource: Datasource }
  | { action: 'unchanged'; datasource: Datasource }
  /** id or name taken (by a different saved one in "copy" mode, or by a provisioned one) */
  | { action: 'copy'; datasource: Datasource; original: string }
  | { action: 'replace'; datasource: Datasource };

export interface RestorePlan {
  dashboards: DashboardStep[];
  datasources: DatasourceStep[];
}

export interface Current {
  /** the user's saved dashboards by uid, with their revisions */
  saved: ReadonlyMap<string, { dashboard: Dashboard; revision: number }>;
  provisionedDashboards: ReadonlySet<string>;
  ownDatasources: readonly Datasource[];
  provisionedDatasourceNames: ReadonlySet<string>;
}

/** Content equality of two dashboards (the stored revision number aside). */
export const sameDashboard = (a: Dashboard, b: Dashboard) =>
  JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });

const credentialsOf = (d: Datasource) => ({
  headers: d.headers,
  orgId: d.orgId,
  authorization: d.authorization,
});

/** Two datasources alike in what a backup carries (credentials compared only when it has them). */
function sameDatasource(mine: Datasource, theirs: Datasource, credentials: boolean): boolean {
  const strip = (d: Datasource) => backupDatasource(d, credentials);
  const a = strip(mine);
  const b = strip(theirs);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const pick = (d: Datasource) =>
    JSON.stringify(keys.map((k) => (k === 'isDefault' ? null : d[k as keyof Datasource])));
  return pick(a) === pick(b);
}

/** A name not in `taken`: "x (restored)", "x (restored 2)", … */
function freeName(name: string, taken: ReadonlySet<string>): string {
  let candidate = `${name} (restored)`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (restored ${n})`;
  return candidate;
}

/**
 * Decides, item by item, what restoring `backup` does — the import's rules: a dashboard whose
 * uid is free is added; one equal to the saved one is left alone; a saved one with other content
 * is kept and the backup's added as a copy (default) or replaced (`replace`: the saved version
 * stays in its history); a provisioned uid is never replaced (always a copy). Datasources alike,
 * by id; a name taken by a provisioned datasource always gives a copy (panels find datasources
 * by name). Replacing a datasource from a backup without credentials keeps the saved credentials.
 */
export function planRestore(
  backup: BackupFile,
  current: Current,
  opts: { replace: boolean; newUid: () => string },
): RestorePlan {
  const dashboards = backup.dashboards.map((d): DashboardStep => {
    const saved = current.saved.get(d.uid);
    if (saved && sameDashboard(saved.dashboard, d)) return { action: 'unchanged', dashboard: d };
    const provisioned = current.provisionedDashboards.has(d.uid);
    if (saved && opts.replace && !provisioned)
      return { action: 'replace', dashboard: d, expected: saved.revision };
    if (saved || provisioned)
      return {
        action: 'copy',
        reason: provisioned ? 'provisioned' : 'saved',
        original: d.uid,
        dashboard: { ...d, uid: opts.newUid(), title: `${d.title} (restored)`, version: 0 },
      };
    return { action: 'add', dashboard: d };
  });

  const names = new Set([
    ...current.ownDatasources.map((d) => d.name),
    ...current.provisionedDatasourceNames,
  ]);
  const byId = new Map(current.ownDatasources.map((d) => [d.id, d]));
  const datasources = backup.datasources.map((d): DatasourceStep => {
    const mine = byId.get(d.id);
    const copy = (): DatasourceStep => {
      const name = freeName(d.name, names);
      names.add(name);
      return { action: 'copy', original: d.name, datasource: { ...d, id: opts.newUid(), name } };
    };
    if (current.provisionedDatasourceNames.has(d.name)) return copy();
    if (mine) {
      if (sameDatasource(mine, d, backup.credentials))
        return { action: 'unchanged', datasource: d };
      if (!opts.replace) return copy();
      // the name must stay unique among the other own datasources
      const clash = current.ownDatasources.some((o) => o.id !== d.id && o.name === d.name);
      if (clash) return copy();
      const merged = backup.credentials ? d : { ...d, ...credentialsOf(mine) };
      names.add(d.name);
      return { action: 'replace', datasource: { ...merged, isDefault: mine.isDefault } };
    }
    if (names.has(d.name)) return copy();
    names.add(d.name);
    return { action: 'add', datasource: d };
  });
  return { dashboards, datasources };
}

/** "3 added, 1 added as a copy, 2 unchanged" for one kind of item. */
export function summarise(steps: readonly { action: string }[]): string {
  const n = (a: string) => steps.filter((s) => s.action === a).length;
  const copies = n('copy');
  const parts = [
    [n('add'), 'added'],
    [n('replace'), 'replaced'],
    [copies, copies === 1 ? 'added as a copy' : 'added as copies'],
    [n('unchanged'), 'unchanged'],
  ] as const;
  return (
    parts
      .filter(([count]) => count > 0)
      .map(([count, label]) => `${count} ${label}`)
      .join(', ') || 'none'
  );
}

/** "1 dashboard", "2 dashboards" */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
