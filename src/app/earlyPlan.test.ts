import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dashboard, Panel } from '../model/dashboard';
import { validateDashboard } from '../model/validate';
import { checkDashboardText } from '../import/checkText';
import { panelRegistry } from '../panels/registry';
import type { DatasourceHandle } from '../query/env';
import { planPanel, queryWidthPx } from '../query/plan';
import { resolveDatasource } from './datasourceHandles';
import {
  EARLY_QUERY_MODES,
  planEarly,
  readConfigDatasources,
  readForPlanning,
  type EarlyDashboard,
  type EarlyPage,
} from './earlyPlan';
import { readProvisioning } from './provisioning';
import { takeStartupNow, rememberStartupNow } from './time/startupNow';

/** What planning reads of a validated panel (the planner must read exactly this). */
const planningView = (p: Panel) => ({
  type: p.type,
  gridPos: p.gridPos,
  targets: p.targets.map((t) => ({
    refId: t.refId,
    expr: t.expr,
    interval: t.interval,
    instant: t.instant,
    hide: t.hide,
    ...(t.intervalFactor !== undefined ? { intervalFactor: t.intervalFactor } : {}),
  })),
  ...(p.datasource !== undefined ? { datasource: p.datasource } : {}),
  ...(p.maxDataPoints !== undefined ? { maxDataPoints: p.maxDataPoints } : {}),
  ...(p.interval !== undefined ? { interval: p.interval } : {}),
});

/** The panels the planner may plan: before the first row, without their own range or repeats. */
function plannable(d: Dashboard): Panel[] {
  const rowY = Math.min(
    Infinity,
    ...d.panels.filter((p) => p.type === 'row').map((p) => p.gridPos.y),
  );
  return d.panels.filter(
    (p) =>
      p.type !== 'row' &&
      p.gridPos.y < rowY &&
      p.timeFrom === undefined &&
      p.timeShift === undefined &&
      p.repeat === undefined &&
      !p.datasource?.includes('$'),
  );
}

/** readForPlanning equals the schema's reading (defaults included) on the fields planning uses. */
function expectSameReading(raw: unknown) {
  const v = validateDashboard(raw);
  expect(v.ok).toBe(true);
  if (!v.ok) return;
  const early = readForPlanning(raw);
  expect(early).not.toBeNull();
  expect(early).toEqual({
    uid: v.value.uid,
    title: v.value.title,
    time: v.value.time,
    refresh: v.value.refresh,
    timezone: v.value.timezone,
    panels: plannable(v.value).map(planningView),
  });
}

const minimal = {
  scry: 1,
  uid: 'min',
  title: 'Minimal',
  panels: [
    {
      id: 1,
      type: 'timeseries',
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      targets: [{ refId: 'A', expr: 'up' }],
    },
    {
      id: 2,
      type: 'table',
      gridPos: { x: 12, y: 0, w: 12, h: 8 },
      datasource: 'other',
      maxDataPoints: 300,
      interval: '1m',
      targets: [
        { refId: 'A', expr: 'rate(x[$__rate_interval])', interval: '30s', intervalFactor: 2 },
        { refId: 'B', expr: 'y', hide: true, instant: true },
      ],
    },
    { id: 3, type: 'stat', gridPos: { x: 0, y: 8, w: 6, h: 4 }, timeFrom: '1h' },
    { id: 4, type: 'row', gridPos: { x: 0, y: 12, w: 24, h: 1 }, collapsed: false },
    { id: 5, type: 'timeseries', gridPos: { x: 0, y: 13, w: 24, h: 8 }, targets: [] },
  ],
};

describe('readForPlanning', () => {
  it('reads a hand-written dashboard as the schema does, defaults included', () => {
    expectSameReading(minimal);
    expect(readForPlanning(minimal)?.panels.map((p) => p.type)).toEqual(['timeseries', 'table']);
  });

  it('reads the demo dashboard and every corpus dashboard Scry imports as the schema does', () => {
    const demo = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../demo/dashboard.json'), 'utf8'),
    ) as Record<string, unknown>;
    expectSameReading({ ...demo, variables: [] });
    const dir = path.resolve(__dirname, '../../../shared/corpus/grafana');
    let read = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const r = checkDashboardText(readFileSync(path.join(dir, f), 'utf8'), f);
      if (!r.ok) continue;
      // what the app stores: the converted dashboard's JSON, without its variables
      expectSameReading(JSON.parse(JSON.stringify({ ...r.dashboard, variables: [] })));
      read++;
    }
    expect(read).toBeGreaterThan(10);
  });

  it('leaves to the app what it cannot see through', () => {
    expect(readForPlanning({ ...minimal, variables: [{ name: 'x', type: 'custom' }] })).toBeNull();
    expect(readForPlanning({ ...minimal, scry: undefined })).toBeNull(); // a Grafana export
    expect(readForPlanning({ ...minimal, uid: 'no spaces' })).toBeNull();
    expect(
      readForPlanning({ ...minimal, panels: [{ ...minimal.panels[0], targets: [{}] }] }),
    ).toEqual(expect.objectContaining({ panels: [] }));
    const ds = { ...minimal.panels[0], datasource: '$ds' };
    expect(readForPlanning({ ...minimal, panels: [ds] })?.panels).toEqual([]);
  });

  it('names the same query mode per panel type as the registry', () => {
    expect(EARLY_QUERY_MODES).toEqual(
      Object.fromEntries(panelRegistry.plugins.map((p) => [p.type, p.queryMode])),
    );
  });
});

describe('readConfigDatasources', () => {
  const configs: unknown[] = [
    { datasources: [{ name: 'a', url: 'http://127.0.0.1:9090' }] },
    {
      datasources: [
        { name: 'a', url: 'http://127.0.0.1:9090', scrapeInterval: '30s' },
        {
          name: 'b',
          url: 'http://127.0.0.1:9091/prefix',
          default: true,
          headers: { 'X-Scope-OrgID': 't1' },
          maxConcurrent: 3,
          flavour: 'thanos',
          partialResponse: true,
          dedup: false,
          timeout: '2m',
          orgId: 'o',
          exemplarLink: 'https://t/${trace_id}',
        },
      ],
    },
    {},
  ];
  const invalid: unknown[] = [
    { datasources: [{ name: '', url: 'http://x' }] },
    { datasources: [{ name: 'a', url: 'not a url' }] },
    { datasources: [{ name: 'a', url: 'http://x', maxConcurrent: 0 }] },
    { datasources: [{ name: 'a', url: 'http://x', timeout: '1 minute' }] },
    { datasources: [{ name: 'a', url: 'http://x', flavour: 'influx' }] },
    { datasources: 'a' },
  ];
  const viaSchema = async (cfg: unknown) =>
    readProvisioning({
      base: 'http://127.0.0.1/config.json',
      config: { ok: true, text: JSON.stringify(cfg) },
      dashboards: new Map(),
    });

  it('gives the datasources provisioning.ts gives', async () => {
    for (const cfg of configs) {
      const p = await viaSchema(cfg);
      expect(p.errors).toEqual([]);
      expect(readConfigDatasources(cfg)).toEqual(p.datasources);
    }
  });

  it('gives none where the schema refuses the file', async () => {
    for (const cfg of invalid) {
      expect((await viaSchema(cfg)).errors.length, JSON.stringify(cfg)).toBeGreaterThan(0);
      expect(readConfigDatasources(cfg), JSON.stringify(cfg)).toBeNull();
    }
  });
});

describe('planEarly', () => {
  const dashboard = readForPlanning({
    ...minimal,
    time: { from: 'now-6h', to: 'now' },
  }) as EarlyDashboard;
  const datasources = readConfigDatasources({
    datasources: [
      { name: 'main', url: 'http://127.0.0.1:9090', default: true },
      { name: 'other', url: 'http://127.0.0.1:9091', scrapeInterval: '30s' },
    ],
  })!;
  const datasource = (name: string | undefined): DatasourceHandle | { error: string } =>
    resolveDatasource(datasources, name);
  const page: EarlyPage = { widthPx: 1920, heightPx: 1080, scrollbarPx: 0, headerPx: 90 };
  const nowMs = Date.UTC(2026, 11, 6, 1, 0, 7);

  it('plans each first-screen panel as the panel will: its width on the grid, its step', () => {
    const got = planEarly({ dashboard, params: new URLSearchParams(), nowMs, page, datasource });
    const env = {
      fromMs: nowMs - 6 * 3600_000,
      toMs: nowMs,
      timeZone: 'browser',
      datasource,
      scope: {},
      dashboard: { uid: 'min', title: 'Minimal' },
    };
    // at 1 920 px a half-width panel's body is 938 px (measured): 940 in whole 10 px
    const expected = [
      ...planPanel(dashboard.panels[0]!, env, queryWidthPx(938)).plans,
      ...planPanel(dashboard.panels[1]!, env, queryWidthPx(938), true).plans,
    ];
    expect(got.map((r) => r.plan)).toEqual(expected);
    expect(got.map((r) => r.plan.expr)).toEqual(['up', 'rate(x[2m])']);
    expect(got.map((r) => r.handle.name)).toEqual(['main', 'other']);
    expect(got[0]!.plan).toMatchObject({ stepSec: 20, instant: false });
    expect(got[1]!.plan.instant).toBe(true);
  });

  it('takes the URL’s range and zone, and leaves out panels below the first screen', () => {
    const params = new URLSearchParams({ from: '1700000000000', to: '1700003600000', tz: 'utc' });
    const short = { ...page, heightPx: 90 + 16 + 8 * 38 - 1 };
    const below = readForPlanning({
      ...minimal,
      panels: [
        minimal.panels[0],
        { ...minimal.panels[0], id: 9, gridPos: { x: 0, y: 8, w: 24, h: 8 } },
      ],
    })!;
    const got = planEarly({ dashboard: below, params, nowMs, page: short, datasource });
    expect(got).toHaveLength(1);
    const { stepSec, startSec, endSec } = got[0]!.plan;
    expect([startSec, endSec]).toEqual([
      Math.floor(1_700_000_000 / stepSec) * stepSec,
      Math.floor(1_700_003_600 / stepSec) * stepSec,
    ]);
  });

  it('narrows the grid by the scrollbar a long dashboard will show', () => {
    const tall = readForPlanning({
      ...minimal,
      panels: [{ ...minimal.panels[0], gridPos: { x: 0, y: 0, w: 24, h: 100 } }],
    })!;
    const params = new URLSearchParams({ from: '1700000000000', to: '1700016800000' });
    const at = (scrollbarPx: number) =>
      planEarly({
        dashboard: tall,
        params,
        nowMs,
        page: { ...page, widthPx: 1000, scrollbarPx },
        datasource,
      });
    // 4 h 40 m over 970 px vs 950 px: 17.3 s vs 17.7 s, either side of a rung (15 s / 20 s)
    expect(at(0)[0]!.plan.stepSec).toBe(15);
    expect(at(20)[0]!.plan.stepSec).toBe(20);
  });
});

describe('the start-up clock', () => {
  it('gives the planner’s "now" once, to the page it planned, while its requests live', () => {
    rememberStartupNow('#/d/a', 1000);
    expect(takeStartupNow('#/d/a', 1500)).toBe(1000);
    expect(takeStartupNow('#/d/a', 1500)).toBeUndefined();
    rememberStartupNow('#/d/a', 1000);
    expect(takeStartupNow('#/d/b', 1500)).toBeUndefined();
    rememberStartupNow('#/d/a', 1000);
    expect(takeStartupNow('#/d/a', 1000 + 61_000)).toBeUndefined();
  });
});
