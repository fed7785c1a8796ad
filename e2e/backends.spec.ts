// Beyond one Prometheus (issue 14): the core dashboard against Debian's VictoriaMetrics holding
// the same history (its own API is the oracle), Test and CORS diagnosis, a path-prefixed
// tenant-requiring proxy, UTC step grids in a +05:45 zone, and MetricsQL in the editor.
import { expect, test, type Page, type Request } from '@playwright/test';
import { VM_BUCKETS } from './fixture/backendsDashboard';
import { DCS, JOBS } from './fixture/env';
import { env, open, panel, typeExpr, type Matrix, type Vector } from './support/app';
import { hoverSeries, valueAt } from './support/tooltip';
import { fixtureWindow } from './support/window';

const base = () => env('SCRY_BACKENDS_URL');

// each test drives a whole dashboard or page against two servers: triple time on a busy machine
test.beforeEach(() => test.slow());
/** First paint of a page (lazy chunks, provisioning, variables) can be slow under load. */
const LOAD = { timeout: 30_000 };

/** VictoriaMetrics' own HTTP API: the oracle for what Scry shows from it. */
async function vmApi<T>(path: string, params: Record<string, string | number>): Promise<T> {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${env('VM_URL')}${path}?${qs}`);
  const body = (await res.json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new Error(String(body.error));
  return body.data;
}

/** The query_range parameters the page sends to VictoriaMetrics, by query. */
function vmRangeRequests(page: Page): Map<string, Record<string, string>> {
  const seen = new Map<string, Record<string, string>>();
  page.on('request', (r: Request) => {
    if (!r.url().startsWith(env('VM_URL')) || !r.url().includes('/api/v1/query_range')) return;
    const params =
      r.method() === 'POST'
        ? new URLSearchParams(r.postData() ?? '')
        : new URL(r.url()).searchParams;
    const p = Object.fromEntries(params);
    if (p.query) seen.set(p.query, p);
  });
  return seen;
}

/** The same range query asked of VictoriaMetrics directly. */
function sameRange(sent: Map<string, Record<string, string>>, query: string) {
  const p = sent.get(query);
  expect(p, `the panel sent query_range ${query}`).toBeDefined();
  return vmApi<Matrix>('/api/v1/query_range', {
    query,
    start: p!.start!,
    end: p!.end!,
    step: p!.step!,
  });
}

test('Test: VictoriaMetrics connects (never "Blocked by CORS"), a refused header is named, the prefixed tenant proxy works', async ({
  page,
}) => {
  await open(page, '#/datasources', base());
  const row = (name: string) => page.locator(`[data-testid="datasource-row"][data-name="${name}"]`);
  await row('vm').getByRole('button', { name: 'Test' }).click();
  const vm = row('vm').getByTestId('datasource-test-result');
  await expect(vm.getByTestId('datasource-test-summary')).toHaveText(
    /^Connected: VictoriaMetrics/,
    LOAD,
  );
  await expect(vm).not.toContainText('CORS');
  await expect(vm).toHaveAttribute('data-flavour', 'victoriametrics');
  for (const f of ['metadata', 'alerts', 'rules', 'exemplars'])
    await expect(vm.locator(`[data-feature="${f}"]`)).toHaveAttribute('data-state', 'not-offered');

  // path prefix + X-Scope-OrgID through the proxy: the Prometheus behind it, all features
  await row('tenant').getByRole('button', { name: 'Test' }).click();
  const tenant = row('tenant').getByTestId('datasource-test-result');
  await expect(tenant.getByTestId('datasource-test-summary')).toHaveText(
    /^Connected: Prometheus 2\.42\.\d/,
  );
  await expect(tenant.locator('[data-feature="metadata"]')).toHaveAttribute('data-state', 'ok');
  await expect(tenant.locator('[data-feature="alerts"]')).toHaveAttribute('data-state', 'ok');

  // a new datasource: Test detects the flavour into the form; a tenant header VM refuses is named
  await page.getByRole('button', { name: 'Add datasource' }).click();
  const form = page.getByRole('form', { name: 'Datasource' });
  await form.getByLabel('Name').fill('vm2');
  await form.getByLabel('URL').fill(env('VM_URL'));
  await form.getByRole('button', { name: 'Test' }).click();
  await expect(form.getByTestId('datasource-test-summary')).toHaveText(
    /^Connected: VictoriaMetrics/,
  );
  await expect(form.getByTestId('datasource-flavour-select')).toHaveValue('victoriametrics');
  await form.getByLabel('Tenant (X-Scope-OrgID)').fill('team-a');
  await form.getByRole('button', { name: 'Test' }).click();
  await expect(form.getByTestId('datasource-test-result')).toHaveText(
    'Header refused by CORS: the server does not allow the header X-Scope-OrgID in cross-origin ' +
      'requests; allow it on the server or in the proxy in front of it ' +
      '(Access-Control-Allow-Headers: X-Scope-OrgID).',
  );
  // the same tenant to the proxy without its prefix: the proxy's own answer, verbatim
  await form.getByLabel('URL').fill(new URL(env('PROXY_URL')).origin);
  await form.getByRole('button', { name: 'Test' }).click();
  await expect(form.getByTestId('datasource-test-result')).toHaveText(/^HTTP error: HTTP 404/);
});

test('the core dashboard on VictoriaMetrics shows what its own API answers', async ({ page }) => {
  const sent = vmRangeRequests(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/backends?from=${fromMs}&to=${toMs}&tz=utc`, base());
  for (const t of ['Temperature', 'Requests', 'Latency', 'Temperatures now'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok', LOAD);

  // query variable: VM's label values
  const job = page.getByTestId('variable-job');
  await job.getByTestId('variable-button').click();
  const jobs = await vmApi<string[]>('/api/v1/label/job/values', {
    'match[]': 'scry_http_requests_total',
    start: fromMs / 1000,
    end: toMs / 1000,
  });
  expect(jobs).toEqual(JOBS.map((j) => j.job));
  await expect(job.getByTestId('variable-option')).toHaveText(jobs);
  await page.keyboard.press('Escape');

  // time series: tooltip values at the hovered step = VM's query_range at that step
  const temps = await sameRange(sent, 'scry_temperature_celsius');
  expect(temps.result).toHaveLength(DCS.length);
  const { tMs, values } = await hoverSeries(page, 'Temperature', 0.6);
  expect(values).toEqual(valueAt(temps, tMs, (l) => l.dc!));
  expect(values.size).toBe(DCS.length);

  // stat: the last value of VM's answer. VictoriaMetrics sums in parallel, so the same query
  // asked twice may differ in the last bit (99 vs 99.00000000000001): equal to 9 decimals.
  const stat = await sameRange(sent, 'sum(rate(scry_http_requests_total{job="api"}[5m]))');
  const last = Number(stat.result[0]!.values.at(-1)![1]);
  const statValue = panel(page, 'Requests').getByTestId('stat-value');
  await expect(statValue).toHaveAttribute('data-value', /^\d/);
  expect(Number(await statValue.getAttribute('data-value'))).toBeCloseTo(last, 9);

  // heatmap: p90 at a hovered column = VM's own histogram_quantile on the same grid
  const p = sent.get(VM_BUCKETS)!;
  const q90 = await vmApi<Matrix>('/api/v1/query_range', {
    query: `histogram_quantile(0.9, ${VM_BUCKETS})`,
    start: p.start!,
    end: p.end!,
    step: p.step!,
  });
  const heat = panel(page, 'Latency').getByTestId('heatmap-panel');
  await expect(heat).toHaveAttribute('data-buckets', '12');
  const hbox = (await heat.locator('.u-over').boundingBox())!;
  await page.mouse.move(0, 0);
  await page.mouse.move(hbox.x + hbox.width * 0.45, hbox.y + hbox.height / 2);
  const hMs = Number(await heat.getByTestId('heatmap-tooltip-time').getAttribute('data-time-ms'));
  const shown = Number(
    await heat.locator('[data-testid="heatmap-quantile"][data-q="0.9"]').getAttribute('data-value'),
  );
  const expected = Number(q90.result[0]!.values.find(([t]) => t * 1000 === hMs)![1]);
  expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));

  // instant table: VM's instant answer at the end of the range
  const now = await vmApi<Vector>('/api/v1/query', {
    query: 'scry_temperature_celsius',
    time: toMs / 1000,
  });
  const rows = panel(page, 'Temperatures now').getByTestId('table-panel').locator('tbody tr');
  await expect(rows).toHaveCount(now.result.length);
  const table = new Map<string, number>();
  for (const r of await rows.all())
    table.set(
      (await r.locator('td[data-column="dc"]').textContent())!,
      Number(await r.locator('td[data-column="Value"]').getAttribute('data-value')),
    );
  expect(table).toEqual(new Map(now.result.map((s) => [s.metric.dc!, Number(s.value[1])])));

  // alerts: VM offers none: a quiet note, not an error
  const alerts = panel(page, 'Alerts');
  await expect(alerts.getByTestId('alertlist-not-offered')).toHaveText(
    'Alerts: not offered by this server (VictoriaMetrics).',
  );
  await expect(alerts).toHaveAttribute('data-state', 'ok');
  await expect(alerts.getByTestId('panel-error')).toHaveCount(0);

  // VM taken for a Prometheus: the alert list's error is the panel's state too
  await open(page, `#/d/backends?from=${fromMs}&to=${toMs}&tz=utc&var-ds=vm-as-prometheus`, base());
  await expect(panel(page, 'Alerts').getByTestId('panel-error')).toBeVisible(LOAD);
  await expect(panel(page, 'Alerts')).toHaveAttribute('data-state', 'error');
});

test('a +05:45 dashboard asks VictoriaMetrics for the UTC grid and draws its values at their own times', async ({
  page,
}) => {
  const sent = vmRangeRequests(page);
  const { fromMs, toMs } = fixtureWindow();
  // a range that is not on any 30 m boundary
  const from = fromMs + 50 * 60_000;
  const to = toMs - 10 * 60_000;
  // the panel alone (viewPanel): it would be below the fold, where panels do not query
  await open(page, `#/d/backends?from=${from}&to=${to}&tz=Asia%2FKathmandu&viewPanel=6`, base());
  const title = 'Temperature every 30m';
  await expect(panel(page, title)).toHaveAttribute('data-state', 'ok', LOAD);
  const query = 'scry_temperature_celsius{dc="ams"}';
  await expect.poll(() => sent.has(query)).toBe(true);
  const p = sent.get(query)!;
  expect(p.step).toBe('1800');
  expect(Number(p.start) % 1800).toBe(0);
  expect(Number(p.end) % 1800).toBe(0);
  const api = await sameRange(sent, query);
  for (const fx of [0.3, 0.7]) {
    const { tMs, values } = await hoverSeries(page, title, fx);
    expect(tMs % 1_800_000).toBe(0);
    expect(values).toEqual(valueAt(api, tMs, (l) => l.dc!));
  }
});

test('Explore on VictoriaMetrics: metric browser without metadata, completion, MetricsQL not marked', async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/explore?ds=vm&from=${fromMs}&to=${toMs}&tz=utc`, base());
  const browser = page.getByTestId('metric-browser');
  await expect(browser.getByTestId('metric-browser-not-offered')).toHaveText(
    'Metric metadata (TYPE/HELP): not offered by this server (VictoriaMetrics).',
    LOAD,
  );
  await expect(
    browser.locator('[data-testid="metric-item"][data-metric="scry_temperature_celsius"]'),
  ).toBeVisible();
  await expect(browser.locator('.panel-error')).toHaveCount(0);

  // completion: metric names from VM's label values
  const editor = page.getByTestId('query-expr');
  await typeExpr(editor, 'scry_temp');
  await expect(
    page.locator('.cm-tooltip-autocomplete').getByText('scry_temperature_celsius'),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // MetricsQL: no window in rate() is fine for VM, runs, and is not underlined
  await typeExpr(editor, 'sum(rate(scry_http_requests_total))');
  await page.getByTestId('explore-run').click();
  await expect(page.getByTestId('explore-graph').getByTestId('panel')).toHaveAttribute(
    'data-state',
    'ok',
  );
  await page.waitForTimeout(600); // the linter's debounce (250 ms) has passed
  await expect(editor.locator('.cm-lintRange-error')).toHaveCount(0);

  // the same text for a Prometheus datasource is an error
  await open(page, `#/explore?ds=prom&from=${fromMs}&to=${toMs}&tz=utc`, base());
  await typeExpr(page.getByTestId('query-expr'), 'sum(rate(scry_http_requests_total))');
  await expect(page.getByTestId('query-expr').locator('.cm-lintRange-error')).not.toHaveCount(0);
});
