import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../model/dashboard';
import { validateDashboard } from '../model/validate';
import {
  backupDatasource,
  backupFileName,
  buildBackup,
  planRestore,
  plural,
  readBackup,
  summarise,
  withoutUserInfo,
  type Current,
} from './backup';
import type { Datasource } from './datasources';

const dash = (uid: string, title: string, expr = 'up'): Dashboard => {
  const r = validateDashboard({
    scry: 1,
    uid,
    title,
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'P',
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        targets: [{ refId: 'A', expr }],
      },
    ],
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
};

const ds = (id: string, name: string, extra: Partial<Datasource> = {}): Datasource => ({
  id,
  name,
  url: 'http://127.0.0.1:9090',
  scrapeInterval: '15s',
  headers: [],
  isDefault: false,
  maxConcurrent: 6,
  ...extra,
});

const secret = ds('s1', 'secret', {
  url: 'http://user:pw@127.0.0.1:9090/prom',
  authorization: 'Bearer t0ken',
  orgId: 'tenant-a',
  headers: [{ name: 'X-Api-Key', value: 'k3y' }],
  isDefault: true,
  provisioned: true,
});

describe('backupDatasource', () => {
  it('leaves out every credential unless asked: Authorization, tenant, headers, URL user:password', () => {
    const plain = backupDatasource(secret, false);
    expect(plain).toEqual({
      id: 's1',
      name: 'secret',
      url: 'http://127.0.0.1:9090/prom',
      scrapeInterval: '15s',
      headers: [],
      isDefault: true,
      maxConcurrent: 6,
    });
    expect(JSON.stringify(plain)).not.toMatch(/t0ken|tenant-a|k3y|pw/);
    const full = backupDatasource(secret, true);
    expect(full).toMatchObject({
      authorization: 'Bearer t0ken',
      orgId: 'tenant-a',
      headers: [{ name: 'X-Api-Key', value: 'k3y' }],
      url: 'http://user:pw@127.0.0.1:9090/prom',
    });
    expect(full).not.toHaveProperty('provisioned');
  });

  it('keeps a URL without user info as it is', () => {
    expect(withoutUserInfo('http://127.0.0.1:9090')).toBe('http://127.0.0.1:9090');
    expect(withoutUserInfo('not a url')).toBe('not a url');
  });
});

describe('buildBackup / readBackup', () => {
  it('round-trips dashboards and datasources', () => {
    const b = buildBackup([dash('b', 'B'), dash('a', 'A')], [ds('d1', 'one'), secret], {
      credentials: true,
      nowMs: Date.UTC(2026, 11, 5, 12),
    });
    expect(b.exportedAt).toBe('2026-12-05T12:00:00.000Z');
    expect(b.dashboards.map((d) => d.uid)).toEqual(['a', 'b']);
    const r = readBackup(JSON.stringify(b));
    expect(r).toEqual({ ok: true, backup: b });
    expect(backupFileName(Date.UTC(2026, 11, 5, 12))).toBe('scry-backup-2026-12-05.json');
  });

  it('refuses other files, bad items and deep nesting, naming the place', () => {
    expect(readBackup('{')).toMatchObject({ ok: false });
    expect(readBackup(JSON.stringify({ scry: 1, uid: 'x' }))).toEqual({
      ok: false,
      errors: [
        'This is not a Scry backup (no "format": "scry-backup"); to add one dashboard, use Import',
      ],
    });
    const base = { format: 'scry-backup', version: 1, exportedAt: '', credentials: false };
    expect(readBackup(JSON.stringify({ ...base, version: 2 }))).toMatchObject({ ok: false });
    const deep = `{"format":"scry-backup","version":1,"dashboards":[{"scry":1,"uid":"d","title":"D","panels":[{"id":1,"type":"text","title":"T","gridPos":{"x":0,"y":0,"w":6,"h":4},"options":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}],"datasources":[]}`;
    const r = readBackup(deep);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(
      /^dashboards\[0\]: panels\[0\]\.options\.a.*nested deeper than 64/,
    );
    const bad = readBackup(
      JSON.stringify({
        ...base,
        dashboards: [dash('a', 'A'), dash('a', 'A again')],
        datasources: [{ id: 'x', name: '', url: 'http://127.0.0.1' }],
      }),
    );
    expect(bad).toEqual({
      ok: false,
      errors: ['datasources[0].name: missing or not text', 'Two dashboards have the uid "a"'],
    });
  });

  it('drops headers whose names would reach a prototype', () => {
    const r = readBackup(
      JSON.stringify({
        format: 'scry-backup',
        version: 1,
        dashboards: [],
        datasources: [
          ds('d', 'd', {
            headers: [
              { name: '__proto__', value: 'x' },
              { name: 'X-Ok', value: 'y' },
            ],
          }),
        ],
      }),
    );
    expect(r.ok && r.backup.datasources[0]!.headers).toEqual([{ name: 'X-Ok', value: 'y' }]);
  });
});

describe('planRestore', () => {
  let n = 0;
  const newUid = () => `new${++n}`;
  const current: Current = {
    saved: new Map([
      ['same', { dashboard: { ...dash('same', 'Same'), version: 4 }, revision: 4 }],
      ['mine', { dashboard: dash('mine', 'Mine', 'mine_metric'), revision: 2 }],
    ]),
    provisionedDashboards: new Set(['prov']),
    ownDatasources: [
      ds('d1', 'one', { authorization: 'Bearer kept', isDefault: true }),
      ds('d2', 'two'),
    ],
    provisionedDatasourceNames: new Set(['fixture']),
  };
  const backup = buildBackup(
    [
      dash('fresh', 'Fresh'),
      dash('same', 'Same'),
      dash('mine', 'Mine', 'other'),
      dash('prov', 'P'),
    ],
    [
      ds('d1', 'one', { url: 'http://127.0.0.1:1' }),
      ds('d2', 'two'),
      ds('d3', 'fixture'),
      ds('d4', 'four'),
      ds('d5', 'two'),
    ],
    { credentials: false, nowMs: 0 },
  );

  it('copies by default: new uids added, equal ones left, taken and provisioned ones copied', () => {
    n = 0;
    const plan = planRestore(backup, current, { replace: false, newUid });
    expect(plan.dashboards.map((s) => [s.action, s.dashboard.uid, s.dashboard.title])).toEqual([
      ['add', 'fresh', 'Fresh'],
      ['copy', 'new1', 'Mine (restored)'],
      ['copy', 'new2', 'P (restored)'],
      ['unchanged', 'same', 'Same'],
    ]);
    expect(plan.datasources.map((s) => [s.action, s.datasource.id, s.datasource.name])).toEqual([
      ['copy', 'new3', 'fixture (restored)'],
      ['add', 'd4', 'four'],
      ['copy', 'new4', 'one (restored)'],
      ['unchanged', 'd2', 'two'],
      ['copy', 'new5', 'two (restored)'],
    ]);
    expect(summarise(plan.dashboards)).toBe('1 added, 2 added as copies, 1 unchanged');
  });

  it('replace: saved ones are replaced from their revision, provisioned ones still copied, saved credentials kept', () => {
    n = 0;
    const plan = planRestore(backup, current, { replace: true, newUid });
    expect(plan.dashboards.find((s) => s.dashboard.title === 'Mine')).toMatchObject({
      action: 'replace',
      expected: 2,
    });
    expect(plan.dashboards.find((s) => s.dashboard.title === 'P (restored)')).toMatchObject({
      action: 'copy',
      reason: 'provisioned',
    });
    const one = plan.datasources.find((s) => s.datasource.id === 'd1');
    expect(one).toMatchObject({
      action: 'replace',
      datasource: { url: 'http://127.0.0.1:1', authorization: 'Bearer kept', isDefault: true },
    });
    expect(summarise([])).toBe('none');
    expect(summarise([{ action: 'copy' }, { action: 'add' }])).toBe('1 added, 1 added as a copy');
    expect(plural(1, 'dashboard')).toBe('1 dashboard');
    expect(plural(0, 'datasource')).toBe('0 datasources');
  });
});
