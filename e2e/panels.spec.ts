import { expect, test, type Page, type Request } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  panel,
  promApi,
  type Matrix,
  type Vector,
} from './support/app';
import { DATASET, DCS } from './fixture/env';
import { fixtureWindow } from './support/window';

test.beforeEach(async ({ page }) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

/** Records the parameters of every query_range request the page sends, by query. */
function rangeRequests(page: Page): Map<string, Record<string, string>> {
  const seen = new Map<string, Record<string, string>>();
  page.on('request', (r: Request) => {
    if (!r.url().includes('/api/v1/query_range')) return;
    const params =
      r.method() === 'POST'
        ? new URLSearchParams(r.postData() ?? '')
        : new URL(r.url()).searchParams;
    const p = Object.fromEntries(params);
    if (p.query) seen.set(p.query, p);
  });
  return seen;
}

/** The same range query the panel sent, asked of the API directly (the oracle). */
async function sameRange(sent: Map<string, Record<string, string>>, query: string) {
  const p = sent.get(query);
  expect(p, `the panel sent query_range ${query}`).toBeDefined();
  return promApi<Matrix>('/api/v1/query_range', {
    query,
    start: p!.start!,
    end: p!.end!,
    step: p!.step!,
  });
}

const values = (s: Matrix['result'][number]) => s.values.map((v) => Number(v[1]));

test('stat, gauge and bar gauge show the values the API returns (last, max, mean)', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('reduce', 'Reduce', [
      {
        title: 'Stat last',
        type: 'stat',
        expr: 'sum(scry_temperature_celsius)',
        options: { reduce: 'last', graphMode: 'none' },
        x: 0,
        y: 0,
        w: 8,
      },
      {
        title: 'Gauge max',
        type: 'gauge',
        expr: 'scry_temperature_celsius{dc="ams"}',
        options: { reduce: 'max' },
        fieldConfig: { min: 0, max: 40 },
        x: 8,
        y: 0,
        w: 8,
      },
      {
        title: 'Bars mean',
        type: 'bargauge',
        expr: 'scry_temperature_celsius',
        legend: '{{dc}}',
        options: { reduce: 'mean' },
        fieldConfig: { min: 0, max: 40 },
        x: 16,
        y: 0,
        w: 8,
      },
    ]),
  );
  const sent = rangeRequests(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/reduce?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Stat last', 'Gauge max', 'Bars mean'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');

  const sum = await sameRange(sent, 'sum(scry_temperature_celsius)');
  expect(sum.result).toHaveLength(1);
  const last = values(sum.result[0]!).at(-1)!;
  const stat = panel(page, 'Stat last').getByTestId('stat-value');
  await expect(stat).toHaveCount(1);
  expect(Number(await stat.getAttribute('data-value'))).toBe(last);

  const ams = await sameRange(sent, 'scry_temperature_celsius{dc="ams"}');
  const max = Math.max(...values(ams.result[0]!));
  const gauge = panel(page, 'Gauge max').getByTestId('gauge-value');
  await expect(gauge).toHaveCount(1);
  expect(Number(await gauge.getAttribute('data-value'))).toBe(max);
  // the arc is filled over fieldConfig min..max (0..40), not the default 0..100
  const cell = panel(page, 'Gauge max').getByTestId('gauge');
  await expect(cell).toHaveAttribute('data-min', '0');
  await expect(cell).toHaveAttribute('data-max', '40');
  expect(Number(await cell.getAttribute('data-fraction'))).toBeCloseTo(max / 40, 12);

  const all = await sameRange(sent, 'scry_temperature_celsius');
  expect(all.result).toHaveLength(DCS.length);
  const bars = panel(page, 'Bars mean').getByTestId('bargauge');
  await expect(bars).toHaveCount(all.result.length);
  for (const s of all.result) {
    const v = values(s);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const cell = bars
      .and(page.locator(`[data-name="${s.metric.dc}"]`))
      .getByTestId('bargauge-value');
    const shown = Number(await cell.getAttribute('data-value'));
    expect(Math.abs(shown - mean)).toBeLessThanOrEqual(1e-9 * Math.abs(mean));
    const track = bars.and(page.locator(`[data-name="${s.metric.dc}"]`)).locator('.bargauge-track');
    expect(Number(await track.getAttribute('data-fraction'))).toBeCloseTo(mean / 40, 9);
  }
});

test('table: an instant query at the window end, one row per dc with the API value', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('table', 'Table', [
      { title: 'Temperatures', type: 'table', expr: 'scry_temperature_celsius', w: 24 },
    ]),
  );
  const instants: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query?') || r.url().endsWith('/api/v1/query'))
      instants.push(r.url());
  });
  const ranges = rangeRequests(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/table?from=${fromMs}&to=${toMs}&tz=utc`);
  const p = panel(page, 'Temperatures');
  await expect(p).toHaveAttribute('data-state', 'ok');
  // the table's queryMode is instant: no range query was needed
  expect(instants.length).toBeGreaterThan(0);
  expect(ranges.size).toBe(0);
  const api = await promApi<Vector>('/api/v1/query', {
    query: 'scry_temperature_celsius',
    time: toMs / 1000,
  });
  expect(api.result).toHaveLength(DCS.length);
  const rows = p.getByTestId('table-panel').locator('tbody tr');
  await expect(rows).toHaveCount(api.result.length);
  const shown = new Map<string, number>();
  for (const row of await rows.all()) {
    const dc = (await row.locator('td[data-column="dc"]').textContent())!;
    const v = Number(await row.locator('td[data-column="Value"]').getAttribute('data-value'));
    shown.set(dc, v);
  }
  expect(new Map(api.result.map((s) => [s.metric.dc!, Number(s.value[1])]))).toEqual(shown);
});

test('text panel: an XSS payload renders as inert content', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const payload =
    '<img src=x onerror="alert(1)"><script>alert(2)</script>' +
    '<a href="javascript:alert(3)">link</a><svg onload="alert(4)"></svg><b>bold</b>';
  await importDashboard(
    page,
    dashboardJson('text', 'Text', [
      { title: 'Html', type: 'text', expr: '', options: { mode: 'html', content: payload } },
      {
        title: 'Markdown',
        type: 'text',
        expr: '',
        x: 12,
        y: 0,
        options: { mode: 'markdown', content: `# Hello\n\n${payload}\n\n[x](javascript:alert(5))` },
      },
    ]),
  );
  await open(page, '#/d/text');
  for (const t of ['Html', 'Markdown']) {
    const p = panel(page, t);
    await expect(p).toHaveAttribute('data-state', 'ok');
    const body = p.getByTestId('text-panel');
    await expect(body).toBeVisible();
    // no "No query" message or datasource error for a panel without queries
    await expect(p.getByTestId('panel-error')).toHaveCount(0);
    await expect(p.locator('.panel-msg')).toHaveCount(0);
    await expect(body.locator('script')).toHaveCount(0);
    await expect(
      body.locator('[onerror], [onload], [onclick], a[href^="javascript:" i]'),
    ).toHaveCount(0);
    const html = await body.innerHTML();
    expect(html).not.toMatch(/<script|onerror=|onload=|javascript:/i);
  }
  await expect(panel(page, 'Html').getByTestId('text-panel').locator('b')).toHaveText('bold');
  await expect(panel(page, 'Markdown').getByRole('heading', { name: 'Hello' })).toBeVisible();
  // give a would-be handler (image error, svg load) the chance to run
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
});

test('alert list: ScryAlwaysFiring is firing, ScryPendingForAnHour is pending', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('alerts', 'Alerts', [{ title: 'Alerts', type: 'alertlist', expr: '', w: 24 }]),
  );
  await open(page, '#/d/alerts');
  const p = panel(page, 'Alerts');
  await expect(p).toHaveAttribute('data-state', 'ok');
  await expect(
    p.locator('[data-testid="alert-item"][data-alertname="ScryAlwaysFiring"]'),
  ).toHaveAttribute('data-state', 'firing');
  await expect(
    p.locator('[data-testid="alert-item"][data-alertname="ScryPendingForAnHour"]'),
  ).toHaveAttribute('data-state', 'pending');
  await expect(p.getByTestId('panel-error')).toHaveCount(0);
});

test('alert list with an unknown datasource shows that error itself', async ({ page }) => {
  await importDashboard(
    page,
    dashboardJson('alerts-bad', 'Alerts bad', [
      { title: 'Alerts', type: 'alertlist', expr: '', datasource: 'nope' },
    ]),
  );
  await open(page, '#/d/alerts-bad');
  const err = panel(page, 'Alerts').getByTestId('panel-error');
  await expect(err).toHaveCount(1);
  await expect(err).toContainText('nope');
  // the shell shows it (a panel without queries reports its error) and says so in data-state
  await expect(panel(page, 'Alerts')).toHaveAttribute('data-state', 'error');
});

test('a broken query: the shell shows the error once and data-state="error", range or instant', async ({
  page,
}) => {
  const bad = 'sum(rate(scry_http_requests_total[5m])';
  await importDashboard(
    page,
    dashboardJson('broken-modes', 'Broken modes', [
      { title: 'Range', expr: bad, w: 8 },
      // an instant target on a stat; the table's queryMode is instant
      { title: 'Stat', type: 'stat', expr: bad, instant: true, x: 8, y: 0, w: 8 },
      { title: 'Table', type: 'table', expr: bad, x: 16, y: 0, w: 8 },
      { title: 'Fine', type: 'stat', expr: 'count(scry_temperature_celsius)', y: 8 },
    ]),
  );
  // the oracle: Prometheus's own words for this expression (the two endpoints word it apart)
  const words = (path: string, params: Record<string, string | number>) =>
    promApi(path, { query: bad, ...params }).then(
      () => 'no error',
      (e: Error) => e.message,
    );
  const { fromMs, toMs } = fixtureWindow();
  const range = await words('/api/v1/query_range', {
    start: fromMs / 1000,
    end: toMs / 1000,
    step: 60,
  });
  const instant = await words('/api/v1/query', { time: toMs / 1000 });
  expect(range).toMatch(/^bad_data: /);
  expect(instant).toMatch(/^bad_data: /);
  await open(page, `#/d/broken-modes?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const [title, expected] of [
    ['Range', range],
    ['Stat', instant],
    ['Table', instant],
  ] as const) {
    const p = panel(page, title);
    await expect(p).toHaveAttribute('data-state', 'error');
    await expect(p.getByTestId('panel-error')).toHaveCount(1);
    await expect(p.getByTestId('panel-error')).toHaveText(expected);
  }
  await expect(panel(page, 'Fine')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Fine').getByTestId('panel-error')).toHaveCount(0);
});

test('5 000 series: the panel draws 500, says so, and the page stays responsive', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('many', 'Many', [
      { title: 'Many', expr: 'scry_many_series', w: 24, h: 10 },
      { title: 'Other', expr: 'sum(scry_temperature_celsius)', y: 10 },
    ]),
  );
  const { toMs } = fixtureWindow();
  await open(page, `#/d/many?from=${DATASET.manyStartMs}&to=${toMs}&tz=utc`);
  const p = panel(page, 'Many');
  await expect(p).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await expect(p.getByTestId('series-limit')).toHaveText('Showing 500 of 5,000 series');
  await expect(p.getByTestId('legend-item')).toHaveCount(500);
  // the page still answers: script runs, and a control responds to a click
  expect(await page.evaluate(() => document.querySelectorAll('[data-testid="panel"]').length)).toBe(
    2,
  );
  await page.getByTestId('edit-toggle').click();
  await expect(page.getByTestId('edit-toggle')).toHaveText('Done editing');
  await expect(page.getByTestId('add-panel')).toBeVisible();
  await page.getByTestId('edit-toggle').click();
  await expect(page.getByTestId('edit-toggle')).toHaveText('Edit');
});

test('panel menu "View": one panel full screen, viewPanel in the URL, Escape and back return', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('view', 'View', [
      { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
      { title: 'Sum', expr: 'sum(scry_temperature_celsius)', type: 'stat', x: 12, y: 0 },
    ]),
  );
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/view?from=${fromMs}&to=${toMs}&tz=utc`);
  const temp = panel(page, 'Temperature');
  await expect(temp).toHaveAttribute('data-state', 'ok');
  const small = (await temp.boundingBox())!;

  const viewIt = async () => {
    await temp.getByRole('button', { name: 'Panel menu' }).click();
    await temp.getByRole('menuitem', { name: 'View' }).click();
    await expect(page).toHaveURL(/[?&]viewPanel=1(&|$)/);
    await expect(page.getByTestId('panel-view')).toBeVisible();
    await expect(page.getByTestId('panel')).toHaveCount(1);
    await expect(temp).toHaveAttribute('data-state', 'ok');
  };
  await viewIt();
  const big = (await temp.boundingBox())!;
  expect(big.width).toBeGreaterThan(small.width * 1.5);
  expect(big.height).toBeGreaterThan(small.height * 1.5);
  // the time range stays in the URL
  expect(page.url()).toContain(`from=${fromMs}`);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('panel-view')).toHaveCount(0);
  await expect(page.getByTestId('panel')).toHaveCount(2);
  expect(page.url()).not.toContain('viewPanel');

  await viewIt();
  await page.goBack();
  await expect(page.getByTestId('panel-view')).toHaveCount(0);
  await expect(page.getByTestId('panel')).toHaveCount(2);
  expect(page.url()).not.toContain('viewPanel');

  // a link opens the view directly; the close button returns
  await open(page, `#/d/view?from=${fromMs}&to=${toMs}&tz=utc&viewPanel=2`);
  await expect(page.getByTestId('panel')).toHaveCount(1);
  await expect(panel(page, 'Sum')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('panel-view-close').click();
  await expect(page.getByTestId('panel')).toHaveCount(2);
});

test('panel menu in edit mode: Duplicate adds a copy below with the same data, Remove asks and removes', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('dup', 'Dup', [
      { title: 'Sum', expr: 'sum(scry_temperature_celsius)', type: 'stat', unit: 'celsius' },
      { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}', x: 12, y: 0 },
    ]),
  );
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/dup?from=${fromMs}&to=${toMs}&tz=utc`);
  const sum = panel(page, 'Sum');
  await expect(sum).toHaveAttribute('data-state', 'ok');
  // view mode offers no Duplicate / Remove
  await sum.getByRole('button', { name: 'Panel menu' }).click();
  await expect(sum.getByRole('menuitem', { name: 'Duplicate' })).toHaveCount(0);
  await expect(sum.getByRole('menuitem', { name: 'Remove' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await sum.getByRole('button', { name: 'Panel menu' }).click();
  await sum.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(sum).toHaveCount(2);
  await expect(page.getByTestId('panel')).toHaveCount(3);
  await expect(page.getByText('● unsaved')).toBeVisible();
  const [a, b] = [sum.nth(0), sum.nth(1)];
  await expect(a).toHaveAttribute('data-state', 'ok');
  await expect(b).toHaveAttribute('data-state', 'ok');
  const va = await a.getByTestId('stat-value').getAttribute('data-value');
  expect(await b.getByTestId('stat-value').getAttribute('data-value')).toBe(va);
  // the copy sits below the original
  const [ba, bb] = [(await a.boundingBox())!, (await b.boundingBox())!];
  expect(bb.y).toBeGreaterThanOrEqual(ba.y + ba.height - 1);

  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await b.getByRole('button', { name: 'Panel menu' }).click();
  await b.getByRole('menuitem', { name: 'Remove' }).click();
  expect(asked).toContain('Remove panel "Sum"');
  await expect(sum).toHaveCount(1);
  await expect(page.getByTestId('panel')).toHaveCount(2);
  await expect(panel(page, 'Temperature')).toHaveCount(1);
});

test('time series options: table legend with mean/max/last equal to the API; bars, percent stacking, log scale, thresholds render', async ({
  page,
}) => {
  const thresholds = {
    mode: 'absolute',
    steps: [
      { value: null, color: 'green' },
      { value: 20, color: 'red' },
    ],
  };
  await importDashboard(
    page,
    dashboardJson('ts-options', 'TS options', [
      {
        title: 'Legend table',
        expr: 'scry_temperature_celsius',
        legend: '{{dc}}',
        w: 24,
        h: 10,
        options: {
          legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean', 'max', 'last'] },
        },
        fieldConfig: {
          thresholds,
          custom: { thresholdsStyle: { mode: 'line+area' } },
        },
      },
      {
        title: 'Stacked bars',
        expr: 'sum by (job) (rate(scry_http_requests_total[5m]))',
        legend: '{{job}}',
        y: 10,
        fieldConfig: { custom: { drawStyle: 'bars', stacking: { mode: 'percent', group: 'A' } } },
      },
      {
        title: 'Log points',
        expr: 'sum by (le) (rate(scry_request_duration_seconds_bucket[5m]))',
        x: 12,
        y: 10,
        fieldConfig: {
          custom: { drawStyle: 'points', scaleDistribution: { type: 'log', log: 2 } },
        },
      },
    ]),
  );
  const sent = rangeRequests(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/ts-options?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Legend table', 'Stacked bars', 'Log points'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');

  const p = panel(page, 'Legend table');
  const table = p.getByTestId('legend-table');
  await expect(table.locator('th')).toHaveText(['Name', 'Mean', 'Max', 'Last']);
  const api = await sameRange(sent, 'scry_temperature_celsius');
  await expect(table.locator('tbody tr')).toHaveCount(api.result.length);
  const lastStep = Number(sent.get('scry_temperature_celsius')!.end);
  for (const s of api.result) {
    const row = table.locator('tbody tr').filter({
      has: page.locator('[data-testid="legend-item"]', { hasText: new RegExp(`^${s.metric.dc}$`) }),
    });
    const v = values(s);
    const cell = async (calc: string) =>
      Number(await row.locator(`[data-calc="${calc}"]`).getAttribute('data-value'));
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    expect(Math.abs((await cell('mean')) - mean)).toBeLessThanOrEqual(1e-9 * Math.abs(mean));
    expect(await cell('max')).toBe(Math.max(...v));
    // "last" is the value at the last step (NaN if the series has no sample there)
    const at = s.values.at(-1)!;
    expect(await cell('last')).toBe(at[0] === lastStep ? Number(at[1]) : NaN);
  }

  await expect(panel(page, 'Stacked bars').locator('.ts-panel')).toHaveAttribute(
    'data-draw-style',
    'bars',
  );
  await expect(panel(page, 'Stacked bars').locator('.ts-panel')).toHaveAttribute(
    'data-stacking',
    'percent',
  );
  await expect(panel(page, 'Log points').locator('.ts-panel')).toHaveAttribute(
    'data-y-scale',
    'log2',
  );
  for (const t of ['Legend table', 'Stacked bars', 'Log points'])
    await expect(panel(page, t).getByTestId('panel-error')).toHaveCount(0);
});

test('ALERTS state changes as annotations: firing and pending markers from the live rules', async ({
  page,
}) => {
  // The fixture's Prometheus started at most minutes ago, so its alerts began inside the last
  // 3 hours; wait (before the page takes its "now") until that start is at least two 15 s steps
  // old, so the panel's grid sees the change.
  test.setTimeout(120_000);
  await expect
    .poll(
      async () => {
        const v = await promApi<Vector>('/api/v1/query', {
          query: 'time() - min(ALERTS_FOR_STATE)',
        });
        return Number(v.result[0]?.value[1] ?? 0);
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBeGreaterThan(35);
  await importDashboard(
    page,
    dashboardJson('alert-annotations', 'Alert annotations', [
      {
        title: 'Up',
        expr: 'vector(1)',
        w: 24,
        h: 10,
        options: { alertAnnotations: true },
      },
    ]),
  );
  await open(page, '#/d/alert-annotations?from=now-3h&to=now&tz=utc');
  const p = panel(page, 'Up');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const api = await promApi<Vector>('/api/v1/query', { query: 'ALERTS' });
  expect(api.result.length).toBeGreaterThan(0);
  await expect(
    p.locator('[data-testid="annotation"][data-alertname="ScryAlwaysFiring"][data-state="firing"]'),
  ).toHaveCount(1);
  await expect(
    p.locator(
      '[data-testid="annotation"][data-alertname="ScryPendingForAnHour"][data-state="pending"]',
    ),
  ).toHaveCount(1);
});
