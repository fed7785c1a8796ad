import { beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '../model/dashboard';
import { findDashboard, useDashboards } from './dashboards';

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

describe('dashboard store', () => {
  beforeEach(() => useDashboards.setState({ saved: {}, provisioned: {} }));

  it('bumps the version on each save', () => {
    const s = useDashboards.getState();
    expect(s.save(dash('a')).version).toBe(1);
    expect(s.save(useDashboards.getState().saved.a!.dashboard).version).toBe(2);
  });

  it('renames, duplicates under a new uid, and deletes', () => {
    const s = useDashboards.getState();
    s.save(dash('a', 'First'));
    s.rename('a', '  Renamed ');
    expect(useDashboards.getState().saved.a!.dashboard.title).toBe('Renamed');
    const copy = s.duplicate('a')!;
    expect(copy.uid).not.toBe('a');
    expect(copy.title).toBe('Renamed (copy)');
    s.remove('a');
    expect(Object.keys(useDashboards.getState().saved)).toEqual([copy.uid]);
  });

  it('keeps provisioned dashboards apart and lets an own copy win', () => {
    const s = useDashboards.getState();
    s.setProvisioned([{ dashboard: dash('p', 'Prov'), savedAt: 0, source: 'dashboards/p.json' }]);
    expect(findDashboard(useDashboards.getState(), 'p')).toMatchObject({ provisioned: true });
    const copy = s.duplicate('p', 'Mine')!;
    expect(useDashboards.getState().saved[copy.uid]!.dashboard.title).toBe('Mine');
    s.save({ ...dash('p', 'Override') });
    expect(findDashboard(useDashboards.getState(), 'p')!.dashboard.title).toBe('Override');
  });
});
