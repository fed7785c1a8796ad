import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../model/dashboard';
import profile from '../../e2e/fixture/localstorage-profile-v1.json';
import { prepareDashboard, readLegacyProfile } from './prepare';

const dash = (extra: Partial<Dashboard> = {}): Dashboard => ({
  scry: 1,
  uid: 'u',
  title: 'T',
  description: '',
  tags: [],
  time: { from: 'now-6h', to: 'now' },
  refresh: '',
  timezone: 'browser',
  graphTooltip: 1,
  variables: [],
  panels: [],
  version: 0,
  ...extra,
});

describe('prepareDashboard', () => {
  it('serialises with the new revision as version and reads back the same dashboard', () => {
    const p = prepareDashboard(dash({ title: 'Hello' }), 3);
    expect(p.ok && JSON.parse(p.json)).toMatchObject({ title: 'Hello', version: 3 });
    expect(p.ok && p.dashboard.version).toBe(3);
  });

  it('refuses a dashboard nested too deeply before serialising it, naming the place', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 10_000; i++) deep = deep.a = {} as Record<string, unknown>;
    const d = dash({
      panels: [
        {
          id: 1,
          type: 'text',
          title: '',
          description: '',
          gridPos: { x: 0, y: 0, w: 1, h: 1 },
          targets: [],
          options: root,
        } as unknown as Dashboard['panels'][number],
      ],
    });
    const p = prepareDashboard(d, 1);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toMatch(
      /^The dashboard cannot be saved: panels\[0\]\.options\.a\.a.*nested deeper than 64 levels/,
    );
  });

  it('refuses what does not validate', () => {
    const p = prepareDashboard(dash({ title: 5 as unknown as string }), 1);
    expect(!p.ok && p.error).toMatch(/not valid: title:/);
  });
});

describe('readLegacyProfile', () => {
  it('reads a profile written by Scry before IndexedDB (captured from that build)', () => {
    const ls = profile as Record<string, string>;
    const p = readLegacyProfile((k) => ls[k] ?? null);
    expect(p.problems).toEqual([]);
    expect(p.dashboards.map((d) => [d.dashboard.uid, d.dashboard.title])).toEqual([
      ['legacy-a', 'Legacy A'],
      ['legacy-b', 'Legacy B'],
    ]);
    expect(p.dashboards[1]!.dashboard.panels[0]!.targets[0]!.expr).toBe(
      'rate(scry_http_requests_total[5m])',
    );
    expect(p.datasources).toMatchObject([
      { name: 'legacy-prom', url: 'http://127.0.0.1:9', isDefault: true },
    ]);
  });

  it('reports what it cannot read instead of dropping it silently', () => {
    const p = readLegacyProfile((k) =>
      k === 'scry.dashboards'
        ? JSON.stringify({ state: { saved: { bad: { dashboard: { scry: 1 } } } }, version: 1 })
        : '{oops',
    );
    expect(p.dashboards).toEqual([]);
    expect(p.problems[0]).toMatch(/^dashboard "bad": /);
    expect(p.problems[1]).toMatch(/^scry.datasources: not JSON/);
  });
});
