import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { addDatasource, createDashboard, env, open, panel, promApi } from './support/app';
import { fixtureWindow } from './support/window';

type Vector = {
  resultType: 'vector';
  result: { metric: Record<string, string>; value: [number, string] }[];
};

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

async function openAt(page: Page, uid: string, fromMs: number, toMs: number) {
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`);
}

test('two panels: saved, reloaded, tooltip and legend match the Prometheus API', async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Fixture board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}', unit: 'none' },
    {
      title: 'Requests',
      expr: 'sum by (job) (rate(scry_http_requests_total[5m]))',
      legend: '{{job}}',
      unit: 'reqps',
    },
  ]);
  await page.reload();
  await openAt(page, uid, fromMs, toMs);
  await expect(page.getByTestId('dashboard-title')).toHaveText('Fixture board');
  const temp = panel(page, 'Temperature');
  await expect(temp).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Requests')).toHaveAttribute('data-state', 'ok');

  // Legend: one entry per dc, as the API reports them.
  const series = await promApi<Vector>('/api/v1/query', {
    query: 'scry_temperature_celsius',
    time: toMs / 1000,
  });
  const dcs = series.result.map((s) => s.metric.dc!).sort();
  expect(dcs.length).toBeGreaterThan(1);
  await expect(temp.getByTestId('legend-item')).toHaveText(dcs.map(() => /.+/));
  expect((await temp.getByTestId('legend-item').allTextContents()).sort()).toEqual(dcs);

  // Tooltip at the cursor: its time and every value equal the API's answer at that time.
  const plot = temp.locator('.u-over');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  const tooltip = temp.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  const tMs = Number(await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms'));
  expect(tMs).toBeGreaterThan(fromMs);
  expect(tMs).toBeLessThan(toMs);
  const at = await promApi<Vector>('/api/v1/query', {
    query: 'scry_temperature_celsius',
    time: tMs / 1000,
  });
  const rows = tooltip.getByTestId('tooltip-row');
  await expect(rows).toHaveCount(at.result.length);
  for (const s of at.result) {
    const row = rows.filter({
      has: page.locator('.tt-name', { hasText: new RegExp(`^${s.metric.dc}$`) }),
    });
    const value = row.locator('.tt-value');
    // the raw value is exact; the text is that value formatted with the panel's unit
    expect(Number(await value.getAttribute('data-value'))).toBe(Number(s.value[1]));
    const shown = Number((await value.textContent())!.replace(/[^0-9.eE+-]/g, ''));
    expect(shown).toBeCloseTo(Number(s.value[1]), 1);
  }
});

test('dragging across a chart zooms: the URL gets the absolute range', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Zoom board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
  ]);
  await openAt(page, uid, fromMs, toMs);
  const temp = panel(page, 'Temperature');
  await expect(temp).toHaveAttribute('data-state', 'ok');
  const box = (await temp.locator('.u-over').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.25, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).not.toHaveURL(new RegExp(`from=${fromMs}&`));
  const url = new URL(page.url().replace('/#/', '/'));
  const newFrom = Number(url.searchParams.get('from'));
  const newTo = Number(url.searchParams.get('to'));
  const span = toMs - fromMs;
  expect(newFrom).toBeGreaterThan(fromMs + span * 0.2);
  expect(newTo).toBeLessThan(fromMs + span * 0.55);
  expect(newTo).toBeGreaterThan(newFrom);
  await expect(temp).toHaveAttribute('data-state', 'ok');
});

test("a bad query shows Prometheus' own error on that panel; the other panel still renders", async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  const bad = 'sum(rate(scry_http_requests_total[5m])';
  const uid = await createDashboard(page, 'Broken board', [
    { title: 'Broken', expr: bad },
    { title: 'Fine', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
  ]);
  await openAt(page, uid, fromMs, toMs);
  // The oracle is the same endpoint the panel uses (query_range words its errors its own way).
  const expected = await promApi('/api/v1/query_range', {
    query: bad,
    start: fromMs / 1000,
    end: toMs / 1000,
    step: 60,
  }).then(
    () => 'no error',
    (e: Error) => e.message,
  );
  expect(expected).toMatch(/^bad_data: /);
  await expect(panel(page, 'Broken')).toHaveAttribute('data-state', 'error');
  await expect(panel(page, 'Broken').getByTestId('panel-error')).toHaveText(expected);
  await expect(panel(page, 'Fine')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Fine').getByTestId('legend-item').first()).toBeVisible();
});

test('export then import gives an identical dashboard', async ({ page }) => {
  const uid = await createDashboard(page, 'Round trip', [
    { title: 'A', expr: 'scry_temperature_celsius', legend: '{{dc}}', unit: 'celsius' },
    { title: 'B', expr: 'up' },
  ]);
  const exportOnce = async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-dashboard').click(),
    ]);
    return readFile((await download.path())!, 'utf8');
  };
  await open(page, `#/d/${uid}`);
  const first = await exportOnce();
  expect(JSON.parse(first)).toMatchObject({ scry: 1, uid, title: 'Round trip' });
  expect(first).not.toContain(env('PROM_URL'));

  // Delete it, then import the exported file.
  await open(page, '#/');
  await page
    .locator(`[data-testid="dashboard-row"][data-uid="${uid}"]`)
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.locator(`[data-testid="dashboard-row"][data-uid="${uid}"]`)).toHaveCount(0);
  await open(page, '#/import');
  await page.getByTestId('import-text').fill(first);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('Round trip');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/d/${uid}`));
  expect(await exportOnce()).toBe(first);
});

test('broken JSON is refused with where and why, and nothing is touched', async ({ page }) => {
  await createDashboard(page, 'Keep me', [{ title: 'A', expr: 'up' }]);
  await open(page, '#/import');
  await page.getByTestId('import-text').fill('{\n  "scry": 1,\n  "uid": "x",\n  "title": }');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('import-errors')).toContainText(
    'Invalid JSON at line 4, column 12',
  );
  await page.getByTestId('import-text').fill(
    JSON.stringify({
      scry: 1,
      uid: 'x',
      title: 'T',
      panels: [{ id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 40, h: 8 } }],
    }),
  );
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('import-errors')).toContainText('panels[0].gridPos.w:');
  await open(page, '#/');
  await expect(page.getByTestId('dashboard-row')).toHaveCount(1);
  await expect(page.getByTestId('dashboard-row')).toContainText('Keep me');
});
