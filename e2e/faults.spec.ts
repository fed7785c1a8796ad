import { expect, test, type Page } from '@playwright/test';
import { dashboardJson, env, open, panel, storedDashboards } from './support/app';
import { fixtureWindow } from './support/window';
import { DCS } from './fixture/env';

// The fault suite: Scry against a misbehaving Prometheus (e2e/fixture/faults.mjs, one provisioned
// datasource per case, named after it) and against hostile dashboard files
// (scripts/hostile-corpus.mjs). Every case checks the words the user sees, that a panel on the
// real Prometheus beside it keeps working, that nothing saved changed, and that no payload ran
// (window.__xss stays undefined).

const base = () => env('SCRY_FAULTS_URL');

/** Everything this browser saved (dashboards in IndexedDB, localStorage), to compare. */
const saved = async (page: Page) =>
  JSON.stringify([
    await storedDashboards(page),
    await page.evaluate(() => Object.entries(localStorage).sort()),
  ]);

/** Imports dashboard JSON on the faults site and opens it over the fixture's window. */
async function importAndOpen(page: Page, json: string) {
  await open(page, '#/import', base());
  await page.getByTestId('import-text').fill(json);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\//);
  const uid = /#\/d\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`, base());
}

/** A panel on the real Prometheus: it must keep working next to every fault. */
const REAL = {
  title: 'Real',
  type: 'stat',
  expr: 'count(scry_temperature_celsius)',
  datasource: 'fixture',
  options: { reduce: 'last', graphMode: 'none' },
};

async function realPanelWorks(page: Page) {
  // one series per data centre of the fixture
  await expect(panel(page, 'Real').getByTestId('stat-value')).toHaveAttribute(
    'data-value',
    String(DCS.length),
  );
}

async function noScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}

/**
 * Panels in a 4-wide grid, each on the datasource named like its title, or `[title, datasource]`
 * (several panels on one case).
 */
function faultBoard(
  uid: string,
  cases: (string | [string, string])[],
  extra: Record<string, unknown> = {},
) {
  return dashboardJson(
    uid,
    `Faults ${uid}`,
    [
      REAL,
      ...cases.map((c) => {
        const [title, datasource] = typeof c === 'string' ? [c, c] : c;
        return { title, expr: `up{case="${title}",uid="${uid}"}`, datasource };
      }),
    ].map((p, i) => ({ w: 6, h: 5, x: (i % 4) * 6, y: Math.floor(i / 4) * 5, ...p })),
    extra,
  );
}

const err = (page: Page, title: string) => panel(page, title).getByTestId('panel-error');
const FAULTS_HOST = () => env('FAULTS_URL').replace(/[.]/g, '\\.');

test('failed answers are named in words on their panel; the others keep working', async ({
  page,
}) => {
  const cases = [
    'refused',
    'dns',
    'reset',
    'html502',
    'bad400',
    'exec422',
    'text200',
    'truncated',
    'resultObject',
    'resultNull',
    'dataNull',
    'dataMissing',
  ];
  await importAndOpen(page, faultBoard('fails', cases));
  const before = await saved(page);
  const at = (c: string) => `${FAULTS_HOST()}/c/${c}`;
  const expected: Record<string, RegExp> = {
    refused:
      /^Cannot reach http:\/\/127\.0\.0\.1:\d+: Failed to fetch \(is the URL right and the server running\?\)/,
    dns: /^Cannot reach http:\/\/scry-nx\.invalid:9090: Failed to fetch \(is the URL right and the server running\?\)/,
    reset: new RegExp(
      `^(The connection to ${at('reset')} broke while the answer was arriving \\(after [\\d.]+ (bytes|kB): .+\\)|Cannot reach ${at('reset')}: .*)`,
    ),
    html502: new RegExp(
      `^The server failed: HTTP 502 Bad Gateway from ${at('html502')}/api/v1/query_range: 502 Bad Gateway$`,
    ),
    bad400: /^bad_data: invalid parameter "query": 1:8: parse error: unexpected end of input$/,
    exec422:
      /^execution: query processing would load too many samples into memory in query execution$/,
    text200:
      /^The server answered \(text\/plain\), but not as a Prometheus API would: expected JSON with "status":"success"\./,
    truncated:
      /^Prometheus answered with something that is not its API \(the JSON ends early: the body was cut off after [\d.]+ kB\)$/,
    resultObject:
      /^Prometheus answered with something that is not its API \("result" of a matrix is an object, not a list of series\)$/,
    resultNull:
      /^Prometheus answered with something that is not its API \("result" of a matrix is null, not a list of series\)$/,
    dataNull: /^Prometheus answered with something that is not its API \("data" is null\)$/,
    dataMissing:
      /^Prometheus answered with something that is not its API \("status" is "success" but "data" is missing\)$/,
  };
  for (const c of cases) {
    await expect(panel(page, c), c).toHaveAttribute('data-state', 'error');
    await expect(err(page, c), c).toHaveText(expected[c]!);
    // never a JS exception's text, never a wrong-URL hint for a cut-off answer
    await expect(err(page, c)).not.toHaveText(/is not a function|Cannot read|undefined|null \(/);
  }
  await expect(err(page, 'truncated')).not.toHaveText(/URL|\/graph/);
  await realPanelWorks(page);
  await noScriptRan(page);
  expect(await saved(page)).toBe(before);
});

test('odd but valid answers draw what they can and say what they did not', async ({ page }) => {
  const cases = [
    'numberValues',
    'warnings',
    'extremes',
    'duplicate',
    'unsorted',
    'offgrid',
    'drip',
  ];
  const json = faultBoard('odd', cases);
  const board = JSON.parse(json) as { panels: { title: string; type: string; options?: object }[] };
  for (const p of board.panels)
    if (['numberValues', 'unsorted', 'offgrid', 'drip'].includes(p.title)) {
      p.type = 'stat';
      p.options = { reduce: 'last', graphMode: 'none' };
    }
  const sent = new Map<string, URLSearchParams>();
  page.on('request', (r) => {
    const m = /\/c\/(\w+)\/api\/v1\/query_range/.exec(r.url());
    if (m) sent.set(m[1]!, new URL(r.url()).searchParams);
  });
  await importAndOpen(page, JSON.stringify(board));
  const before = await saved(page);
  const stat = (t: string) => panel(page, t).getByTestId('stat-value');
  await expect(stat('numberValues')).toHaveAttribute('data-value', '7.5');
  // newest-first samples and samples 7 s off the step grid: the last by time is what shows
  await expect(stat('unsorted')).toHaveAttribute('data-value', '5');
  await expect(stat('offgrid')).toHaveAttribute('data-value', '9');
  // a body dripping in 64-byte pieces still arrives whole
  await expect(stat('drip')).toHaveAttribute('data-value', '42', { timeout: 20_000 });
  await expect(panel(page, 'warnings').getByTestId('panel-warning')).toHaveText(
    'PromQL warning: this query may be slow · PromQL info: metric might not be a counter, name does not end in _total',
  );
  await expect(panel(page, 'duplicate').getByTestId('legend-item')).toHaveCount(2);

  // ±Inf and ±1.79e308 are left out of the scale and counted; NaN is a gap; the normal series draws
  const ex = panel(page, 'extremes');
  await expect(ex).toHaveAttribute('data-state', 'ok');
  const p = sent.get('extremes')!;
  const n = Math.floor((Number(p.get('end')) - Number(p.get('start'))) / Number(p.get('step'))) + 1;
  let undrawable = 0;
  for (let i = 0; i < n; i++) if ([1, 2, 3, 4].includes(i % 6)) undrawable++;
  await expect(ex.getByTestId('out-of-range')).toHaveText(
    `${undrawable.toLocaleString('en')} values out of range not drawn`,
  );
  await expect(ex.getByTestId('legend-item')).toHaveCount(2);
  await expect(ex.locator('canvas')).toHaveCount(1);
  // the y axis exists: uPlot sized the plot from a finite scale (a blank chart has no ticks)
  const range = await ex.evaluate(() => {
    const el = document.querySelector('[data-panel-title="extremes"] .uplot') as
      (HTMLElement & { _uplot?: unknown }) | null;
    return el?.getBoundingClientRect().height ?? 0;
  });
  expect(range).toBeGreaterThan(50);
  // the normal series is drawn: its colour is on the canvas (the blank chart had none of it)
  await expect
    .poll(() => seriesPixels(page, 'extremes', 'extreme{s="normal"}'))
    .toBeGreaterThan(20);
  await realPanelWorks(page);
  await noScriptRan(page);
  expect(await saved(page)).toBe(before);
});

/** Pixels of a panel's canvas close to the colour of one of its series (its legend swatch). */
function seriesPixels(page: Page, title: string, series: string): Promise<number> {
  return panel(page, title).evaluate((el, name) => {
    const item = [...el.querySelectorAll('[data-testid="legend-item"]')].find(
      (b) => b.textContent === name,
    );
    const swatch = item?.querySelector('.swatch');
    const canvas = el.querySelector('canvas');
    if (!swatch || !canvas) return 0;
    const want = (getComputedStyle(swatch).backgroundColor.match(/\d+/g) ?? []).map(Number);
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (
        Math.abs(data[i]! - want[0]!) +
          Math.abs(data[i + 1]! - want[1]!) +
          Math.abs(data[i + 2]! - want[2]!) <
        40
      )
        n++;
    return n;
  }, series);
}

test('100 000 series and a 50 MB answer: the first 500 draw, the page stays usable', async ({
  page,
}) => {
  // inherently slow: the server builds and sends ~60 MB, the browser parses it (minutes under load)
  test.setTimeout(360_000);
  let grid: URLSearchParams | undefined;
  page.on('request', (r) => {
    if (r.url().includes('/c/big/api/v1/query_range')) grid = new URL(r.url()).searchParams;
  });
  await importAndOpen(page, faultBoard('huge', ['many', 'big']));
  const before = await saved(page);
  await expect(panel(page, 'many').getByTestId('series-limit')).toHaveText(
    'Showing 500 of 100,000 series',
    { timeout: 300_000 },
  );
  // the 50 MB answer: as many series of the request's grid as 50 MB holds (faults.mjs `big`)
  const n =
    Math.floor(
      (Number(grid!.get('end')) - Number(grid!.get('start'))) / Number(grid!.get('step')),
    ) + 1;
  await expect(panel(page, 'big').getByTestId('series-limit')).toHaveText(
    `Showing 500 of ${Math.ceil(50e6 / (n * 18)).toLocaleString('en')} series`,
    { timeout: 300_000 },
  );
  for (const t of ['many', 'big']) {
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
    await expect(panel(page, t).getByTestId('legend-item').first()).toBeVisible();
  }
  await realPanelWorks(page);
  // still responsive: the time picker opens and answers
  await page.getByTestId('time-picker').click();
  await expect(page.getByRole('dialog', { name: 'Time range' })).toBeVisible();
  await page.keyboard.press('Escape');
  await noScriptRan(page);
  expect(await saved(page)).toBe(before);
});

test("timeouts: the datasource's own budget, sent to Prometheus too; Cancel on a loading panel", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const timeouts = new Map<string, string | null>();
  page.on('request', (r) => {
    const m = /\/c\/(\w+)\/api\/v1\/query_range/.exec(r.url());
    if (m) timeouts.set(m[1]!, new URL(r.url()).searchParams.get('timeout'));
  });
  await importAndOpen(page, faultBoard('slow', ['slow7', 'slow10', ['stop me', 'hang'], 'ok']));
  const before = await saved(page);
  // a panel still waiting offers Cancel; pressing it says who stopped it, in words
  const stop = panel(page, 'stop me');
  await expect(stop).toHaveAttribute('data-state', 'loading');
  await stop.getByTestId('panel-cancel').click({ timeout: 20_000 });
  await expect(err(page, 'stop me')).toHaveText(
    /^Cancelled: you stopped this query before the server answered/,
  );
  await expect(stop.getByTestId('panel-cancel')).toHaveCount(0);
  await expect(stop.getByRole('button', { name: 'Run again' })).toBeVisible();
  // slow7 answers after 7 s; its datasource gives up after 5 s
  await expect(err(page, 'slow7')).toHaveText(
    new RegExp(
      `^No answer from ${FAULTS_HOST()}/c/slow7 within 5 s \\(request timed out; the datasource's query timeout can be raised under Datasources\\)$`,
    ),
    { timeout: 30_000 },
  );
  expect(timeouts.get('slow7')).toBe('5s');
  expect(timeouts.get('slow10')).toBe('60s');
  // slow10 answers after 10 s, within its 60 s: its data shows and its Cancel goes away
  await expect(panel(page, 'slow10').getByTestId('legend-item')).toHaveText(/ok/, {
    timeout: 40_000,
  });
  await expect(panel(page, 'slow10')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'slow10').getByTestId('panel-cancel')).toHaveCount(0);
  await expect(err(page, 'slow10')).toHaveCount(0);
  await expect(panel(page, 'ok').getByTestId('legend-item')).toHaveText(/ok/);
  await realPanelWorks(page);
  expect(await saved(page)).toBe(before);
});

test('an answer after 65 s shows when the datasource allows 75 s', async ({ page }) => {
  // inherently slow: the answer takes 65 s
  test.setTimeout(180_000);
  let sentTimeout: string | null = null;
  page.on('request', (r) => {
    if (r.url().includes('/c/slow65/api/v1/query_range'))
      sentTimeout = new URL(r.url()).searchParams.get('timeout');
  });
  await importAndOpen(page, faultBoard('late', ['slow65']));
  const before = await saved(page);
  const late = panel(page, 'slow65');
  await expect(late).toHaveAttribute('data-state', 'loading');
  await expect(late.getByTestId('panel-cancel')).toBeVisible();
  await realPanelWorks(page);
  expect(sentTimeout).toBe('75s');
  await expect(late.getByTestId('legend-item')).toHaveText(/ok/, { timeout: 150_000 });
  await expect(late).toHaveAttribute('data-state', 'ok');
  await expect(err(page, 'slow65')).toHaveCount(0);
  expect(await saved(page)).toBe(before);
});

test('hanging panels can be cancelled, one by one or all, and free the pool for the others', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const hangs = Array.from({ length: 8 }, (_x, i): [string, string] => [`hang${i + 1}`, 'hang']);
  await importAndOpen(page, faultBoard('pool', [...hangs, ['ok1', 'ok'], ['ok2', 'ok']]));
  const before = await saved(page);
  await realPanelWorks(page);
  // eight requests that never end: every one shows it is waiting and offers Cancel
  for (const [h] of hangs) {
    await expect(panel(page, h)).toHaveAttribute('data-state', 'loading');
    await expect(panel(page, h).getByTestId('panel-cancel')).toBeVisible({ timeout: 20_000 });
  }
  // one by one
  await panel(page, 'hang1').getByTestId('panel-cancel').click();
  await expect(err(page, 'hang1')).toHaveText(
    /^Cancelled: you stopped this query before the server answered/,
  );
  // the toolbar stops the rest; the two panels on the same server then get their answer
  await page.getByTestId('cancel-all').click();
  for (const [h] of hangs)
    await expect(err(page, h)).toHaveText(
      /^Cancelled: you stopped this query before the server answered/,
    );
  for (const t of ['ok1', 'ok2'])
    await expect(panel(page, t).getByTestId('legend-item')).toHaveText(/ok/, { timeout: 20_000 });
  await expect(page.getByTestId('cancel-all')).toHaveCount(0);
  // Run again sends it again
  await panel(page, 'hang1').getByRole('button', { name: 'Run again' }).click();
  await expect(panel(page, 'hang1').getByTestId('panel-cancel')).toBeVisible();
  await realPanelWorks(page);
  expect(await saved(page)).toBe(before);
});

test('hanging panels hold the connection pool only until their timeout', async ({ page }) => {
  test.setTimeout(90_000);
  // eight panels on a server that never answers (5 s budget) and two more on the same server:
  // the browser allows six connections to it, so two must wait for a slot, but never longer
  // than the hanging requests' own timeout
  const hangs = Array.from({ length: 8 }, (_x, i): [string, string] => [`hang${i + 1}`, 'hang5s']);
  await importAndOpen(page, faultBoard('starve', [...hangs, ['ok1', 'ok'], ['ok2', 'ok']]));
  for (const t of ['ok1', 'ok2'])
    await expect(panel(page, t).getByTestId('legend-item')).toHaveText(/ok/, { timeout: 40_000 });
  for (const [h] of hangs)
    await expect(err(page, h)).toHaveText(
      new RegExp(`^No answer from ${FAULTS_HOST()}/c/hang5s within 5 s \\(request timed out`),
      { timeout: 40_000 },
    );
  await realPanelWorks(page);
});

test('429 and 503 with Retry-After are retried (at most twice) and the panel says so', async ({
  page,
}) => {
  await importAndOpen(page, faultBoard('retry', ['r429', 'r503']));
  const before = await saved(page);
  await expect(panel(page, 'r503').getByTestId('panel-retry')).toHaveText(
    /^Server busy \(HTTP 503\): retrying in 1 s \(retry [12] of 2\)$/,
  );
  await expect(err(page, 'r503')).toHaveText(
    new RegExp(
      `^The server failed: HTTP 503 Service Unavailable from ${FAULTS_HOST()}/c/r503/api/v1/query_range: overloaded, come back later \\(still refused after 2 retries\\)$`,
    ),
  );
  await expect(panel(page, 'r429')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'r429').getByTestId('panel-error')).toHaveCount(0);
  await realPanelWorks(page);
  expect(await saved(page)).toBe(before);
});

test('the query timeout is editable on a datasource', async ({ page }) => {
  await open(page, '#/datasources', base());
  await page.getByRole('button', { name: 'Add datasource' }).click();
  const form = page.getByRole('form', { name: 'Datasource' });
  await form.getByLabel('Name').fill('mine');
  await form.getByLabel('URL').fill(`${env('FAULTS_URL')}/c/slow7`);
  await form.getByLabel('Query timeout').fill('2 s');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert').or(form.locator('.error'))).toHaveText(
    /Query timeout: a duration like 60s or 2m/,
  );
  await form.getByLabel('Query timeout').fill('2s');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-testid="datasource-row"][data-name="mine"]')).toBeVisible();
  await importAndOpen(page, faultBoard('mine', ['mine']));
  await expect(err(page, 'mine')).toHaveText(/within 2 s \(request timed out/);
});

// ---- hostile dashboards ------------------------------------------------------------------

async function importFromUrl(page: Page, name: string) {
  await open(page, `#/import?url=hostile/${name}.json`, base());
}

test('XSS in every string field of a dashboard stays text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await importFromUrl(page, 'xss');
  // the preview shows the hostile title as characters
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-preview')).toContainText('XSS <img src=x onerror=');
  await noScriptRan(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\/hostile-xss/);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/hostile-xss?from=${fromMs}&to=${toMs}&tz=utc`, base());
  const ts = page.locator('[data-testid="panel"][data-panel-id="1"]');
  await expect(ts).toHaveAttribute('data-state', 'ok');
  // titles, legends, markdown and stat mappings are shown as the characters they are made of
  await expect(ts.locator('.panel-title')).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(ts.getByTestId('legend-item').first()).toContainText(
    '<script>window.__xss=1</script>',
  );
  const text = page.locator('[data-testid="panel"][data-panel-id="2"]');
  await expect(text.getByTestId('text-panel')).toContainText('Hello');
  const stat = page.locator('[data-testid="panel"][data-panel-id="3"]');
  await expect(stat).toHaveAttribute('data-state', 'ok');
  await expect(stat).toContainText('<script>window.__xss=1</script>');
  const table = page.locator('[data-testid="panel"][data-panel-id="4"]');
  await expect(table).toHaveAttribute('data-state', 'ok');
  await expect(table).toContainText('<img src=x onerror="window.__xss=1">');
  // hover the chart (tooltip), open the variable picker
  const box = (await ts.locator('.uplot').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByTestId('variable-v').getByTestId('variable-button').click();
  await expect(page.getByTestId('variable-v')).toContainText('"><svg onload="window.__xss=1">');
  await page.keyboard.press('Escape');
  await noScriptRan(page);
  // nothing in the page was turned into markup: no element carries an inline handler
  const handlers = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')),
      ).length,
  );
  expect(handlers).toBe(0);
  expect(dialogs).toEqual([]);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  await expect(page.locator('svg[onload], img[onerror]')).toHaveCount(0);
});

test('markdown cannot cover the panel menu, and external images wait for the switch', async ({
  page,
}) => {
  const images: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pixel.png')) images.push(r.url());
  });
  await importFromUrl(page, 'css');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\/hostile-css/);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/hostile-css?from=${fromMs}&to=${toMs}&tz=utc`, base());
  const before = await saved(page);
  const overlay = panel(page, 'Overlay');
  await expect(overlay.getByTestId('text-panel')).toContainText('cover');
  // the ⋮ button is what is under the pointer at its own centre, not the invisible link
  const menu = overlay.getByRole('button', { name: 'Panel menu' });
  const hit = await menu.evaluate((b) => {
    const r = b.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b;
  });
  expect(hit).toBe(true);
  await menu.click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  await expect(page.getByTestId('query-inspector')).toBeVisible();
  expect(page.url()).toContain(base());
  await page.keyboard.press('Escape');
  // the link shows where it goes
  await expect(overlay.locator('a').first()).toHaveAttribute('title', 'https://evil.example/');
  await expect(overlay.locator('a').first()).toHaveAttribute('rel', 'noopener noreferrer');
  // nothing painted over the neighbour panel or the page
  await realNeighbour(page);
  // the tracking pixel was not loaded; the panel says so and offers the switch
  await expect(overlay.getByTestId('images-blocked')).toContainText(
    `Images from ${new URL(env('FAULTS_URL')).host} not loaded`,
  );
  expect(images).toEqual([]);
  expect(await saved(page)).toBe(before);
  await overlay.getByRole('button', { name: 'Load external images on this dashboard' }).click();
  await expect.poll(() => images.length).toBeGreaterThan(0);
  await noScriptRan(page);
});

async function realNeighbour(page: Page) {
  const n = panel(page, 'Neighbour');
  await expect(n.getByTestId('legend-item')).toHaveText(['ams']);
  const hit = await n.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!at && el.contains(at);
  });
  expect(hit).toBe(true);
}

test('__proto__ and constructor keys everywhere pollute nothing', async ({ page }) => {
  await importFromUrl(page, 'proto');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\/hostile-proto/);
  await expect(panel(page, 'Panel 1')).toHaveAttribute('data-state', 'ok');
  const polluted = await page.evaluate(() => {
    const o = {} as Record<string, unknown>;
    return [o.polluted, Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')];
  });
  expect(polluted).toEqual([undefined, false]);
  await noScriptRan(page);
});

test('a dashboard 10 000 levels deep is refused or imported, never a blank page', async ({
  page,
}) => {
  await importFromUrl(page, 'deep');
  await expect(
    page.getByTestId('import-preview').or(page.getByTestId('import-errors')),
  ).toBeVisible();
  await expect(page.locator('h1')).toHaveText('Import dashboard');
  await noScriptRan(page);
});

/** Records every text the import page's progress line shows from now on (it may be brief). */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as { __progress?: string[] };
    const seen: string[] = (w.__progress = []);
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="import-progress"]')?.textContent;
      if (t && seen.at(-1) !== t) seen.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const progressSeen = (page: Page) =>
  page.evaluate(() => (window as { __progress?: string[] }).__progress ?? []);

test('a 20 MB paste and a 10 000-panel file are checked in the background; typing stays live', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#/import', base());
  const before = await saved(page);
  await recordProgress(page);
  // a real paste of the 20 MB hostile file
  const size = await page.evaluate(async () => {
    const text = await (await fetch('hostile/20mb.json')).text();
    await navigator.clipboard.writeText(text);
    return text.length;
  });
  expect(size).toBeGreaterThan(20_000_000);
  const box = page.getByTestId('import-text');
  await box.click();
  await page.keyboard.press('ControlOrMeta+v');
  // not poured into the box (a textarea holding 20 MB takes seconds per key): kept aside and
  // checked in the background, with progress, then refused in words where the user looks
  await expect(page.getByTestId('import-big-input')).toHaveText(
    'pasted text (19.1 MB): too big to show here; it is checked as it is',
  );
  await expect(box).toBeHidden();
  await expect(page.getByTestId('import-errors')).toContainText(
    'Not imported: pasted text is not a valid dashboard.The dashboard JSON is 19.1 MB; Scry accepts at most 10.0 MB',
    { timeout: 60_000 },
  );
  expect(await progressSeen(page)).toEqual([
    'Checking pasted text in the background: parsing 19.1 MB of JSON…',
  ]);
  expect(workers.filter((u) => u.includes('check.worker'))).toHaveLength(1);
  // Clear gives the box back; typing is not checked key by key, Check checks
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await recordProgress(page);
  const typed = '{"scry":1,"uid":"typed","title":"Typed","panels":[]}';
  await box.click();
  await page.keyboard.type(typed);
  await expect(box).toHaveValue(typed);
  await expect(page.getByTestId('import-unchecked')).toHaveText('Not checked yet: press Check');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('Typed — 0 panels, uid typed');
  // small text is checked on the page: no progress line, no new worker
  expect(await progressSeen(page)).toEqual([]);
  expect(workers.filter((u) => u.includes('check.worker'))).toHaveLength(1);

  // a 2.5 MB file of 10 000 panels: read, parsed and checked in the worker, then the preview
  const many = Buffer.from(await (await fetch(`${base()}/hostile/many.json`)).arrayBuffer());
  await recordProgress(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'many.json',
    mimeType: 'application/json',
    buffer: many,
  });
  await expect(page.getByTestId('import-preview')).toContainText(
    '10000 panels — 10,000 panels, uid hostile-many',
    { timeout: 60_000 },
  );
  const seen = await progressSeen(page);
  const mb = `${(many.length / 1024 / 1024).toFixed(1)} MB`;
  expect(seen[0]).toBe(`Checking many.json in the background: reading 0 B of ${mb}…`);
  // later stages show as fast as they pass (reading, parsing, checking 10,000 panels)
  for (const line of seen.slice(1))
    expect(line).toMatch(
      /^Checking many\.json in the background: (reading [\d.]+ (B|KB|MB) of 2\.3 MB|parsing 2\.3 MB of JSON|checking 10,000 panels)…$/,
    );
  expect(workers.filter((u) => u.includes('check.worker'))).toHaveLength(2);
  // the file is not poured into the paste box
  await expect(page.getByTestId('import-big-input')).toHaveText(
    /^many\.json \(2\.\d MB\): too big to show here; it is checked as it is$/,
  );
  await expect(box).toBeHidden();
  await noScriptRan(page);
  expect(await saved(page)).toBe(before);
});

test('10 000 panels open with a notice and render as they come into view', async ({ page }) => {
  test.setTimeout(90_000);
  await importFromUrl(page, 'many');
  await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 30_000 });
  await expect(page).toHaveURL(/#\/d\/hostile-many/, { timeout: 30_000 });
  await expect(page.getByTestId('many-panels-notice')).toHaveText(
    /^This dashboard has 10,000 panels: they are drawn as you scroll to them\.$/,
    { timeout: 30_000 },
  );
  await expect(panel(page, 'Panel 1').getByTestId('text-panel')).toHaveText('Panel 1');
  // far fewer than 10 000 panels are in the page
  const panels = page.locator('[data-testid="panel"]');
  const first = await panels.count();
  expect(first).toBeLessThan(1000);
  // scrolling to the end of the drawn part draws the next ones, in order
  await page.getByTestId('lazy-sentinel').scrollIntoViewIfNeeded();
  await expect.poll(() => panels.count()).toBeGreaterThan(first);
  await expect(panel(page, `Panel ${first + 1}`).getByTestId('text-panel')).toHaveText(
    `Panel ${first + 1}`,
  );
  await noScriptRan(page);
});

test('the Content-Security-Policy blocks an injected inline script and reports it', async ({
  page,
}) => {
  await open(page, '#/', base());
  await expect(page.getByRole('button', { name: 'New dashboard' })).toBeVisible();
  const report = await page.evaluate(
    () =>
      new Promise<{ directive: string; blocked: string }>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) => resolve({ directive: e.violatedDirective, blocked: e.blockedURI }),
          { once: true },
        );
        const s = document.createElement('script');
        s.textContent = 'window.__xss = 1';
        document.body.appendChild(s);
      }),
  );
  expect(report.directive).toMatch(/^script-src/);
  expect(report.blocked).toBe('inline');
  await noScriptRan(page);
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
});
