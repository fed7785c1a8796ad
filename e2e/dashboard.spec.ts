import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  addDatasource,
  createDashboard,
  env,
  open,
  openAt,
  panel,
  promApi,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

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
  await openAt(page, uid, { fromMs, toMs });
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
  await openAt(page, uid, { fromMs, toMs });
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
  await openAt(page, uid, { fromMs, toMs });
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
    await page.getByTestId('share').click();
    await page.getByTestId('share-tab-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-dashboard').click(),
    ]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-dialog')).toBeHidden();
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

test('shared crosshair: hovering one panel moves the cursor in the other', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Crosshair board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
    { title: 'Max', expr: 'max(scry_temperature_celsius)' },
  ]);
  await openAt(page, uid, { fromMs, toMs });
  const a = panel(page, 'Temperature');
  const b = panel(page, 'Max');
  await expect(a).toHaveAttribute('data-state', 'ok');
  await expect(b).toHaveAttribute('data-state', 'ok');
  const cursorX = () =>
    b
      .locator('.u-cursor-x')
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return s.display === 'none' ? null : `${s.transform}|${s.left}`;
      })
      .catch(() => null);
  const box = (await a.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await expect.poll(cursorX).not.toBeNull();
  const first = await cursorX();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
  await expect.poll(cursorX).not.toBe(first);
  // the tooltip stays with the pointer (graphTooltip 1: shared crosshair only)
  await expect(a.getByTestId('tooltip')).toBeVisible();
  await expect(b.getByTestId('tooltip')).toBeHidden();
});

test('refresh picker offers off and 5s … 1h; the time zone switches between browser and UTC', async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Picker board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius' },
  ]);
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}`);
  const refresh = page.getByTestId('refresh-select');
  await expect(refresh.locator('option')).toHaveText([
    'Off',
    '5s',
    '10s',
    '30s',
    '1m',
    '5m',
    '15m',
    '30m',
    '1h',
  ]);
  await refresh.selectOption('5s');
  await expect(page).toHaveURL(/refresh=5s/);
  await refresh.selectOption('');
  await expect(page).not.toHaveURL(/refresh=/);

  const picker = page.getByTestId('time-picker');
  await expect(picker).not.toContainText('UTC');
  await picker.click();
  await expect(page.getByTestId('time-zone')).toHaveValue('browser');
  await page.getByTestId('time-zone').selectOption('utc');
  await expect(page).toHaveURL(/tz=utc/);
  await expect(picker).toContainText('UTC');
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  if (!(await page.getByTestId('time-zone').isVisible())) await picker.click();
  await page.getByTestId('time-zone').selectOption('browser');
  await expect(page).not.toHaveURL(/tz=/);
  await expect(picker).not.toContainText('UTC');
});

test('leaving a dashboard with unsaved changes asks first', async ({ page }) => {
  const uid = await createDashboard(page, 'Unsaved board', [{ title: 'A', expr: 'up' }]);
  await open(page, `#/d/${uid}?edit=1`);
  await page.getByTestId('dashboard-title-input').fill('Renamed, not saved');
  page.removeAllListeners('dialog');
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.evaluate(() => (location.hash = '#/'));
  await expect
    .poll(() => asked)
    .toEqual(['This dashboard has unsaved changes. Leave without saving?']);
  await expect(page).toHaveURL(new RegExp(`#/d/${uid}\\?edit=1$`));
  await expect(page.getByTestId('dashboard-title-input')).toHaveValue('Renamed, not saved');
  // parameters (the time range) change without asking
  await page.evaluate(() => (location.hash += '&from=now-1h'));
  await expect(page).toHaveURL(/from=now-1h/);
  expect(asked).toHaveLength(1);
  page.once('dialog', (d) => void d.accept());
  await page.evaluate(() => (location.hash = '#/'));
  await expect(page.getByTestId('dashboard-row')).toHaveCount(1);
  await expect(page.getByTestId('dashboard-row')).toContainText('Unsaved board');
});

test('a panel added and then discarded in the editor is not left behind', async ({ page }) => {
  await open(page, '#/');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await page.getByRole('button', { name: 'Add a panel' }).click();
  await expect(page.getByTestId('panel-editor')).toBeVisible();
  await page.getByTestId('panel-discard').click();
  await expect(page.getByTestId('panel-editor')).toBeHidden();
  await expect(page.getByTestId('panel')).toHaveCount(0);
  // an applied new panel stays, and discarding later edits to it keeps it
  await page.getByRole('button', { name: 'Add a panel' }).click();
  await page.getByTestId('panel-title-input').fill('Kept');
  await page.getByTestId('panel-apply').click();
  await expect(panel(page, 'Kept')).toHaveCount(1);
  await panel(page, 'Kept').getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await page.getByTestId('panel-discard').click();
  await expect(panel(page, 'Kept')).toHaveCount(1);
});

test('legend click isolates a series, a second click shows all again', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Legend board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
  ]);
  await openAt(page, uid, { fromMs, toMs });
  const temp = panel(page, 'Temperature');
  await expect(temp).toHaveAttribute('data-state', 'ok');
  const items = temp.getByTestId('legend-item');
  await expect(items).toHaveCount(4);
  await items.filter({ hasText: 'fra' }).click();
  for (const dc of ['ams', 'fra', 'nyc', 'sfo'])
    await expect(items.filter({ hasText: dc })).toHaveAttribute(
      'aria-pressed',
      dc === 'fra' ? 'true' : 'false',
    );
  // the tooltip lists only the isolated series
  const box = (await temp.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await expect(temp.getByTestId('tooltip-row')).toHaveCount(1);
  await expect(temp.getByTestId('tooltip-row').locator('.tt-name')).toHaveText('fra');
  await items.filter({ hasText: 'fra' }).click();
  for (const dc of ['ams', 'fra', 'nyc', 'sfo'])
    await expect(items.filter({ hasText: dc })).toHaveAttribute('aria-pressed', 'true');
});

test('in edit mode a panel can be dragged and resized on the grid, and the layout is saved', async ({
  page,
}) => {
  const uid = await createDashboard(page, 'Layout board', [
    { title: 'A', expr: 'up' },
    { title: 'B', expr: 'up' },
  ]);
  await open(page, `#/d/${uid}?edit=1`);
  const a = panel(page, 'A');
  const before = (await a.boundingBox())!;
  // resize A from its corner handle: wider and taller
  const handle = a
    .locator('xpath=ancestor-or-self::*[contains(@class,"react-grid-item")][1]')
    .locator('.react-resizable-handle');
  const hb = (await handle.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(hb.x + 200, hb.y + 120, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await a.boundingBox())!.width).toBeGreaterThan(before.width + 100);
  // the grid item eases to its snapped size (200 ms): measure once two readings agree
  let last = -1;
  await expect
    .poll(async () => {
      const w = (await a.boundingBox())!.width;
      const settled = w === last;
      last = w;
      return settled;
    })
    .toBe(true);
  const resized = (await a.boundingBox())!;
  expect(resized.height).toBeGreaterThan(before.height + 60);
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
  await page.reload();
  // the saved width comes back (±3 px: view and edit mode may round the grid differently)
  await expect
    .poll(async () => Math.abs((await panel(page, 'A').boundingBox())!.width - resized.width))
    .toBeLessThan(4);
});

test('in edit mode a panel is moved by dragging its title bar', async ({ page }) => {
  const uid = await createDashboard(page, 'Move board', [
    { title: 'A', expr: 'up' },
    { title: 'B', expr: 'up' },
  ]);
  await open(page, `#/d/${uid}?edit=1`);
  const a = (await panel(page, 'A').boundingBox())!;
  const b = panel(page, 'B');
  const bb = (await b.boundingBox())!;
  expect(bb.y).toBeGreaterThan(a.y + a.height - 5); // B starts below A
  const head = b.locator('.panel-head');
  const hb = (await head.boundingBox())!;
  await page.mouse.move(hb.x + 40, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width + 60, a.y + 10, { steps: 15 });
  await page.mouse.up();
  // B now sits beside A, on A's line (A measured again: the edited toolbar may have grown)
  await expect
    .poll(async () =>
      Math.abs((await b.boundingBox())!.y - (await panel(page, 'A').boundingBox())!.y),
    )
    .toBeLessThan(5);
  expect((await b.boundingBox())!.x).toBeGreaterThan(a.x + a.width - 5);
});
