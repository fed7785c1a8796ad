import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  dashboardJson,
  env,
  importDashboard,
  open,
  openAt,
  panel,
  promApi,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

// The datasource's secrets: none of them may reach a snapshot file.
const USER_PASS = 'scry-user:s3cret-snapshot-pass';
const AUTHORIZATION = `Basic ${Buffer.from(USER_PASS).toString('base64')}`;

const TEMP = 'scry_temperature_celsius';
const TITLE = 'Snapshot fixture';

/** A datasource with an Authorization header (Prometheus ignores it; CORS allows it). */
async function addSecretDatasource(page: Page) {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add datasource' }).click();
  await form.getByLabel('Name').fill('fixture');
  await form.getByLabel('URL').fill(env('PROM_URL'));
  await form.getByLabel('Scrape interval').fill('15s');
  await form.getByLabel('Authorization').fill(AUTHORIZATION);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-testid="datasource-row"][data-name="fixture"]')).toBeVisible();
}

/**
 * Hovers the Temperature chart at `frac` of its width and checks the tooltip against the
 * Prometheus API at the tooltip's time: every dc's value exactly. Returns that time.
 */
async function tooltipMatchesApi(page: Page, temp: Locator, frac: number): Promise<number> {
  const box = (await temp.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * frac, box.y + box.height / 2);
  const tooltip = temp.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  const tMs = Number(await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms'));
  const at = await promApi<Vector>('/api/v1/query', { query: TEMP, time: tMs / 1000 });
  expect(at.result.length).toBeGreaterThan(1);
  const rows = tooltip.getByTestId('tooltip-row');
  await expect(rows).toHaveCount(at.result.length);
  for (const s of at.result) {
    const row = rows.filter({
      has: page.locator('.tt-name', { hasText: new RegExp(`^${s.metric.dc}$`) }),
    });
    expect(Number(await row.locator('.tt-value').getAttribute('data-value'))).toBe(
      Number(s.value[1]),
    );
  }
  await page.mouse.move(0, 0);
  return tMs;
}

/** A context where every http(s) request is refused (and recorded); file: URLs load. */
async function offline(context: BrowserContext): Promise<string[]> {
  const tried: string[] = [];
  await context.route('**', (r) => {
    const url = r.request().url();
    if (url.startsWith('file:')) return r.continue();
    tried.push(url);
    return r.abort();
  });
  return tried;
}

/** Content-Security-Policy complaints on the page's console. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

async function download(page: Page, testId: string, path: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  await d.saveAs(path);
  return d.suggestedFilename();
}

test('a snapshot opens from disk without network and shows the values the live view shows', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { fromMs, toMs } = fixtureWindow();
  await addSecretDatasource(page);
  await importDashboard(
    page,
    dashboardJson('snapfix', TITLE, [
      { title: 'Temperature', expr: TEMP, legend: '{{dc}}', unit: 'celsius' },
      {
        title: 'Requests',
        expr: 'sum by (job) (rate(scry_http_requests_total[$__rate_interval]))',
        legend: '{{job}}',
        unit: 'reqps',
        x: 12,
        y: 0,
      },
      { title: 'Now', expr: `max(${TEMP})`, type: 'stat', instant: true, y: 8, w: 6, h: 5 },
    ]),
  );
  await openAt(page, 'snapfix', { fromMs, toMs });
  const temp = panel(page, 'Temperature');
  for (const t of ['Temperature', 'Requests', 'Now'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  const liveTimes = [
    await tooltipMatchesApi(page, temp, 0.3),
    await tooltipMatchesApi(page, temp, 0.7),
  ];
  const liveStat = await panel(page, 'Now').getByTestId('stat-value').first().textContent();

  await page.getByTestId('share').click();
  await page.getByTestId('share-tab-snapshot').click();
  const htmlPath = testInfo.outputPath('snapshot.html');
  const jsonPath = testInfo.outputPath('snapshot.json');
  expect(await download(page, 'snapshot-download', htmlPath)).toMatch(
    /^snapshot-fixture-snapshot-\d{4}-\d\d-\d\dT\d{4}Z\.html$/,
  );
  await expect(page.getByTestId('snapshot-status')).toContainText('Downloaded');
  await download(page, 'snapshot-download-json', jsonPath);

  // no secret of the datasource, no URL, in either file
  const prom = new URL(env('PROM_URL'));
  for (const file of [htmlPath, jsonPath]) {
    const text = await readFile(file, 'utf8');
    for (const secret of [
      AUTHORIZATION,
      USER_PASS,
      's3cret-snapshot-pass',
      prom.host,
      env('PROM_URL'),
    ])
      expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }
  const json = JSON.parse(await readFile(jsonPath, 'utf8')) as {
    datasources: { name: string }[];
    answers: unknown[];
  };
  expect(json.datasources).toEqual([
    { name: 'fixture', scrapeIntervalMs: 15_000, isDefault: true },
  ]);
  expect(json.answers).toHaveLength(3);

  // the .html from disk, every http(s) request refused
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const tried = await offline(context);
  const snap = await context.newPage();
  const csp = cspViolations(snap);
  await snap.goto(pathToFileURL(htmlPath).toString());
  await expect(snap.getByTestId('snapshot-banner')).toHaveText(
    new RegExp(`^Snapshot of ${TITLE}, .+ to .+ \\(UTC\\), taken .+$`),
  );
  const sTemp = panel(snap, 'Temperature');
  for (const t of ['Temperature', 'Requests', 'Now'])
    await expect(panel(snap, t)).toHaveAttribute('data-state', 'ok');
  const snapTimes = [
    await tooltipMatchesApi(snap, sTemp, 0.3),
    await tooltipMatchesApi(snap, sTemp, 0.7),
  ];
  // same layout, same steps: the same times under the pointer as in the live view
  expect(snapTimes).toEqual(liveTimes);
  await expect(panel(snap, 'Now').getByTestId('stat-value').first()).toHaveText(liveStat!);
  // no Edit in a snapshot's panel menu
  await sTemp.getByRole('button', { name: 'Panel menu' }).click();
  await expect(snap.getByRole('menuitem', { name: 'Edit' })).toHaveCount(0);
  await snap.keyboard.press('Escape');
  await snap.mouse.click(5, 5);

  // legend toggles: one series isolated, the tooltip lists it alone
  const items = sTemp.getByTestId('legend-item');
  await items.filter({ hasText: 'fra' }).click();
  const box = (await sTemp.locator('.u-over').boundingBox())!;
  await snap.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(sTemp.getByTestId('tooltip-row')).toHaveCount(1);
  await items.filter({ hasText: 'fra' }).click();

  // zoom inside the captured range: the range shown narrows, values are still the API's
  const y = box.y + box.height / 2;
  await snap.mouse.move(box.x + box.width * 0.4, y);
  await snap.mouse.down();
  await snap.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await snap.mouse.up();
  await expect(snap.getByTestId('snapshot-zoom-reset')).toBeVisible();
  await expect(sTemp).toHaveAttribute('data-state', 'ok');
  const zoomed = await tooltipMatchesApi(snap, sTemp, 0.5);
  expect(zoomed).toBeGreaterThan(fromMs + (toMs - fromMs) * 0.35);
  expect(zoomed).toBeLessThan(fromMs + (toMs - fromMs) * 0.65);
  await snap.getByTestId('snapshot-zoom-reset').click();
  await expect(snap.getByTestId('snapshot-zoom-reset')).toBeHidden();

  expect(tried).toEqual([]);
  expect(csp).toEqual([]);
  await context.close();

  // the .json imported into Scry (a fresh browser: no datasource) shows the same
  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const viewer = await fresh.newPage();
  const promRequests: string[] = [];
  viewer.on('request', (r) => {
    if (r.url().startsWith(env('PROM_URL'))) promRequests.push(r.url());
  });
  await open(viewer, '#/import');
  await viewer.getByTestId('import-file').setInputFiles(jsonPath);
  await expect(viewer.getByTestId('import-notes')).toContainText('A snapshot taken');
  await viewer.getByTestId('import-view-snapshot').click();
  await expect(viewer).toHaveURL(/#\/snapshot$/);
  await expect(viewer.getByTestId('snapshot-banner')).toContainText(`Snapshot of ${TITLE}, `);
  const jTemp = panel(viewer, 'Temperature');
  await expect(jTemp).toHaveAttribute('data-state', 'ok');
  expect([
    await tooltipMatchesApi(viewer, jTemp, 0.3),
    await tooltipMatchesApi(viewer, jTemp, 0.7),
  ]).toEqual(liveTimes);
  await expect(panel(viewer, 'Requests')).toHaveAttribute('data-state', 'ok');
  expect(promRequests).toEqual([]);
  await fresh.close();
});

/** Hovers at `frac` of the chart's width: the tooltip's time and each dc's past row. */
async function pastRows(page: Page, temp: Locator, frac: number) {
  const box = (await temp.locator('.u-over').boundingBox())!;
  await page.mouse.move(0, 0);
  await page.mouse.move(box.x + box.width * frac, box.y + box.height / 2);
  const tooltip = temp.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.getByTestId('tooltip-past').first()).toBeVisible();
  const past = await tooltip
    .getByTestId('tooltip-past')
    .evaluateAll((els) => els.map((e) => [e.dataset.then, e.dataset.thenTimeMs]));
  return {
    tMs: Number(await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms')),
    past,
  };
}

test('a snapshot taken while comparing to the past keeps the past (its answers, the offset)', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { fromMs, toMs } = fixtureWindow();
  await addSecretDatasource(page);
  await importDashboard(
    page,
    dashboardJson('snapcmp', 'Snapshot compare', [
      { title: 'Temperature', expr: TEMP, legend: '{{dc}}', unit: 'celsius' },
    ]),
  );
  await openAt(page, 'snapcmp', { fromMs, toMs }, '&compare=1h');
  const temp = panel(page, 'Temperature');
  await expect(temp).toHaveAttribute('data-state', 'ok');
  await expect(temp.getByTestId('legend-past-item').first()).toBeVisible();
  const live = await pastRows(page, temp, 0.6);
  expect(live.past.length).toBeGreaterThan(1);
  for (const [, thenMs] of live.past) expect(Number(thenMs)).toBe(live.tMs - 3_600_000);

  await page.getByTestId('share').click();
  await page.getByTestId('share-tab-snapshot').click();
  const htmlPath = testInfo.outputPath('snapshot-compare.html');
  const jsonPath = testInfo.outputPath('snapshot-compare.json');
  await download(page, 'snapshot-download', htmlPath);
  await download(page, 'snapshot-download-json', jsonPath);
  const json = JSON.parse(await readFile(jsonPath, 'utf8')) as {
    compare?: string;
    answers: { path: string; start?: number; end?: number }[];
  };
  expect(json.compare).toBe('1h');
  // the present range and the same range an hour before
  const ranges = json.answers.map((a) => [a.start, a.end]);
  expect(ranges).toHaveLength(2);
  expect(ranges[0]![0]! - ranges[1]![0]!).toBe(Math.abs(ranges[0]![0]! - ranges[1]![0]!));
  expect(Math.abs(ranges[0]![0]! - ranges[1]![0]!)).toBe(3600);

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const tried = await offline(context);
  const snap = await context.newPage();
  await snap.goto(pathToFileURL(htmlPath).toString());
  const sTemp = panel(snap, 'Temperature');
  await expect(sTemp).toHaveAttribute('data-state', 'ok');
  await expect(sTemp.getByTestId('legend-past-item').first()).toBeVisible();
  expect(await pastRows(snap, sTemp, 0.6)).toEqual(live);
  expect(tried).toEqual([]);
  await context.close();
});
