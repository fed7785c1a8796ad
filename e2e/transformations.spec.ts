import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  env,
  importDashboard,
  open,
  panel,
  promApi,
  rangeRequests,
  type Matrix,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

test.beforeEach(async ({ page }) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

type Target = { refId: string; expr: string; legendFormat?: string; instant?: boolean };

function dashboard(uid: string, panels: Record<string, unknown>[]): string {
  return JSON.stringify({
    scry: 1,
    uid,
    title: uid,
    panels: panels.map((p, i) => ({ id: i + 1, fieldConfig: { unit: 'short' }, ...p })),
  });
}

/** The query_range parameters the page sent, by query. */
function sentRanges(page: Page) {
  return rangeRequests(page, (p) => ({
    query: p.get('query')!,
    start: p.get('start')!,
    end: p.get('end')!,
    step: p.get('step')!,
  }));
}

/** The API's answer to the same range query the panel sent: time (s) → value of its one series. */
async function sameRange(sent: ReturnType<typeof sentRanges>, query: string) {
  const p = sent.findLast((s) => s.query === query);
  expect(p, `the panel sent query_range ${query}`).toBeDefined();
  const m = await promApi<Matrix>('/api/v1/query_range', { ...p! });
  expect(m.result).toHaveLength(1);
  return new Map(m.result[0]!.values.map(([t, v]) => [Number(t), Number(v)]));
}

/** Grafana's reduceRow mean over an outer join on time: the mean of the values present. */
function rowMean(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const times = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  return new Map(
    times.map((t) => {
      const v = [a.get(t), b.get(t)].filter((x): x is number => x !== undefined);
      return [t, v.reduce((s, x) => s + x, 0) / v.length];
    }),
  );
}

const close = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));

const AMS = 'scry_temperature_celsius{dc="ams"}';
const FRA = 'scry_temperature_celsius{dc="fra"}';

test('calculateField (row mean) + organize: a time series, a bar gauge with Time hidden, and a missing field named on the panel', async ({
  page,
}) => {
  const mean = {
    id: 'calculateField',
    options: {
      alias: 'Mean',
      mode: 'reduceRow',
      reduce: { include: ['ams', 'fra'], reducer: 'mean' },
    },
  };
  const targets = (wrap: (e: string) => string): Target[] => [
    { refId: 'A', expr: wrap(AMS), legendFormat: 'ams' },
    { refId: 'B', expr: wrap(FRA), legendFormat: 'fra' },
  ];
  await importDashboard(
    page,
    dashboard('transform-rows', [
      {
        type: 'timeseries',
        title: 'Mean line',
        gridPos: { x: 0, y: 0, w: 24, h: 9 },
        targets: targets((e) => e),
        options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['max', 'last'] } },
        transformations: [
          mean,
          { id: 'organize', options: { excludeByName: { ams: true, fra: true } } },
        ],
      },
      {
        type: 'bargauge',
        title: 'Mean bars',
        gridPos: { x: 0, y: 9, w: 12, h: 6 },
        targets: [
          ...targets((e) => `max(${e})`),
          { refId: 'C', expr: 'max(scry_temperature_celsius{dc="nyc"})', legendFormat: 'nyc' },
        ],
        options: { reduce: 'lastNotNull' },
        transformations: [
          mean,
          {
            id: 'organize',
            options: {
              excludeByName: { ams: true, fra: true, Time: true },
              indexByName: { Time: 0, nyc: 1, Mean: 2 },
            },
          },
        ],
      },
      {
        type: 'stat',
        title: 'Missing field',
        gridPos: { x: 12, y: 9, w: 12, h: 6 },
        targets: [{ refId: 'A', expr: 'sum(scry_temperature_celsius)', legendFormat: 'sum' }],
        options: { reduce: 'lastNotNull', graphMode: 'none' },
        transformations: [
          {
            id: 'calculateField',
            options: { mode: 'binary', binary: { left: 'nope', operator: '*', right: '2' } },
          },
        ],
      },
    ]),
  );
  const sent = sentRanges(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/transform-rows?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Mean line', 'Mean bars', 'Missing field'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');

  // the time series: one line, the row mean of ams and fra at every step
  const line = panel(page, 'Mean line');
  await expect(line.getByTestId('legend-item')).toHaveText(['Mean']);
  const want = rowMean(await sameRange(sent, AMS), await sameRange(sent, FRA));
  const cell = async (calc: string) =>
    Number(await line.locator(`[data-calc="${calc}"]`).getAttribute('data-value'));
  close(await cell('max'), Math.max(...want.values()));
  const lastStep = Number(sent.findLast((s) => s.query === AMS)!.end);
  close(await cell('last'), want.get(lastStep) ?? NaN);

  // the bar gauge: Time hidden, nyc before Mean, each reduced over its rows (last not null)
  const bars = panel(page, 'Mean bars');
  await expect(bars.getByTestId('bargauge')).toHaveCount(2);
  const names = await bars
    .getByTestId('bargauge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  expect(names).toEqual(['nyc', 'Mean']);
  const barMean = rowMean(
    await sameRange(sent, `max(${AMS})`),
    await sameRange(sent, `max(${FRA})`),
  );
  const nyc = await sameRange(sent, 'max(scry_temperature_celsius{dc="nyc"})');
  const lastOf = (m: Map<number, number>) => m.get(Math.max(...m.keys()))!;
  const values = await bars
    .getByTestId('bargauge-value')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  close(values[0]!, lastOf(nyc));
  close(values[1]!, lastOf(barMean));

  // a field that does not exist: named on the panel, the data still shown untransformed
  const missing = panel(page, 'Missing field');
  await expect(missing.getByTestId('panel-warning')).toHaveText(
    'Transformation 1 (calculateField): no field named "nope"',
  );
  const sum = await sameRange(sent, 'sum(scry_temperature_celsius)');
  close(Number(await missing.getByTestId('stat-value').getAttribute('data-value')), lastOf(sum));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/transformations-rows-1440.png' });
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.screenshot({ path: 'test-results/transformations-rows-1000.png' });

  // the editor lists it with the reason, where the user is looking
  await missing.getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = page.getByTestId('panel-editor');
  const item = editor.getByTestId('transformation');
  await expect(item.getByTestId('transformation-summary')).toHaveText(
    '1. calculateField: nope * 2',
  );
  await expect(item.getByTestId('transformation-problem')).toHaveText('no field named "nope"');
  await editor.getByTestId('transform-options').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/transformations-editor-1000.png' });
  // disabled: skipped, the warning goes
  await editor
    .getByRole('checkbox', { name: 'Enable transformation 1 (calculateField)' })
    .uncheck();
  await expect(editor.getByTestId('panel-warning')).toBeHidden();
  await expect(item.getByTestId('transformation-problem')).toHaveCount(0);
});

test('table: merge, binary calculation, organize rename/hide and sortBy equal the API', async ({
  page,
}) => {
  const A = 'max by (job) (scry_http_requests_total)';
  const B = 'count by (job) (scry_http_requests_total)';
  await importDashboard(
    page,
    dashboard('transform-table', [
      {
        type: 'table',
        title: 'Requests by job',
        gridPos: { x: 0, y: 0, w: 24, h: 8 },
        targets: [
          { refId: 'A', expr: A, instant: true },
          { refId: 'B', expr: B, instant: true },
        ],
        options: { showHeader: true, format: 'table' },
        transformations: [
          { id: 'merge', options: {} },
          {
            id: 'calculateField',
            options: {
              alias: 'Per series',
              mode: 'binary',
              binary: { left: 'Value #A', operator: '/', right: 'Value #B' },
            },
          },
          {
            id: 'organize',
            options: {
              excludeByName: { Time: true },
              renameByName: { job: 'Job', 'Value #A': 'Max', 'Value #B': 'Series' },
            },
          },
          { id: 'sortBy', options: { sort: [{ field: 'Job', desc: true }] } },
        ],
      },
    ]),
  );
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/transform-table?from=${fromMs}&to=${toMs}&tz=utc`);
  const p = panel(page, 'Requests by job');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const table = p.getByTestId('table-panel');
  await expect(table.locator('th')).toHaveText(['Job', 'Max', 'Series', 'Per series']);

  const at = (query: string) =>
    promApi<Vector>('/api/v1/query', { query, time: toMs / 1000 }).then(
      (v) => new Map(v.result.map((s) => [s.metric.job!, Number(s.value[1])])),
    );
  const max = await at(A);
  const count = await at(B);
  const jobs = [...max.keys()].sort().reverse();
  expect(jobs.length).toBeGreaterThan(1);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(jobs.length);
  await expect(rows.locator('td[data-column="Job"]')).toHaveText(jobs);
  for (const [i, job] of jobs.entries()) {
    const num = async (col: string) =>
      Number(await rows.nth(i).locator(`td[data-column="${col}"]`).getAttribute('data-value'));
    expect(await num('Max')).toBe(max.get(job));
    expect(await num('Series')).toBe(count.get(job));
    close(await num('Per series'), max.get(job)! / count.get(job)!);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/transformations-table-1440.png' });
});
