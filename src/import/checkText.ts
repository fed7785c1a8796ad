// Checking dashboard text before an import: parse, then read it as Scry or Grafana JSON. Shared
// by the import page (small texts, on the main thread) and src/import/check.worker.ts (texts over
// BACKGROUND_BYTES, off the main thread so a 20 MB paste or a 10 000-panel file never freezes
// the tab). Pure: no DOM, no storage.

import type { Dashboard } from '../model/dashboard';
import { formatBytes } from '../model/limits';
import { parseJsonText } from '../model/validate';
import { importAny } from './importAny';
import type { ImportOptions } from './grafana';
import type { ImportNote } from './util';

/** Texts longer than this are checked in a Web Worker. */
export const BACKGROUND_BYTES = 1024 * 1024;

/** The outcome of a check: a dashboard ready to import with its notes, or why not. */
export type Checked =
  | { ok: true; dashboard: Dashboard; notes: string[]; source: string }
  | { ok: false; errors: string[]; source: string };

/** Where a check is: reading the file, parsing the JSON, reading the dashboard. */
export type CheckProgress =
  | { stage: 'reading'; done: number; total: number }
  | { stage: 'parsing'; bytes: number }
  | { stage: 'checking'; panels: number };

/** One conversion note in words: "Warning (panels[3]): …". */
export function noteText(n: ImportNote): string {
  return `${n.level === 'warning' ? 'Warning' : 'Note'} (${n.path}): ${n.message}`;
}

/** Panels of a parsed dashboard (Scry, Grafana, wrapped or legacy rows), for the progress line. */
function countPanels(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null) return 0;
  const o = raw as Record<string, unknown>;
  const inner = (o.dashboard ?? o.spec ?? o) as Record<string, unknown> | null;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  if (typeof inner !== 'object' || inner === null) return 0;
  let n = 0;
  for (const p of list(inner.panels)) {
    n++;
    if (typeof p === 'object' && p !== null) n += list((p as { panels?: unknown }).panels).length;
  }
  for (const r of list(inner.rows))
    if (typeof r === 'object' && r !== null) n += list((r as { panels?: unknown }).panels).length;
  return n;
}

/**
 * Parses and reads dashboard text. `progress` hears each stage as it starts (the worker forwards
 * them to the page). Never throws: anything unexpected becomes an error in words.
 */
export function checkDashboardText(
  text: string,
  source: string,
  opts: ImportOptions = {},
  progress: (p: CheckProgress) => void = () => {},
): Checked {
  try {
    progress({ stage: 'parsing', bytes: text.length });
    const json = parseJsonText(text);
    if (!json.ok) return { ok: false, errors: json.errors, source };
    progress({ stage: 'checking', panels: countPanels(json.value) });
    const r = importAny(json.value, opts);
    return r.ok
      ? { ok: true, dashboard: r.dashboard, notes: r.report.map(noteText), source }
      : { ok: false, errors: r.errors, source };
  } catch (e) {
    return {
      ok: false,
      errors: [`Could not be read: ${e instanceof Error ? e.message : String(e)}`],
      source,
    };
  }
}

/** A progress line for the page: "Checking big.json in the background: parsing 2.4 MB of JSON…". */
export function progressText(source: string, p: CheckProgress): string {
  const what =
    p.stage === 'reading'
      ? `reading ${formatBytes(p.done)} of ${formatBytes(p.total)}`
      : p.stage === 'parsing'
        ? `parsing ${formatBytes(p.bytes)} of JSON`
        : `checking ${p.panels.toLocaleString('en')} panel${p.panels === 1 ? '' : 's'}`;
  return `Checking ${source} in the background: ${what}…`;
}

/** Messages between the page and the worker. */
export type CheckRequest =
  | { text: string; source: string; opts: ImportOptions }
  | { file: Blob; source: string; opts: ImportOptions };
export type CheckReply = { progress: CheckProgress } | { done: Checked };

/**
 * Reads a file (or any Blob) as UTF-8 text piece by piece, telling `progress` how far it got. In
 * the worker, so the page shows "reading 3.0 MB of 20.0 MB" while a big file loads.
 */
export async function readBlobText(
  blob: Pick<Blob, 'size' | 'stream'>,
  progress: (p: CheckProgress) => void = () => {},
): Promise<string> {
  const total = blob.size;
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  progress({ stage: 'reading', done, total });
  const reader = blob.stream().getReader();
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    done += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    progress({ stage: 'reading', done, total });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Answers one request: what the worker does, and what the page does when no worker is at hand. */
export async function answerCheck(
  req: CheckRequest,
  progress: (p: CheckProgress) => void = () => {},
): Promise<Checked> {
  let text: string;
  try {
    text = 'text' in req ? req.text : await readBlobText(req.file, progress);
  } catch (e) {
    return {
      ok: false,
      errors: [`Could not read ${req.source}: ${e instanceof Error ? e.message : String(e)}`],
      source: req.source,
    };
  }
  return checkDashboardText(text, req.source, req.opts, progress);
}
