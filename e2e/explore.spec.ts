import { expect, test } from '@playwright/test';
import {
  addDatasource,
  env,
  importDashboard,
  storedDashboards,
  open,
  panel,
  promApi,
  typeExpr,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

test('graph and table show the API values; the URL carries ds and expr; history lists it', async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/explore?ds=fixture&from=${fromMs}&to=${toMs}&tz=utc`);
  await typeExpr(page.getByTestId('query-expr'), 'scry_temperature_celsius');
  await page.getByTestId('explore-legend').fill('{{dc}}');
  await page.getByTestId('explore-run').click();
  await expect(page).toHaveURL(/ds=fixture/);
  await expect(page).toHaveURL(/expr=scry_temperature_celsius/);

  const graph = page.getByTestId('explore-graph').getByTestId('panel');
  await expect(graph).toHaveAttribute('data-state', 'ok');
  const at = await promApi<Vector>('/api/v1/query', {
    query: 'scry_temperature_celsius',
    time: toMs / 1000,
  });
  const dcs = at.result.map((s) => s.metric.dc!).sort();
  await expect(graph.getByTestId('legend-item')).toHaveCount(dcs.length);
  expect((await graph.getByTestId('legend-item').allTextContents()).sort()).toEqual(dcs);

  await page.getByTestId('explore-tab-table').click();
  const rows = page.getByTestId('explore-row');
  await expect(rows).toHaveCount(at.result.length);
  for (const s of at.result) {
    const row = rows.filter({
      has: page.locator(`td[data-label="dc"]`, { hasText: s.metric.dc! }),
    });
    await expect(row.getByTestId('explore-value')).toHaveAttribute(
      'data-value',
      String(Number(s.value[1])),
    );
  }

  // history: a second query, then the first is still listed and runs again on click
  await typeExpr(page.getByTestId('query-expr'), 'max(scry_temperature_celsius)');
  await page.getByTestId('explore-run').click();
  await expect(page).toHaveURL(/expr=max/);
  const items = page.getByTestId('history-item');
  await expect(items).toHaveText(['max(scry_temperature_celsius)', 'scry_temperature_celsius']);
  await page.reload();
  await expect(page.getByTestId('history-item')).toHaveCount(2);
  await page.getByTestId('history-item').nth(1).click();
  await expect(page).toHaveURL(/expr=scry_temperature_celsius(&|$)/);
});

test('metric browser: a live histogram proposes a heatmap with p50/p90/p99 lines', async ({
  page,
}) => {
  // The live service has history only since the suite started: wait until a 15 s step grid
  // (the datasource's scrape interval) has a point with a rate, as the panel will ask.
  await expect
    .poll(
      async () => {
        const endSec = Math.floor(Date.now() / 15_000) * 15;
        const r = await promApi<{ result: unknown[] }>('/api/v1/query_range', {
          query: 'sum by (le) (rate(http_request_duration_seconds_bucket[1m]))',
          start: endSec - 300,
          end: endSec,
          step: 15,
        });
        return r.result.length;
      },
      { timeout: 40_000 },
    )
    .toBeGreaterThan(0);
  await open(page, `#/explore?ds=fixture&from=now-5m&to=now`);
  const browser = page.getByTestId('metric-browser');
  await browser.getByTestId('metric-search').fill('http_request_duration');
  const item = browser.locator(
    '[data-testid="metric-item"][data-metric="http_request_duration_seconds"]',
  );
  await expect(item).toContainText('histogram');
  await item.click();
  await expect(page).toHaveURL(/expr=sum/);
  const graph = page.getByTestId('explore-graph');
  await expect(graph.getByTestId('heatmap-panel')).toBeVisible({ timeout: 20_000 });
  await expect(graph.getByTestId('legend-item')).toHaveText(['p50', 'p90', 'p99']);
  // its labels, with value counts, to group or filter by
  await expect(page.locator('[data-testid="metric-label"][data-label="le"]')).toBeVisible();
});

test('Ctrl/Cmd+Enter in the editor runs the query', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/explore?ds=fixture&from=${fromMs}&to=${toMs}&tz=utc`);
  const cm = page.getByTestId('query-expr').locator('.cm-content');
  await expect(cm).toBeVisible();
  await cm.click();
  await page.keyboard.insertText('sum(scry_temperature_celsius)');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page).toHaveURL(/expr=sum%28scry_temperature_celsius%29/);
  await expect(page.getByTestId('explore-graph').getByTestId('panel')).toHaveAttribute(
    'data-state',
    'ok',
  );
  await expect(page.getByTestId('history-item').first()).toHaveText(
    'sum(scry_temperature_celsius)',
  );
});

test('an empty Explore says where to type; the completion list closes after ) and Ctrl+Enter', async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/explore?ds=fixture&from=${fromMs}&to=${toMs}&tz=utc`);
  const graph = page.getByTestId('explore-graph').getByTestId('panel');
  await expect(graph).toHaveAttribute('data-state', 'empty');
  await expect(graph.locator('.panel-msg')).toHaveText(
    'Type a PromQL query above and press Run query (Ctrl/Cmd+Enter), or pick one under Metrics',
  );

  const cm = page.getByTestId('query-expr').locator('.cm-content');
  await expect(cm).toBeVisible();
  await cm.click();
  const popup = page.locator('.cm-tooltip-autocomplete');
  await page.keyboard.type('sum(scry_temperature');
  await expect(popup).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.type('_celsius)');
  await expect(cm).toHaveText('sum(scry_temperature_celsius)');
  // give a late completion answer the time to open the list: it must not
  await page.waitForTimeout(500);
  await expect(popup).toBeHidden();
  // Ctrl+Space lists the operators on demand; Ctrl+Enter runs and closes the list
  await page.keyboard.press('Control+Space');
  await expect(popup).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(popup).toBeHidden();
  await expect(graph).toHaveAttribute('data-state', 'ok');
  await expect(cm).toHaveText('sum(scry_temperature_celsius)');
});

test('add to dashboard: a fresh panel id, also past the panels folded in a collapsed row', async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  const ts = (id: number, title: string, y: number) => ({
    id,
    type: 'timeseries',
    title,
    gridPos: { x: 0, y, w: 12, h: 6 },
    targets: [{ refId: 'A', expr: 'scry_temperature_celsius' }],
  });
  await importDashboard(
    page,
    JSON.stringify({
      scry: 1,
      uid: 'target',
      title: 'Target board',
      panels: [
        ts(1, 'Top', 0),
        {
          id: 2,
          type: 'row',
          title: 'Folded',
          gridPos: { x: 0, y: 6, w: 24, h: 1 },
          collapsed: true,
          panels: [ts(7, 'Hidden', 7)],
        },
      ],
    }),
  );
  await open(page, `#/explore?ds=fixture&from=${fromMs}&to=${toMs}&tz=utc`);
  await typeExpr(page.getByTestId('query-expr'), 'max(scry_temperature_celsius)');
  await page.getByTestId('explore-run').click();
  await expect(page).toHaveURL(/expr=max/);
  await page.getByTestId('explore-add-to-dashboard').click();
  await page.getByTestId('add-to-dashboard-target').selectOption('target');
  await page.getByTestId('add-to-dashboard-confirm').click();
  await expect(page).toHaveURL(/#\/d\/target/);
  await expect(panel(page, 'max(scry_temperature_celsius)')).toBeVisible();

  const ids = (await storedDashboards(page))['target']!.panels.flatMap((p) => [
    p.id,
    ...(p.panels ?? []).map((c) => c.id),
  ]);
  expect(ids).toEqual([1, 2, 7, 8]);
  // expanding the row shows both panels (an id clash would lose one)
  await page
    .locator('[data-testid="row"][data-row-title="Folded"]')
    .getByTestId('row-toggle')
    .click();
  await expect(panel(page, 'Hidden')).toBeVisible();
  await expect(panel(page, 'max(scry_temperature_celsius)')).toBeVisible();
});

test('a query touching more series than the limit asks first, with the count; Run anyway runs it', async ({
  page,
}) => {
  // the limit, set in Settings (10 000 by default; the fixture's many-series metric has 5 000)
  await open(page, '#/settings');
  await page.getByTestId('series-warn-above').fill('1000');
  await page
    .getByRole('form', { name: 'Costly queries' })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(page.getByTestId('series-warn-saved')).toHaveText('Asks above 1,000 series');

  const { toMs } = fixtureWindow();
  const fromMs = toMs - 3_600_000;
  const ranges: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query_range')) ranges.push(r.url());
  });
  await open(page, `#/explore?ds=fixture&from=${fromMs}&to=${toMs}&tz=utc`);
  const many = await promApi<Vector>('/api/v1/query', {
    query: 'count(scry_many_series)',
    time: toMs / 1000,
  });
  const count = Number(many.result[0]!.value[1]);
  expect(count).toBe(5000);
  await typeExpr(page.getByTestId('query-expr'), 'sum by (idx) (scry_many_series)');
  await page.getByTestId('explore-run').click();
  const warning = page.getByTestId('series-warning');
  await expect(warning).toContainText(
    `This query touches about ${count.toLocaleString('en')} series (counted at the end of the range), above the warning limit of 1,000 (Settings).`,
  );
  await page.screenshot({ path: test.info().outputPath('series-warning.png') });
  // nothing ran: no range query, the URL has no expression yet
  expect(ranges).toEqual([]);
  await expect(page).not.toHaveURL(/expr=/);
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toHaveCount(0);
  expect(ranges).toEqual([]);

  // a narrow query runs without asking
  await typeExpr(page.getByTestId('query-expr'), 'scry_many_series{idx="7"}');
  await page.getByTestId('explore-run').click();
  const graph = page.getByTestId('explore-graph').getByTestId('panel');
  await expect(graph).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('series-warning')).toHaveCount(0);

  // one series out, 5 000 touched: asked too, and run anyway
  await typeExpr(page.getByTestId('query-expr'), 'count(scry_many_series)');
  await page.getByTestId('explore-run').click();
  await expect(warning).toContainText('about 5,000 series');
  await page.getByTestId('series-run-anyway').click();
  await expect(page).toHaveURL(/expr=count/);
  await expect(graph).toHaveAttribute('data-state', 'ok');
  expect(ranges.some((u) => u.includes('query=count'))).toBe(true);
});
