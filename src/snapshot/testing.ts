// Test helpers: a small valid snapshot.
import { validateDashboard } from '../model/validate';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type CapturedAnswer, type Snapshot } from './format';

export function testSnapshot(answers: CapturedAnswer[] = [], extra: Partial<Snapshot> = {}) {
  const d = validateDashboard({
    scry: 1,
    uid: 'snap',
    title: 'Snap board',
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Temperature',
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        targets: [{ refId: 'A', expr: 'temp' }],
      },
    ],
  });
  if (!d.ok) throw new Error(d.errors.join('; '));
  const s: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    takenAtMs: Date.UTC(2026, 11, 5, 12, 30),
    dashboard: d.value,
    range: { fromMs: 1_000_000, toMs: 1_600_000, timeZone: 'utc' },
    scope: {},
    datasources: [{ name: 'fixture', scrapeIntervalMs: 15_000, isDefault: true }],
    widths: { '1': 600 },
    answers,
    ...extra,
  };
  return s;
}
