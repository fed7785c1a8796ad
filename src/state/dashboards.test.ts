import { beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '../model/dashboard';
import { findDashboard, setDashboardBackend, useDashboards } from './dashboards';
import type { SaveResult } from './db';
import { prepareDashboard } from './prepare';
import type { DashboardRecord } from './records';

const dash = (uid: string, title = 'T'): Dashboard => ({
  scry: 1,
  uid,
  title,
  description: '',
  tags: [],
  time: { from: 'now-6h', to: 'now' },
  refresh: '',
  timezone: 'browser',
  graphTooltip: 1,
  variables: [],
  panels: [],
  version: 0,
});

/** The IndexedDB backend's contract (compare-and-set on the revision) over a Map. */
function memoryBackend() {
  const records = new Map<string, DashboardRecord>();
  let failNext: string | null = null;
  return {
    records,
    failWith: (e: string) => (failNext = e),
    backend: {
      save: async (d: Dashboard, expected: number): Promise<SaveResult> => {
        if (failNext) {
          const error = failNext;
          failNext = null;
          return { status: 'error', error };
        }
        const p = prepareDashboard(d, expected + 1);
        if (!p.ok) return { status: 'error', error: p.error };
        const current = records.get(d.uid);
        if ((current?.revision ?? 0) !== expected) return { status: 'conflict', current };
        const record = { uid: d.uid, revision: expected + 1, savedAt: Date.now(), json: p.json };
        records.set(d.uid, record);
        return { status: 'saved', record, dashboard: p.dashboard };
      },
      remove: async (uid: string) => void records.delete(uid),
      read: async (uid: string) => records.get(uid),
    },
  };
}

describe('dashboard store', () => {
  let mem: ReturnType<typeof memoryBackend>;
  beforeEach(() => {
    mem = memoryBackend();
    setDashboardBackend(mem.backend);
    useDashboards.setState({ saved: {}, provisioned: {}, drafts: {} });
  });

  it('bumps the version on each save', async () => {
    const s = useDashboards.getState();
    const first = await s.save(dash('a'));
    expect(first.status === 'saved' && first.dashboard.version).toBe(1);
    const second = await s.save(useDashboards.getState().saved.a!.dashboard);
    expect(second.status === 'saved' && second.dashboard.version).toBe(2);
    expect(useDashboards.getState().saved.a!.revision).toBe(2);
  });

  it('renames, duplicates under a new uid, and deletes', async () => {
    const s = useDashboards.getState();
    await s.save(dash('a', 'First'));
    await s.rename('a', '  Renamed ');
    expect(useDashboards.getState().saved.a!.dashboard.title).toBe('Renamed');
    const copy = await s.duplicate('a');
    if (copy?.status !== 'saved') throw new Error('not saved');
    expect(copy.dashboard.uid).not.toBe('a');
    expect(copy.dashboard.title).toBe('Renamed (copy)');
    await s.remove('a');
    expect(Object.keys(useDashboards.getState().saved)).toEqual([copy.dashboard.uid]);
    expect([...mem.records.keys()]).toEqual([copy.dashboard.uid]);
  });

  it('keeps provisioned dashboards apart and lets an own copy win', async () => {
    const s = useDashboards.getState();
    s.setProvisioned([{ dashboard: dash('p', 'Prov'), savedAt: 0, source: 'dashboards/p.json' }]);
    expect(findDashboard(useDashboards.getState(), 'p')).toMatchObject({ provisioned: true });
    const copy = await s.duplicate('p', 'Mine');
    if (copy?.status !== 'saved') throw new Error('not saved');
    expect(useDashboards.getState().saved[copy.dashboard.uid]!.dashboard.title).toBe('Mine');
    await s.save({ ...dash('p', 'Override') });
    expect(findDashboard(useDashboards.getState(), 'p')!.dashboard.title).toBe('Override');
  });

  it('a save from a stale revision is a conflict and changes nothing; the view catches up', async () => {
    const s = useDashboards.getState();
    await s.save(dash('a', 'v1'));
    // another tab saves revision 2 behind this tab's back
    const other = mem.backend;
    await other.save({ ...dash('a', 'theirs') }, 1);
    const r = await s.save(dash('a', 'mine'), { expected: 1 });
    expect(r.status).toBe('conflict');
    expect(JSON.parse(mem.records.get('a')!.json).title).toBe('theirs');
    await new Promise((res) => setTimeout(res, 0));
    expect(useDashboards.getState().saved.a).toMatchObject({ revision: 2 });
    expect(useDashboards.getState().saved.a!.dashboard.title).toBe('theirs');
  });

  it('a failed save changes nothing in memory; a draft exists only until its first save', async () => {
    const s = useDashboards.getState();
    s.addDraft(dash('n', 'New'));
    expect(useDashboards.getState().saved.n).toBeUndefined();
    mem.failWith('Not saved: quota exceeded');
    expect(await s.save(dash('n', 'New'), { expected: 0 })).toEqual({
      status: 'error',
      error: 'Not saved: quota exceeded',
    });
    expect(useDashboards.getState().saved.n).toBeUndefined();
    expect(useDashboards.getState().drafts.n).toBeDefined();
    expect((await s.save(dash('n', 'New'), { expected: 0 })).status).toBe('saved');
    expect(useDashboards.getState().drafts.n).toBeUndefined();
    expect(useDashboards.getState().saved.n!.revision).toBe(1);
  });
});
