// The cost of every panel (issue 16): panels ask Prometheus for its query statistics
// (`stats=all`); the dashboard's cost view and the inspector show them, equal to what Prometheus
// itself answers for the same request.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fixtureBlocks, startPrometheus, tmpDir } from './fixture/stack.mjs';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  panel,
  rangeRequests,
} from './support/app';
import { hoverSeries } from './support/tooltip';
import { fixtureWindow } from './support/window';

interface Sent {
  query: string;
  start: string;
  end: string;
  step: string;
  stats: string | null;
}

const sentRanges = (page: Page): Sent[] =>
  rangeRequests(page, (p) => ({
    query: p.get('query') ?? '',
    start: p.get('start') ?? '',
    end: p.get('end') ?? '',
    step: p.get('step') ?? '',
    stats: p.get('stats'),
  }));

interface PromStats {
  series: number;
  points: number;
  samples: number;
  peak: number;
}

/** Prometheus' own answer (with its statistics) to the request the page sent. */
async function promStats(s: Sent): Promise<PromStats> {
  const qs = new URLSearchParams({ ...s, stats: 'all' });
  const res = await fetch(`${env('PROM_URL')}/api/v1/query_range?${qs}`);
  const body = (await res.json()) as {
    data: {
      result: { values: unknown[] }[];
      stats: { samples: { totalQueryableSamples: number; peakSamples: number } };
    };
  };
  return {
    series: body.data.result.length,
    points: body.data.result.reduce((n, r) => n + r.values.length, 0),
    samples: body.data.stats.samples.totalQueryableSamples,
    peak: body.data.stats.samples.peakSamples,
  };
}

const TEMPS = 'scry_temperature_celsius';
const RATE = 'sum by (job) (rate(scry_http_requests_total[5m]))';

test('the cost view and the inspector show what each query cost, equal to Prometheus’ stats', async ({
  page,
}) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
  await importDashboard(
    page,
    dashboardJson('costly', 'Costly', [
      { title: 'Temperatures', expr: TEMPS, x: 0, y: 0 },
      { title: 'Request rate', expr: RATE, x: 12, y: 0 },
      // the same query as the first panel: one request, counted once in the total
      { title: 'Temperatures again', expr: TEMPS, x: 0, y: 8 },
    ]),
  );
  // leave the import's landing view (it queries at the default range) before counting
  await open(page, '#/');
  const sent = sentRanges(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/costly?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Temperatures', 'Request rate', 'Temperatures again'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await page.waitForLoadState('networkidle');
  expect(sent.map((s) => s.stats)).toEqual(['all', 'all']);

  await page.getByTestId('cost-button').click();
  const view = page.getByTestId('cost-view');
  await expect(view.getByTestId('cost-row')).toHaveCount(3);
  const expected = new Map<string, PromStats>();
  for (const s of sent) expected.set(s.query, await promStats(s));
  const temps = expected.get(TEMPS)!;
  const rate = expected.get(RATE)!;
  // rate(…[5m]) over every series reads far more samples than the plain gauge
  expect(rate.samples).toBeGreaterThan(temps.samples);

  const figure = (row: ReturnType<typeof view.locator>, id: string) =>
    row.getByTestId(id).getAttribute('data-value');
  const rows = view.getByTestId('cost-row');
  await expect(rows.first()).toHaveAttribute('data-panel-title', 'Request rate');
  for (const [title, want] of [
    ['Request rate', rate],
    ['Temperatures', temps],
    ['Temperatures again', temps],
  ] as const) {
    const row = view.locator(`[data-testid="cost-row"][data-panel-title="${title}"]`);
    expect(await figure(row, 'cost-samples')).toBe(String(want.samples));
    expect(await figure(row, 'cost-peak')).toBe(String(want.peak));
    expect(await figure(row, 'cost-series')).toBe(String(want.series));
    expect(await figure(row, 'cost-points')).toBe(String(want.points));
    expect(Number(await figure(row, 'cost-server-time'))).toBeGreaterThan(0);
  }
  const total = view.getByTestId('cost-total');
  expect(await figure(total, 'cost-samples')).toBe(String(temps.samples + rate.samples));
  expect(await figure(total, 'cost-series')).toBe(String(temps.series + rate.series));
  await view.screenshot({ path: test.info().outputPath('cost-view.png') });

  // the inspector of one panel says the same
  await page.getByRole('button', { name: 'Close query cost' }).click();
  await expect(view).toBeHidden();
  const p = panel(page, 'Request rate');
  await p.getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  const cost = page.getByTestId('inspect-cost');
  await expect(cost.getByTestId('cost-samples')).toHaveAttribute(
    'data-value',
    String(rate.samples),
  );
  await expect(cost.getByTestId('cost-peak')).toHaveAttribute('data-value', String(rate.peak));
});

test('the suggested recording rule, backfilled and loaded, gives the costly panel’s values', async ({
  page,
}) => {
  test.slow();
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
  const { fromMs, toMs } = fixtureWindow();
  const board = (uid: string, ds: string, panels: { title: string; expr: string }[]) =>
    JSON.stringify({
      scry: 1,
      uid,
      title: uid,
      panels: panels.map((p, i) => ({
        id: i + 1,
        type: 'timeseries',
        title: p.title,
        datasource: ds,
        gridPos: { x: 0, y: i * 8, w: 24, h: 8 },
        // one point a minute: the rule below is evaluated every minute on the same grid
        targets: [{ refId: 'A', expr: p.expr, legendFormat: '{{job}}', interval: '60s' }],
      })),
    });
  await importDashboard(page, board('rule-src', 'fixture', [{ title: 'Rate', expr: RATE }]));
  await open(page, `#/d/rule-src?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(page, 'Rate')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('cost-button').click();
  await page.getByTestId('suggest-rule').click();
  const yaml = (await page.getByTestId('rule-yaml').textContent())!;
  const rewritten = (await page.getByTestId('rule-rewritten').textContent())!;
  expect(await page.getByTestId('rule-record').textContent()).toBe('job:scry_http_requests:rate5m');
  expect(rewritten).toBe('job:scry_http_requests:rate5m');
  await page.getByTestId('cost-view').screenshot({ path: test.info().outputPath('rule.png') });
  await expect(page.getByTestId('rule-saving')).toContainText('samples instead of');

  // promtool evaluates the rule over the fixture's history; a second Prometheus holds both
  const dir = path.join(tmpDir, `rule-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'rules.yml'), yaml);
  const r = spawnSync(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'rules',
      `--start=${Math.floor(fromMs / 1000)}`,
      `--end=${Math.floor(toMs / 1000)}`,
      `--url=${env('PROM_URL')}`,
      '--eval-interval=60s',
      `--output-dir=${path.join(dir, 'rule-blocks')}`,
      path.join(dir, 'rules.yml'),
    ],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  mkdirSync(path.join(dir, 'blocks'));
  cpSync(await fixtureBlocks(), path.join(dir, 'blocks'), { recursive: true });
  cpSync(path.join(dir, 'rule-blocks'), path.join(dir, 'blocks'), { recursive: true });
  const ruled = await startPrometheus({ blocksDir: path.join(dir, 'blocks'), quiet: true });
  try {
    await addDatasource(page, { name: 'ruled', url: ruled.url, scrapeInterval: '15s' });
    await importDashboard(
      page,
      board('rule-check', 'ruled', [
        { title: 'Original', expr: RATE },
        { title: 'Recorded', expr: rewritten },
      ]),
    );
    await open(page, `#/d/rule-check?from=${fromMs}&to=${toMs}&tz=utc`);
    for (const t of ['Original', 'Recorded'])
      await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
    // Prometheus evaluates a rule group at an offset of its own (here xx:51.386 of every
    // minute): the recorded panel shows at t the rule's last sample before t. That sample equals
    // the original query evaluated at the sample's own time; the two panels differ only by the
    // offset's shift of the rate window.
    const api = async <T>(params: Record<string, string>) => {
      const res = await fetch(`${ruled.url}/api/v1/query?${new URLSearchParams(params)}`);
      return ((await res.json()) as { data: { result: T[] } }).data.result;
    };
    for (const fx of [0.3, 0.75]) {
      const a = await hoverSeries(page, 'Original', fx);
      const b = await hoverSeries(page, 'Recorded', fx);
      expect(b.tMs).toBe(a.tMs);
      expect([...b.values.keys()].sort()).toEqual([...a.values.keys()].sort());
      expect(b.values.size).toBeGreaterThan(0);
      const samples = await api<{ metric: { job: string }; values: [number, string][] }>({
        query: `${rewritten}[2m]`,
        time: String(b.tMs / 1000),
      });
      for (const s of samples) {
        const [at, v] = s.values.at(-1)!;
        expect(b.values.get(s.metric.job)).toBe(Number(v));
        const original = await api<{ metric: { job: string }; value: [number, string] }>({
          query: RATE,
          time: String(at),
        });
        const same = original.find((o) => o.metric.job === s.metric.job)!;
        expect(Number(v)).toBeCloseTo(Number(same.value[1]), 9);
        const shown = a.values.get(s.metric.job)!;
        expect(Math.abs(Number(v) - shown) / shown).toBeLessThan(0.01);
      }
    }
  } finally {
    await ruled.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
