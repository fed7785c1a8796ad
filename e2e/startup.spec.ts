import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkEntryBudget } from '../scripts/entry-size.mjs';
import { root } from './fixture/stack.mjs';
import { addDatasource, dashboardJson, env, importDashboard, open, panel } from './support/app';
import { fixtureWindow } from './support/window';

// Start-up order and what loads when (issue 12): config.json and the dashboards it lists are
// requested without waiting for the app's code, and a dashboard view downloads neither the other
// routes nor the validator it does not need.

const dist = path.resolve(root, process.env.SCRY_DIST ?? 'dist');

/** Every JS file the page requests from now on, by file name. */
function scripts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.js')) seen.push(name);
  });
  return seen;
}

test('index.html preloads config.json and the app, has no inline script, and dist/ holds no source maps', () => {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  expect(html).toMatch(/<link rel="preload" as="fetch" crossorigin href="\.\/config\.json"/);
  expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\.\/assets\/main-[\w-]+\.js">/);
  // every script is an external file (a Content-Security-Policy without 'unsafe-inline' holds)
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="/);
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  for (const f of files.filter((x) => x.endsWith('.js')))
    expect(readFileSync(path.join(dist, f), 'utf8')).not.toContain('sourceMappingURL');
});

test('the entry (index.html script + modulepreloads) is within 200 KB gzip', () => {
  const r = checkEntryBudget(dist);
  expect(r.ok, r.text).toBe(true);
});

test('config.json and the provisioned dashboard are fetched before the app code has arrived', async ({
  page,
}) => {
  const base = env('SCRY_PROVISIONED_URL');
  const seen: string[] = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  let releaseApp!: () => void;
  const appHeld = new Promise<void>((r) => (releaseApp = r));
  // The app's chunk is answered only once both start-up requests have gone out: were they made
  // by the app's code (as they used to be), this would never finish.
  await page.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
    await appHeld;
    await route.continue();
  });
  page.on('request', (r) => {
    if (r.url().endsWith('/dashboards/fixture.json')) releaseApp();
  });
  await open(page, '#/d/provisioned', base);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  // the preloaded response is the one the app reads: config.json goes out once
  expect(seen.filter((p) => p === '/config.json')).toHaveLength(1);
  expect(seen.filter((p) => p === '/dashboards/fixture.json')).toHaveLength(1);
});

test('the opened dashboard’s first queries go out before the app code has arrived, once', async ({
  page,
}) => {
  const base = env('SCRY_PROVISIONED_URL');
  const queries: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('/api/v1/query_range')) queries.push(u.searchParams.get('query') ?? '');
  });
  // the app's chunk is answered once the panel's query has gone out, or after 15 s: made by the
  // app's code, the query would only go out after that
  let releaseApp!: (why: string) => void;
  const appHeld = new Promise<string>((r) => (releaseApp = r));
  const timer = setTimeout(() => releaseApp('timeout'), 15_000);
  await page.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
    await appHeld;
    await route.continue();
  });
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query_range')) releaseApp('query');
  });
  await open(page, '#/d/provisioned', base);
  expect(await appHeld).toBe('query');
  clearTimeout(timer);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await page.waitForLoadState('networkidle');
  // the panel took the answer already on its way: one request
  expect(queries).toEqual(['scry_temperature_celsius']);
});

test('a relative range: the dashboard’s clock starts at the planner’s "now", so its requests are the ones sent', async ({
  page: first,
}) => {
  test.setTimeout(90_000);
  // a 1 s step (scrape interval 1 s, 5 minutes over ~940 px)
  await addDatasource(first, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '1s' });
  await importDashboard(
    first,
    dashboardJson('relative', 'Relative', [
      { title: 'Temperature', expr: 'scry_temperature_celsius' },
    ]),
  );
  const page = await first.context().newPage();
  const ranges: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('/api/v1/query_range'))
      ranges.push(
        `${u.searchParams.get('start')}–${u.searchParams.get('end')} @${u.searchParams.get('step')}`,
      );
  });
  // the app's code arrives 2.5 s after the planner's query: a clock of its own would be 2 steps on
  let sent!: () => void;
  const querySent = new Promise<void>((r) => (sent = r));
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/query_range')) sent();
  });
  await page.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
    await querySent;
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue();
  });
  await open(page, '#/d/relative?from=now-5m&to=now');
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', /ok|empty/);
  await page.waitForLoadState('networkidle');
  expect(ranges).toHaveLength(1);
  expect(ranges[0]).toMatch(/@1$/);
});

test('a dashboard loads no other route, and without config.json no validator', async ({ page }) => {
  const js = scripts(page);
  await open(page, '#/');
  await expect(page.getByRole('link', { name: 'Explore' })).toBeVisible();
  await expect(page.getByText('No dashboards yet')).toBeVisible();
  for (const lazy of ['ExplorePage-', 'DatasourcesPage-', 'ImportPage-', 'provisioning-'])
    expect(js.filter((f) => f.startsWith(lazy))).toEqual([]);
  // each route's code arrives when it is opened
  await page.getByRole('link', { name: 'Explore' }).click();
  await expect(page.getByTestId('explore')).toBeVisible();
  expect(js.filter((f) => f.startsWith('ExplorePage-'))).toHaveLength(1);
  await page.getByRole('link', { name: 'Datasources' }).click();
  await expect(page.getByRole('heading', { name: 'Datasources' })).toBeVisible();
  expect(js.filter((f) => f.startsWith('DatasourcesPage-'))).toHaveLength(1);
});

test('a dashboard view runs on what index.html preloads; editor, inspector and settings load when opened', async ({
  page: first,
}) => {
  // a long flow (import, a second tab, three on-demand parts): more than the default 45 s under load
  test.setTimeout(120_000);
  let page = first;
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const preloaded = new Set(
    [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]),
  );
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL') });
  const { fromMs, toMs } = fixtureWindow();
  await importDashboard(
    page,
    dashboardJson('lazy-parts', 'Lazy parts', [
      { title: 'Temperature', expr: 'scry_temperature_celsius' },
    ]),
  );
  // a fresh tab of the same browser (the datasource and the dashboard are in its storage)
  page = await page.context().newPage();
  const js = scripts(page);
  await open(page, `#/d/lazy-parts?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  expect(js.filter((f) => !preloaded.has(f))).toEqual([]);

  const before = js.length;
  await panel(page, 'Temperature').getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  await expect(page.getByTestId('query-inspector')).toBeVisible();
  const inspector = js.slice(before);
  expect(inspector.length).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('query-inspector')).toBeHidden();

  await panel(page, 'Temperature').getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(page.getByTestId('panel-editor')).toBeVisible();
  expect(js.filter((f) => !preloaded.has(f)).length).toBeGreaterThan(inspector.length);
  await page.getByTestId('panel-discard').click();

  const beforeSettings = js.length;
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('dashboard-settings')).toBeVisible();
  expect(js.slice(beforeSettings).some((f) => !preloaded.has(f))).toBe(true);
});
