// The import page recognises a snapshot .json: it can be viewed read-only (with its data) or its
// dashboard imported (without the data). Pure.

import type { Dashboard } from '../model/dashboard';
import { formatTime } from '../time/format';
import { checkSnapshotSize, SNAPSHOT_FORMAT, validateSnapshot, type Snapshot } from './format';

export type SnapshotCheck =
  | { ok: true; dashboard: Dashboard; notes: string[]; source: string; snapshot: Snapshot }
  | { ok: false; errors: string[]; source: string };

/** Cheap sniff before parsing: Scry writes `format` first. */
export function looksLikeSnapshot(text: string): boolean {
  return new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${SNAPSHOT_FORMAT}"`).test(text.slice(0, 200));
}

export function checkSnapshotText(text: string, source: string): SnapshotCheck {
  const tooBig = checkSnapshotSize(text.length);
  if (tooBig) return { ok: false, errors: [tooBig], source };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [`Invalid JSON in the snapshot: ${e instanceof Error ? e.message : String(e)}`],
      source,
    };
  }
  const r = validateSnapshot(raw);
  if (!r.ok) return { ok: false, errors: r.errors, source };
  const s = r.value;
  const at = (ms: number) => formatTime(ms, { timeZone: s.range.timeZone });
  return {
    ok: true,
    dashboard: s.dashboard,
    snapshot: s,
    source,
    notes: [
      `A snapshot taken ${at(s.takenAtMs)} of ${at(s.range.fromMs)} to ${at(s.range.toMs)}, with ${s.answers.length} captured answers: “View snapshot” shows it read-only with its data; importing keeps only the dashboard.`,
    ],
  };
}
