// The snapshot format: a dashboard, the moment and range it was taken at, the variable values,
// the datasources by name only, and every Prometheus answer its panels used. Pure: no DOM, no
// network. A snapshot is read back as strictly as an imported dashboard (validateSnapshot).

import { z } from 'zod';
import type { Dashboard } from '../model/dashboard';
import { FLAVOURS, type Flavour } from '../model/flavour';
import { checkJsonDepth, formatBytes, isUnsafeKey } from '../model/limits';
import { formatIssues, validateDashboard, type ParseResult } from '../model/validate';
import type { VariableValue } from '../variables/interpolate';

export const SNAPSHOT_FORMAT = 'scry-snapshot';
export const SNAPSHOT_VERSION = 1;

/**
 * Largest snapshot JSON accepted (decompressed), in bytes. Larger than a dashboard's 10 MB
 * (MAX_DASHBOARD_BYTES): a snapshot carries the data too; the dashboard inside it still meets
 * the dashboard limits.
 */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** A datasource as a snapshot names it: no URL, no headers, no credentials. */
export interface SnapshotDatasource {
  name: string;
  /** the step floor and $__rate_interval base the panels were planned with */
  scrapeIntervalMs: number;
  flavour?: Flavour;
  isDefault: boolean;
}

/** Where a captured answer came from: the datasource (by name) and the API call. */
export type CapturedRequest =
  | { ds: string; path: 'query_range'; expr: string; start: number; end: number; step: number }
  | { ds: string; path: 'query'; expr: string; time: number }
  | { ds: string; path: 'query_exemplars'; expr: string; start: number; end: number }
  | { ds: string; path: 'alerts' };

/** One Prometheus answer: its `data` (and warnings) as the API sent them, or its error message. */
export type CapturedAnswer = CapturedRequest &
  ({ data: unknown; warnings?: string[] } | { error: string });

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** when it was taken (ms since epoch) */
  takenAtMs: number;
  dashboard: Dashboard;
  /** the absolute range the panels were queried over, and the zone they were shown in */
  range: { fromMs: number; toMs: number; timeZone: string };
  /** the template variables' values at capture (the viewer does not resolve variables) */
  scope: Record<string, VariableValue>;
  datasources: SnapshotDatasource[];
  /**
   * the plot width (px, as PanelShell queries with) of each panel id at capture: the viewer asks
   * the same steps whatever its window size
   */
  widths: Record<string, number>;
  answers: CapturedAnswer[];
  /** the dashboard's compare to the past at capture ("1h"); its past answers are captured too */
  compare?: string | undefined;
}

const str = z.string();
const strOrList = z.union([str, z.array(str)]);
const variableValue = z.object({
  value: strOrList,
  text: strOrList.optional(),
  isAll: z.boolean().optional(),
  allValue: str.optional(),
  multi: z.boolean().optional(),
  includeAll: z.boolean().optional(),
  options: z.array(str).optional(),
  raw: z.boolean().optional(),
});
const finite = z.number().finite();
const payload = z.union([
  z.object({ data: z.unknown(), warnings: z.array(str).optional() }),
  z.object({ error: str }),
]);
const ds = z.string().max(1000);
const answer = z.union([
  z.object({
    ds,
    path: z.literal('query_range'),
    expr: str,
    start: finite,
    end: finite,
    step: finite.positive(),
  }),
  z.object({ ds, path: z.literal('query'), expr: str, time: finite }),
  z.object({ ds, path: z.literal('query_exemplars'), expr: str, start: finite, end: finite }),
  z.object({ ds, path: z.literal('alerts') }),
]);
const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  takenAtMs: finite,
  dashboard: z.unknown(),
  range: z.object({ fromMs: finite, toMs: finite, timeZone: str }),
  scope: z.record(str, variableValue),
  datasources: z.array(
    z.object({
      name: ds,
      scrapeIntervalMs: finite.positive(),
      flavour: z.enum(FLAVOURS as [Flavour, ...Flavour[]]).optional(),
      isDefault: z.boolean(),
    }),
  ),
  widths: z.record(str, finite.positive()),
  compare: str.max(40).optional(),
  answers: z.array(z.unknown()),
});

/** True when parsed JSON says it is a snapshot (then validateSnapshot decides if it is a good one). */
export function isSnapshotLike(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as Record<string, unknown>).format === SNAPSHOT_FORMAT
  );
}

/** The size limit for snapshot text, as an error, or null. */
export function checkSnapshotSize(bytes: number): string | null {
  return bytes > MAX_SNAPSHOT_BYTES
    ? `The snapshot is ${formatBytes(bytes)}; Scry opens snapshots up to ${formatBytes(MAX_SNAPSHOT_BYTES)}`
    : null;
}

/**
 * A copy of parsed JSON without `__proto__`, `constructor` and `prototype` keys (the caller has
 * bounded the depth). Labels and options are used as plain records later: such a key must not
 * reach them.
 */
export function withoutUnsafeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnsafeKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!isUnsafeKey(k)) out[k] = withoutUnsafeKeys(v);
  return out;
}

/**
 * Parsed JSON → Snapshot, or every problem with its place. The dashboard inside is validated as
 * an import is (limits, schema); each answer's `data` is checked when a panel reads it (the
 * Prometheus client's shape checks), so a hostile answer fails that panel, not the page.
 */
export function validateSnapshot(raw: unknown): ParseResult<Snapshot> {
  if (!isSnapshotLike(raw))
    return { ok: false, errors: [`format: expected "${SNAPSHOT_FORMAT}": this is not a snapshot`] };
  const tooDeep = checkJsonDepth(raw);
  if (tooDeep) return { ok: false, errors: [tooDeep] };
  const v = (raw as Record<string, unknown>).version;
  if (typeof v === 'number' && v > SNAPSHOT_VERSION)
    return {
      ok: false,
      errors: [
        `version: this snapshot is format version ${v}, made by a newer Scry; this one reads up to ${SNAPSHOT_VERSION}`,
      ],
    };
  const top = snapshotSchema.safeParse(withoutUnsafeKeys(raw));
  if (!top.success) return { ok: false, errors: formatIssues(top.error.issues) };
  const errors: string[] = [];
  const dashboard = validateDashboard(top.data.dashboard);
  if (!dashboard.ok) errors.push(...dashboard.errors.map((e) => `dashboard.${e}`));
  const answers: CapturedAnswer[] = [];
  top.data.answers.forEach((a, i) => {
    const req = answer.safeParse(a);
    const body = payload.safeParse(a);
    if (!req.success)
      errors.push(...formatIssues(req.error.issues).map((e) => `answers[${i}].${e}`));
    else if (!body.success) errors.push(`answers[${i}]: expected "data" or "error"`);
    else answers.push({ ...req.data, ...body.data } as CapturedAnswer);
  });
  if (!dashboard.ok || errors.length) return { ok: false, errors: errors.slice(0, 20) };
  const { datasources, ...rest } = top.data;
  return {
    ok: true,
    value: {
      ...rest,
      dashboard: dashboard.value,
      datasources: datasources.map((d) => ({
        name: d.name,
        scrapeIntervalMs: d.scrapeIntervalMs,
        isDefault: d.isDefault,
        ...(d.flavour ? { flavour: d.flavour } : {}),
      })),
      answers,
    },
  };
}

/** The suggested file name: "My board" → my-board-snapshot-2026-12-05T1230Z.html */
export function snapshotFileName(s: Pick<Snapshot, 'dashboard' | 'takenAtMs'>, ext: string) {
  const slug = s.dashboard.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const at = new Date(s.takenAtMs).toISOString().slice(0, 16).replace(/:/g, '') + 'Z';
  return `${slug || s.dashboard.uid}-snapshot-${at}.${ext}`;
}
