// Runs a panel's queries again with a client that records what went over the wire: the
// inspector shows exactly the request Scry sends (GET or POST form body) and the raw answer.
// The raw text lives only as long as the inspector is open.

import { PrometheusClient, type FetchFn } from '../../prometheus/client';
import { instantToRows, matrixToFrame, pointCount, type InstantRow } from '../../prometheus/frames';
import type { Frame } from '../../model/frame';
import type { MatrixResult, InstantResult } from '../../prometheus/types';
import type { QueryStats } from '../../prometheus/stats';
import type { TargetPlan } from '../../query/plan';

/** What one HTTP exchange looked like. */
export interface CapturedRequest {
  method: string;
  url: string;
  /** the form body of a POST, '' for GET */
  body: string;
  status?: number;
  /** the answer as received */
  responseText?: string;
  responseBytes?: number;
}

export interface InspectedTarget {
  refId: string;
  plan?: TargetPlan;
  /** why the target could not be planned or failed */
  error?: string;
  request?: CapturedRequest;
  tookMs?: number;
  warnings: string[];
  frame?: Frame;
  rows?: InstantRow[];
  seriesCount: number;
  pointCount: number;
  /** the server's query statistics (Prometheus, `stats=all`) */
  stats?: QueryStats;
}

/** The raw text of answers above this size is cut in the inspector (memory). */
export const MAX_RAW_CHARS = 5_000_000;

/** Runs one plan through a recording client built on the datasource's endpoint. */
export async function inspectPlan(
  base: PrometheusClient,
  plan: TargetPlan,
  signal: AbortSignal,
): Promise<InspectedTarget> {
  let request: CapturedRequest | undefined;
  const fetchFn: FetchFn = async (input, init) => {
    const body = typeof init.body === 'string' ? init.body : '';
    const cur: CapturedRequest = { method: init.method ?? 'GET', url: input, body };
    // the CORS probe (no-cors) is not the request
    if (init.mode !== 'no-cors') request = cur;
    const res = await fetch(input, init);
    if (init.mode === 'no-cors') return res;
    const text = await res.text();
    cur.status = res.status;
    cur.responseBytes = new Blob([text]).size;
    cur.responseText = text.length > MAX_RAW_CHARS ? text.slice(0, MAX_RAW_CHARS) : text;
    return new Response(text, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
  const client = new PrometheusClient(base.endpoint, fetchFn);
  const t0 = performance.now();
  const out: InspectedTarget = {
    refId: plan.refId,
    plan,
    warnings: [],
    seriesCount: 0,
    pointCount: 0,
  };
  try {
    if (plan.instant) {
      const a = await client.query({ expr: plan.expr, timeSec: plan.endSec }, { signal });
      out.rows = instantToRows(a.data as InstantResult);
      out.warnings = a.warnings;
      if (a.stats) out.stats = a.stats;
      out.seriesCount = out.rows.length;
      out.pointCount = out.rows.length;
    } else {
      const a = await client.queryRange(
        { expr: plan.expr, startSec: plan.startSec, endSec: plan.endSec, stepSec: plan.stepSec },
        { signal },
      );
      const data = a.data as MatrixResult;
      out.frame = matrixToFrame(data.result ?? [], plan, plan.refId);
      out.warnings = a.warnings;
      if (a.stats) out.stats = a.stats;
      out.seriesCount = data.result?.length ?? 0;
      out.pointCount = pointCount(data.result ?? []);
    }
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  out.tookMs = performance.now() - t0;
  if (request) out.request = request;
  return out;
}

/**
 * What the inspector says when a server answered off the requested step grid (the frame then
 * follows the answer's own timestamps).
 */
export function offGridNote(
  frame: Pick<Frame, 'times'>,
  plan: Pick<TargetPlan, 'startSec' | 'stepSec'>,
): string {
  const iso = (sec: number) => new Date(sec * 1000).toISOString();
  const first = frame.times[0];
  return (
    `The server answered off the requested grid (${iso(plan.startSec)} + k × ${plan.stepSec}s)` +
    (first !== undefined ? `: its first sample is at ${iso(first)}` : '') +
    `. Values are drawn at the server's own timestamps.`
  );
}

/** Absolute URL of a captured request, query string decoded for reading. */
export function describeRequest(r: CapturedRequest): string {
  const [path, qs] = r.url.split('?');
  const params = new URLSearchParams(qs ?? r.body);
  const lines = [...params.entries()].map(([k, v]) => `  ${k}=${v}`);
  return `${r.method} ${path}${lines.length ? '\n' + lines.join('\n') : ''}`;
}

/** CSV text: RFC 4180 quoting. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : v;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** One target's data as a table: time × series for a range query, one row per series for an instant one. */
export function targetTable(
  t: Pick<InspectedTarget, 'frame' | 'rows'>,
  legendFormat: string,
  namesOf: (format: string, series: Record<string, string>[]) => string[],
): { header: string[]; rows: (string | number)[][] } {
  if (t.frame) {
    const f = t.frame;
    const header = [
      'Time',
      ...namesOf(
        legendFormat,
        f.series.map((s) => s.labels),
      ),
    ];
    const rows: (string | number)[][] = [];
    for (let i = 0; i < f.times.length; i++) {
      rows.push([new Date(f.times[i]! * 1000).toISOString(), ...f.series.map((s) => s.values[i]!)]);
    }
    return { header, rows };
  }
  const list = t.rows ?? [];
  const keys = [...new Set(list.flatMap((r) => Object.keys(r.labels)))].sort();
  return {
    header: ['Time', ...keys, 'Value'],
    rows: list.map((r) => [
      new Date(r.timeSec * 1000).toISOString(),
      ...keys.map((k) => r.labels[k] ?? ''),
      r.value,
    ]),
  };
}
