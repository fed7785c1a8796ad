import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  dashboardJson,
  env,
  importDashboard,
  open,
  openAt,
  panel,
  promApi,
  rangeRequests,
} from './support/app';

// Exemplars come only from scrapes: the fixture Prometheus runs with exemplar storage and
// scrapes the live cat service, whose latency histogram carries the trace id of every request
// with a W3C traceparent header (demo/cat-service.mjs). Each test sends its own traced request
// of known latency to `GET /` (a path the service's own traffic never takes, so nothing
// overwrites the bucket's exemplar before the scrape), waits until the Prometheus API returns
// it, and checks that Scry draws exactly that exemplar where it belongs.

const BUCKETS = 'sum by (le) (rate(http_request_duration_seconds_bucket{path="/"}[1m]))';
const TEMPLATE = 'https://tracing.example/trace/${trace_id}';

interface ApiExemplar {
  seriesLabels: Record<string, string>;
  labels: Record<string, string>;
  value: string;
  timestamp: number;
}

/** One traced request of `delayMs` to the cat service; its trace id. */
async function tracedRequest(delayMs: number): Promise<string> {
  const traceId = randomBytes(16).toString('hex');
  const span = randomBytes(8).toString('hex');
  const res = await fetch(`${env('CAT_URL')}/?delay_ms=${delayMs}`, {
    headers: { traceparent: `00-${traceId}-${span}-01` },
  });
  expect(res.status).toBe(200);
  return traceId;
}

/** The exemplar of `traceId` as Prometheus' query_exemplars returns it for `expr` (the oracle). */
async function apiExemplar(expr: string, traceId: string): Promise<ApiExemplar> {
  let found: ApiExemplar | undefined;
  await expect
    .poll(
      async () => {
        const now = Date.now() / 1000;
        const data = await promApi<
          { seriesLabels: Record<string, string>; exemplars: ApiExemplar[] }[] | null
        >('/api/v1/query_exemplars', { query: expr, start: now - 900, end: now + 60 });
        for (const s of data ?? [])
          for (const e of s.exemplars)
            if (e.labels.trace_id === traceId) found = { ...e, seriesLabels: s.seriesLabels };
        return found !== undefined;
      },
      { timeout: 20_000, message: `exemplar ${traceId} scraped` },
    )
    .toBe(true);
  return found!;
}

/** Adds the fixture datasource with the exemplar link template through the form. */
async function addDatasourceWithLink(page: Page) {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add datasource' }).click();
  await form.getByLabel('Name').fill('fixture');
  await form.getByLabel('URL').fill(env('PROM_URL'));
  // steps of 15 s at least: heatmap cells wide enough to point at
  await form.getByLabel('Scrape interval').fill('15s');
  await form.getByTestId('datasource-exemplar-link').fill(TEMPLATE);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-testid="datasource-row"][data-name="fixture"]')).toBeVisible();
}

/** A dashboard of one panel whose query asks for exemplars. */
function exemplarDashboard(uid: string, type: string, expr: string, unit = 's'): string {
  const d = JSON.parse(
    dashboardJson(uid, uid, [{ title: 'Latency', expr, type, unit, w: 24, h: 12 }]),
  );
  d.panels[0].targets[0].exemplar = true;
  return JSON.stringify(d);
}

/** The dot of `traceId`, its centre in page pixels. */
async function dotOf(p: Locator, traceId: string) {
  const dot = p.locator(`[data-testid="exemplar"][data-trace-id="${traceId}"]`);
  await expect(dot).toHaveCount(1, { timeout: 15_000 });
  const box = (await dot.boundingBox())!;
  return { dot, x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Hovers a dot and checks its tooltip: real time, value, and the trace id as a safe link. */
async function checkTooltip(p: Locator, traceId: string, api: ApiExemplar) {
  const { dot } = await dotOf(p, traceId);
  await dot.hover();
  const tip = p.getByTestId('exemplar-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip.getByTestId('exemplar-tooltip-time')).toHaveAttribute(
    'data-time-ms',
    String(Math.round(api.timestamp * 1000)),
  );
  await expect(tip.getByTestId('exemplar-tooltip-value')).toHaveAttribute(
    'data-value',
    String(Number(api.value)),
  );
  const link = tip.getByTestId('exemplar-trace-link');
  await expect(link).toHaveText(traceId);
  await expect(link).toHaveAttribute('href', `https://tracing.example/trace/${traceId}`);
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // a click pins the tooltip, so the link can be reached
  await dot.click();
  await link.hover();
  await expect(link).toBeVisible();
}

/** Screenshots at 1 000 and 1 440 px with the exemplar's tooltip pinned (looked at by hand). */
async function shots(page: Page, p: Locator, traceId: string, name: string) {
  for (const width of [1000, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    // the plot (the panels here are full width) has followed the window
    await expect
      .poll(async () => {
        const box = await p.locator('.u-over').boundingBox();
        const right = box ? box.x + box.width : Infinity;
        return right <= width && right > width - 120;
      })
      .toBe(true);
    await expect
      .poll(async () => (await p.locator(`[data-trace-id="${traceId}"]`).boundingBox())?.width)
      .toBeGreaterThan(0);
    await expect(p.getByTestId('exemplar-tooltip')).toBeVisible();
    await page.screenshot({ path: `test-results/exemplars-${name}-${width}.png` });
  }
}

test('a known exemplar sits in its heatmap cell (bucket le × time column) with its trace link', async ({
  page,
}) => {
  // a first request to `/` creates its series: the rate of the next one is then counted (a
  // series' first sample shows no increase, so on a fresh stack its cell would read 0)
  await apiExemplar(BUCKETS, await tracedRequest(60));
  const traceId = await tracedRequest(120);
  const api = await apiExemplar(BUCKETS, traceId);
  // the 120 ms slept (a timer may fire a little early), in the bucket the API names
  expect(Number(api.value)).toBeGreaterThan(0.11);
  expect(Number(api.value)).toBeLessThanOrEqual(Number(api.seriesLabels.le));

  // the column's sample (at the first step ≥ the exemplar's time, steps of 15 s) exists from then
  await expect
    .poll(() => Date.now(), { timeout: 30_000 })
    .toBeGreaterThan(api.timestamp * 1000 + 16_000);
  await addDatasourceWithLink(page);
  await importDashboard(page, exemplarDashboard('exemplar-heat', 'heatmap', BUCKETS));
  const steps = rangeRequests(page, (q) => ({
    query: q.get('query'),
    start: Number(q.get('start')),
    step: Number(q.get('step')),
  }));
  const now = Date.now();
  const [fromMs, toMs] = [now - 15 * 60_000, now + 60_000];
  await openAt(page, 'exemplar-heat', { fromMs, toMs });
  const p = panel(page, 'Latency');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const heat = p.getByTestId('heatmap-panel');
  const { dot, x, y } = await dotOf(p, traceId);

  // the cell the API's exemplar belongs to: its bucket's le, and the column of the first step at
  // or after its time (the first sample whose rate counts it), on the grid the panel asked for
  const req = steps.find((s) => s.query === BUCKETS)!;
  const column = req.start + Math.ceil((api.timestamp - req.start) / req.step) * req.step;
  await expect(dot).toHaveAttribute('data-le', api.seriesLabels.le!);
  await expect(dot).toHaveAttribute('data-column-ms', String(Math.round(column * 1000)));
  await expect(dot).toHaveAttribute('data-time-ms', String(Math.round(api.timestamp * 1000)));
  await expect(dot).toHaveAttribute('data-value', String(Number(api.value)));

  // and it is drawn there: inside its column on screen, and the heatmap's own tooltip at the
  // dot's height in that column names the same cell
  const over = (await p.locator('.u-over').boundingBox())!;
  const pxPerSec = over.width / ((toMs - fromMs) / 1000);
  // the cell of `column` is drawn over column ± step/2; the dot at its time + step/2 inside it
  const columnX = x + (column - api.timestamp - req.step / 2) * pxPerSec;
  expect(Math.abs(x - columnX)).toBeLessThanOrEqual((req.step * pxPerSec) / 2 + 1);
  await page.addStyleTag({ content: '.exemplar-layer { visibility: hidden }' });
  await page.mouse.move(columnX, y);
  await expect(heat.getByTestId('heatmap-bucket')).toHaveAttribute('data-le', api.seriesLabels.le!);
  await expect(heat.getByTestId('heatmap-tooltip-time')).toHaveAttribute(
    'data-time-ms',
    String(Math.round(column * 1000)),
  );
  // a cell that counts the observation
  expect(
    Number(await heat.getByTestId('heatmap-count').getAttribute('data-value')),
  ).toBeGreaterThan(0);
  await page.addStyleTag({ content: '.exemplar-layer { visibility: visible }' });
  await page.mouse.move(0, 0);

  await checkTooltip(p, traceId, api);
  await expect(p.getByTestId('exemplar-tooltip-bucket')).toHaveAttribute(
    'data-le',
    api.seriesLabels.le!,
  );

  await shots(page, p, traceId, 'heatmap');

  // a snapshot keeps the exemplars: the viewer draws the same dot in the same cell, offline
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('share').click();
  await page.getByTestId('share-tab-snapshot').click();
  const htmlPath = test.info().outputPath('exemplars-snapshot.html');
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('snapshot-download').click(),
  ]);
  await d.saveAs(htmlPath);
  const snap = await page.context().newPage();
  await snap.goto(pathToFileURL(htmlPath).toString());
  const sp = panel(snap, 'Latency');
  await expect(sp).toHaveAttribute('data-state', 'ok');
  const sdot = sp.locator(`[data-testid="exemplar"][data-trace-id="${traceId}"]`);
  await expect(sdot).toHaveAttribute('data-le', api.seriesLabels.le!);
  await expect(sdot).toHaveAttribute('data-column-ms', String(Math.round(column * 1000)));
  await expect(sp.getByTestId('panel-warning')).toHaveCount(0);
  await expect(sp.getByTestId('panel-warning-icon')).toHaveCount(0);
  await snap.close();
});

test("the service's own traced traffic: dense exemplars are decimated per pixel column, extremes kept", async ({
  page,
}) => {
  // on a fresh stack the wait for exemplars older than 35 s alone may take that long
  test.setTimeout(90_000);
  // every request of the service's own traffic is traced: many exemplars per bucket and minute
  const ALL = 'sum by (le) (rate(http_request_duration_seconds_bucket[1m]))';
  await addDatasourceWithLink(page);
  await importDashboard(page, exemplarDashboard('exemplar-dense', 'heatmap', ALL));
  // the service has run for a while: it has exemplars older than 30 s (a fresh stack has none)
  await expect
    .poll(
      async () => {
        const nowSec = Date.now() / 1000;
        const d = await promApi<{ exemplars: ApiExemplar[] }[] | null>('/api/v1/query_exemplars', {
          query: ALL,
          start: nowSec - 300,
          end: nowSec,
        });
        return (d ?? []).some((s) => s.exemplars.some((e) => e.timestamp <= nowSec - 35));
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true);
  const now = Date.now();
  const [fromMs, toMs] = [now - 5 * 60_000, now];
  await openAt(page, 'exemplar-dense', { fromMs, toMs });
  const p = panel(page, 'Latency');
  await expect(p).toHaveAttribute('data-state', 'ok');
  await expect(p.getByTestId('exemplar').first()).toBeVisible({ timeout: 15_000 });
  const placed = Number(await p.getByTestId('heatmap-panel').getAttribute('data-exemplars'));
  const dots = await p.getByTestId('exemplar').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      const d = (e as HTMLElement).dataset;
      // `x`: where the dot was placed (its drawn box is rounded to 0.1 px and centred)
      return { x: Number(d.x), le: d.le!, value: Number(d.value), trace: d.traceId!, left: r.x };
    }),
  );
  // fewer dots than exemplars in the cells, at most two per 8 px column and bucket row
  expect(dots.length).toBeGreaterThan(0);
  expect(dots.length).toBeLessThan(placed);
  const over = (await p.locator('.u-over').boundingBox())!;
  const perColumn = new Map<string, number>();
  for (const d of dots) {
    // drawn where it was placed
    expect(Math.abs(d.left + 4 - (over.x + d.x))).toBeLessThanOrEqual(1);
    const k = `${Math.floor(d.x / 8)} ${d.le}`;
    perColumn.set(k, (perColumn.get(k) ?? 0) + 1);
  }
  expect(Math.max(...perColumn.values())).toBeLessThanOrEqual(2);
  // the slowest exemplar of the range (the API's) is one of them
  const data = await promApi<{ exemplars: ApiExemplar[] }[]>('/api/v1/query_exemplars', {
    query: ALL,
    start: fromMs / 1000,
    end: toMs / 1000,
  });
  // those older than 30 s: scraped (every 1 s) before the panel asked, and placed well inside
  // the plot (an exemplar in the last half step sits past its right edge and is not drawn)
  const all = data.flatMap((s) => s.exemplars).filter((e) => e.timestamp <= toMs / 1000 - 30);
  const slowest = Math.max(...all.map((e) => Number(e.value)));
  const slow = dots.find((d) => d.value === slowest);
  expect(slow).toBeDefined();

  // kept at any width (the highest of its column): pinned through the resizes
  await (await dotOf(p, slow!.trace)).dot.click();
  await shots(page, p, slow!.trace, 'dense');
});

test('a known exemplar on a time series panel: a dot at its time and value, with its trace link', async ({
  page,
}) => {
  const P99 = `histogram_quantile(0.99, ${BUCKETS})`;
  // a request of 60 ms, then the known one of 200 ms: the p99 line then runs near its top
  // bucket's upper end (0.247), above both exemplars (the axis covers the dots, or they would be
  // off the plot). The known one is the highest of its pixel column, kept by the decimation even
  // when the heatmap test's request (120 ms, same bucket) falls in the same column; the 60 ms
  // one is in a bucket of its own, so it never hides that test's dot either.
  await apiExemplar(P99, await tracedRequest(60));
  const traceId = await tracedRequest(200);
  const api = await apiExemplar(P99, traceId);
  await addDatasourceWithLink(page);
  await importDashboard(page, exemplarDashboard('exemplar-ts', 'timeseries', P99));
  const now = Date.now();
  const [fromMs, toMs] = [now - 15 * 60_000, now + 60_000];
  await openAt(page, 'exemplar-ts', { fromMs, toMs });
  const p = panel(page, 'Latency');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const { dot, x, y } = await dotOf(p, traceId);
  await expect(dot).toHaveAttribute('data-time-ms', String(Math.round(api.timestamp * 1000)));
  await expect(dot).toHaveAttribute('data-value', String(Number(api.value)));
  await expect(dot).toHaveAttribute('data-ref-id', 'A');
  // at its real time on the x axis (the panel shows the dashboard's range)
  const over = (await p.locator('.u-over').boundingBox())!;
  const expectedX = over.x + ((api.timestamp * 1000 - fromMs) / (toMs - fromMs)) * over.width;
  expect(Math.abs(x - expectedX)).toBeLessThanOrEqual(1.5);
  // the line is above the dot (the API's own p99), and the dot is on the plot all the same
  const line = await promApi<{ result: { values: [number, string][] }[] }>('/api/v1/query_range', {
    query: P99,
    start: fromMs / 1000,
    end: toMs / 1000,
    step: 15,
  });
  const finite = line.result
    .flatMap((s) => s.values.map(([, v]) => Number(v)))
    .filter(Number.isFinite);
  expect(Math.max(...finite)).toBeGreaterThan(Number(api.value));
  expect(y).toBeGreaterThan(over.y);
  expect(y).toBeLessThan(over.y + over.height);
  await checkTooltip(p, traceId, api);
  await shots(page, p, traceId, 'timeseries');
});

test("a query on a right axis of its own unit: its exemplar dots are drawn on that axis' scale", async ({
  page,
}) => {
  const P99 = `histogram_quantile(0.99, ${BUCKETS})`;
  // a fast request first, so the right axis spans 60–240 ms whatever else ran (alone, the one
  // exemplar would be its axis' lowest value, drawn at the bottom as on the left axis); then the
  // slowest of the requests to `/` the tests send: the highest of its pixel column
  await apiExemplar(P99, await tracedRequest(60));
  const traceId = await tracedRequest(240);
  const api = await apiExemplar(P99, traceId);
  await addDatasourceWithLink(page);
  const d = JSON.parse(
    dashboardJson('exemplar-axes', 'exemplar-axes', [
      { title: 'Latency', expr: '', type: 'timeseries', unit: 'reqps', w: 24, h: 12 },
    ]),
  );
  // A: the service's request rate on the left (reqps); B: its p99 with exemplars, in seconds on
  // the right (an override), as in a typical RED panel
  d.panels[0].targets = [
    { refId: 'A', expr: 'sum(rate(http_request_duration_seconds_count[1m]))', legendFormat: 'rps' },
    { refId: 'B', expr: P99, legendFormat: 'p99', exemplar: true },
  ];
  d.panels[0].fieldConfig.overrides = [
    {
      matcher: { id: 'byFrameRefID', options: 'B' },
      properties: [
        { id: 'unit', value: 's' },
        { id: 'custom.axisPlacement', value: 'right' },
      ],
    },
  ];
  await importDashboard(page, JSON.stringify(d));
  const now = Date.now();
  await openAt(page, 'exemplar-axes', { fromMs: now - 15 * 60_000, toMs: now + 60_000 });
  const p = panel(page, 'Latency');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const { dot, y } = await dotOf(p, traceId);
  await expect(dot).toHaveAttribute('data-ref-id', 'B');
  await expect(dot).toHaveAttribute('data-value', String(Number(api.value)));
  // the right axis is in seconds and spans the dot; on the left (requests per second, well above
  // 1) a value of 0.24 would sit on the plot's bottom edge
  const plot = p.locator('.ts-plot');
  await expect(plot).toHaveAttribute('data-y-axis-right', /ms|s/);
  const over = (await p.locator('.u-over').boundingBox())!;
  expect(y).toBeLessThan(over.y + over.height * 0.8);
  await checkTooltip(p, traceId, api);
  // the tooltip gives the value in the axis' unit (ms), not the panel's (req/s)
  await expect(p.getByTestId('exemplar-tooltip-value')).toHaveText(/\d ms$/);
  await shots(page, p, traceId, 'right-axis');
});
