import { expect, test, type Page } from '@playwright/test';
import { addDatasource, createDashboard, env, open, panel, typeExpr } from './support/app';
import { fixtureWindow } from './support/window';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

/** A new dashboard over the fixture window with its panel editor open on an empty query. */
async function newPanelEditor(page: Page) {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, '#/');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await expect(page).toHaveURL(/#\/d\/[a-z0-9]+/);
  const uid = /#\/d\/([a-z0-9]+)/.exec(page.url())![1]!;
  await open(page, `#/d/${uid}?edit=1&from=${fromMs}&to=${toMs}&tz=utc`);
  await page.getByRole('button', { name: 'Add a panel' }).click();
  const editor = page.getByTestId('panel-editor');
  const cm = editor.getByTestId('query-expr').locator('.cm-content');
  await expect(cm).toBeVisible();
  return { editor, cm };
}

test('autocomplete offers fixture metric names and label values', async ({ page }) => {
  const { editor, cm } = await newPanelEditor(page);
  await cm.click();
  await page.keyboard.type('scry_tem');
  const list = editor.locator('.cm-tooltip-autocomplete');
  await expect(list).toBeVisible();
  await expect(list).toContainText('scry_temperature_celsius');

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('scry_temperature_celsius{dc="');
  await expect(list).toBeVisible();
  await expect(list.getByRole('option', { name: 'ams' })).toBeVisible();
  await expect(list).toContainText('fra');
});

test('a syntax error is underlined before the query runs', async ({ page }) => {
  const { editor, cm } = await newPanelEditor(page);
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query')) requests.push(r.url());
  });
  await cm.click();
  await page.keyboard.insertText('sum(rate(scry_http_requests_total[5m])) by by (job)');
  await expect(editor.locator('.cm-lintRange-error')).toBeVisible();
  expect(requests).toEqual([]);
});

test('panel editor: Apply keeps the changes, Discard drops them', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Editor board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
  ]);
  await open(page, `#/d/${uid}?edit=1&from=${fromMs}&to=${toMs}&tz=utc`);
  const editPanel = async () => {
    await panel(page, 'Temperature').or(panel(page, 'Hot')).getByLabel('Panel menu').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    return page.getByTestId('panel-editor');
  };
  const savedPanel = () =>
    page.evaluate((u) => {
      const s = JSON.parse(localStorage.getItem('scry.dashboards')!) as {
        state: { saved: Record<string, { dashboard: { panels: unknown[] } }> };
      };
      return s.state.saved[u]!.dashboard.panels[0] as {
        title: string;
        targets: { expr: string }[];
      };
    }, uid);

  // Discard: nothing changes
  let editor = await editPanel();
  await editor.getByTestId('panel-title-input').fill('Discarded title');
  await typeExpr(editor.getByTestId('query-expr').first(), 'max(scry_temperature_celsius)');
  await editor.getByTestId('panel-discard').click();
  await expect(editor).toBeHidden();
  await expect(panel(page, 'Temperature')).toBeVisible();
  await expect(page.locator('[data-panel-title="Discarded title"]')).toHaveCount(0);
  editor = await editPanel();
  await expect(editor.getByTestId('panel-title-input')).toHaveValue('Temperature');
  await expect(editor.getByTestId('query-expr').locator('.cm-content')).toHaveText(
    'scry_temperature_celsius',
  );
  await editor.getByTestId('panel-discard').click();
  await expect(editor).toBeHidden();

  // Apply: kept in the dashboard, and saved with it
  editor = await editPanel();
  await editor.getByTestId('panel-title-input').fill('Hot');
  await typeExpr(editor.getByTestId('query-expr').first(), 'max(scry_temperature_celsius)');
  await editor.getByTestId('panel-title-input').click();
  await editor.getByTestId('panel-apply').click();
  await expect(editor).toBeHidden();
  await expect(panel(page, 'Hot')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
  const p = await savedPanel();
  expect(p.title).toBe('Hot');
  expect(p.targets[0]!.expr).toBe('max(scry_temperature_celsius)');
});

test('query inspector shows the request as sent and the data', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Inspect board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
  ]);
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await panel(page, 'Temperature').getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  const ins = page.getByTestId('query-inspector');
  await expect(ins.getByTestId('inspect-expr')).toHaveText('scry_temperature_celsius');
  await expect(ins.getByTestId('inspect-request')).toHaveAttribute('data-method', 'GET');
  await expect(ins.getByTestId('inspect-url')).toContainText('/api/v1/query_range?');
  await expect(ins.getByTestId('inspect-series')).toHaveText('4');
  await ins.getByTestId('inspect-tab-json').click();
  await expect(ins.getByTestId('inspect-json')).toContainText('"resultType": "matrix"');
  await ins.getByTestId('inspect-tab-data').click();
  await expect(ins.getByTestId('inspect-data').locator('thead th')).toHaveText([
    'Time',
    /.+/,
    /.+/,
    /.+/,
    /.+/,
  ]);
  const download = page.waitForEvent('download');
  await ins.getByTestId('inspect-csv').click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});

test('viewing a saved dashboard downloads no CodeMirror code', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Light board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius' },
  ]);
  const context = page.context();
  const fresh = await context.newPage();
  const scripts: string[] = [];
  fresh.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) scripts.push(r.url());
  });
  await open(fresh, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(fresh, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await fresh.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((u) => /PromQLEditor-[^/]*\.js/.test(u))).toEqual([]);
  expect(await fresh.locator('.cm-editor').count()).toBe(0);

  // control: the panel editor does load the chunk
  await panel(fresh, 'Temperature').getByLabel('Panel menu').click();
  await fresh.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(fresh.getByTestId('query-expr').locator('.cm-content')).toBeVisible();
  expect(scripts.some((u) => /PromQLEditor-[^/]*\.js/.test(u))).toBe(true);
});
