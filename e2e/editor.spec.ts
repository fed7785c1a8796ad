import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  addDatasource,
  createDashboard,
  env,
  open,
  panel,
  promApi,
  storedDashboards,
  typeExpr,
} from './support/app';
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
  const savedPanel = async () => (await storedDashboards(page))[uid]!.panels[0]!;

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

test('Ctrl/Cmd+Enter runs the query in the panel editor preview', async ({ page }) => {
  const { editor, cm } = await newPanelEditor(page);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query_range'))
      sent.push(new URL(r.url()).searchParams.get('query') ?? '');
  });
  await cm.click();
  await page.keyboard.insertText('max(scry_temperature_celsius)');
  // still focused (a blur would run it too): only the key combination can have sent it
  await page.waitForTimeout(300);
  expect(sent).not.toContain('max(scry_temperature_celsius)');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(editor.getByTestId('panel')).toHaveAttribute('data-state', 'ok');
  expect(sent).toContain('max(scry_temperature_celsius)');
  await expect(cm).toBeFocused();
});

/** Centre of the first occurrence of `text` in the editor's content (a DOM Range's box). */
async function textCentre(cm: Locator, text: string) {
  return cm.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let all = '';
    const nodes: { node: Text; start: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: all.length });
      all += n.textContent ?? '';
    }
    const at = all.indexOf(t) + Math.floor(t.length / 2);
    const hit = nodes.filter((x) => x.start <= at).pop()!;
    const r = document.createRange();
    r.setStart(hit.node, at - hit.start);
    r.setEnd(hit.node, at - hit.start + 1);
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }, text);
}

test('hovering a live metric shows its TYPE and HELP; Format rewrites the query', async ({
  page,
}) => {
  const { editor, cm } = await newPanelEditor(page);
  await cm.click();
  await page.keyboard.insertText('sum(rate( http_requests_total{status=~"2.."}[1m] ))by(job)');
  const { x, y } = await textCentre(cm, 'http_requests_total');
  await page.mouse.move(x, y);
  const hover = editor.getByTestId('metric-hover');
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('http_requests_total');
  await expect(hover).toContainText('counter');
  // the cat service's own HELP text (demo/cat-service.mjs), as Prometheus reports it
  await expect(hover).toContainText('HTTP requests served, by method, path and status code.');

  await editor.getByTestId('query-format').click();
  await expect(cm).toHaveText('sum by (job) (rate(http_requests_total{status=~"2.."}[1m]))');
  // a query that does not parse is left alone, with the reason
  await typeExpr(editor.getByTestId('query-expr'), 'sum(rate(x[5m])');
  await editor.getByTestId('query-format').click();
  await expect(editor.getByText(/^Cannot format: /)).toBeVisible();
  await expect(cm).toHaveText('sum(rate(x[5m])');
});

test('leaving the panel editor with unapplied changes asks first', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  const uid = await createDashboard(page, 'Guarded board', [
    { title: 'Temperature', expr: 'scry_temperature_celsius' },
  ]);
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`);
  await panel(page, 'Temperature').getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = page.getByTestId('panel-editor');
  await editor.getByTestId('panel-title-input').fill('Unapplied title');

  // route change: refused → stays, editor and edits intact
  page.removeAllListeners('dialog');
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.evaluate(() => (location.hash = '#/datasources'));
  await expect
    .poll(() => asked)
    .toEqual(['confirm: The panel has unapplied changes. Leave without applying them?']);
  await expect(page).toHaveURL(new RegExp(`#/d/${uid}\\?`));
  await expect(editor.getByTestId('panel-title-input')).toHaveValue('Unapplied title');

  // closing the tab: the browser's own "leave site?" prompt
  page.once('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked.length).toBe(2);
  expect(asked[1]).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // route change accepted → leaves
  page.once('dialog', (d) => void d.accept());
  await page.evaluate(() => (location.hash = '#/datasources'));
  await expect(page).toHaveURL(/#\/datasources/);
  await expect(page.getByTestId('panel-editor')).toHaveCount(0);
});

test('the query inspector shows the step, and the POST body of a long query', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  // > 2000 characters of URL: sent as a POST form body
  const filler = Array.from({ length: 300 }, (_x, i) => `none${i}`).join('|');
  const expr = `scry_temperature_celsius{dc=~"ams|fra|${filler}"}`;
  expect(expr.length).toBeGreaterThan(2000);
  const uid = await createDashboard(page, 'Long query board', [{ title: 'Long', expr }]);
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(page, 'Long')).toHaveAttribute('data-state', 'ok');
  await panel(page, 'Long').getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  const ins = page.getByTestId('query-inspector');
  await expect(ins.getByTestId('inspect-request')).toHaveAttribute('data-method', 'POST');
  await expect(ins.getByTestId('inspect-url')).toHaveText(/\/api\/v1\/query_range$/);
  const body = new URLSearchParams((await ins.getByTestId('inspect-body').textContent())!);
  expect(body.get('query')).toBe(expr);
  const step = Number(body.get('step'));
  expect(step).toBeGreaterThanOrEqual(15); // the datasource's scrape interval is the floor
  await expect(ins.getByTestId('inspect-step')).toHaveText(
    new RegExp(`^${new Date(Number(body.get('start')) * 1000).toISOString()} → .*, step ${step}s$`),
  );
  const answer = await promApi<{ result: unknown[] }>('/api/v1/query_range', {
    query: expr,
    start: body.get('start')!,
    end: body.get('end')!,
    step,
  });
  expect(answer.result.length).toBeGreaterThan(0);
  await expect(ins.getByTestId('inspect-series')).toHaveText(String(answer.result.length));
  expect(Number(await ins.getByTestId('inspect-took').textContent())).toBeGreaterThanOrEqual(0);
});
