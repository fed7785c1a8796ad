// The cost of every panel (issue 16): panels ask Prometheus for its query statistics
// (`stats=all`); the dashboard's cost view and the inspector show them, equal to what Prometheus
// itself answers for the same request.
import { expect, test, type Page, type Request } from '@playwright/test';
import { addDatasource, dashboardJson, env, importDashboard, open, panel } from './support/app';
import { fixtureWindow } from './support/window';

interface Sent {
  query: string;
  start: string;
  end: string;
  step: string;
  stats: string | null;
}

function sentRanges(page: Page): Sent[] {
  const seen: Sent[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().includes('/api/v1/query_range')) return;
    const p =
      r.method() === 'POST'
        ? new URLSearchParams(r.postData() ?? '')
        : new URL(r.url()).searchParams;
    seen.push({
      query: p.get('query') ?? '',
      start: p.get('start') ?? '',
      end: p.get('end') ?? '',
      step: p.get('step') ?? '',
      stats: p.get('stats'),
    });
  });
  return seen;
}

interface PromStats {
  series: number;
  points: number;
  samples: number;
  peak: number;
}

/** Prometheus' own answer (with its statistics) to the request the page sent. */
async function promStats(s: Sent): Promise<PromStats> {
  const qs = new URLSearchParams({ ...s, stats: 'all' });
  const res = await fetch(`${env('PROM_URL')}/api/v1/query_range?${qs}`);
  const body = (await res.json()) as {
    data: {
      result: { values: unknown[] }[];
      stats: { samples: { totalQueryableSamples: number; peakSamples: number } };
    };
  };
  return {
    series: body.data.result.length,
    points: body.data.result.reduce((n, r) => n + r.values.length, 0),
    samples: body.data.stats.samples.totalQueryableSamples,
    peak: body.data.stats.samples.peakSamples,
  };
}

const TEMPS = 'scry_temperature_celsius';
const RATE = 'sum by (job) (rate(scry_http_requests_total[5m]))';

test('the cost view and the inspector show what each query cost, equal to Prometheus’ stats', async ({
  page,
}) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
  await importDashboard(
    page,
    dashboardJson('costly', 'Costly', [
      { title: 'Temperatures', expr: TEMPS, x: 0, y: 0 },
      { title: 'Request rate', expr: RATE, x: 12, y: 0 },
      // the same query as the first panel: one request, counted once in the total
      { title: 'Temperatures again', expr: TEMPS, x: 0, y: 8 },
    ]),
  );
  const sent = sentRanges(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/costly?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Temperatures', 'Request rate', 'Temperatures again'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await page.waitForLoadState('networkidle');
  expect(sent.map((s) => s.stats)).toEqual(['all', 'all']);

  await page.getByTestId('cost-button').click();
  const view = page.getByTestId('cost-view');
  await expect(view.getByTestId('cost-row')).toHaveCount(3);
  const expected = new Map<string, PromStats>();
  for (const s of sent) expected.set(s.query, await promStats(s));
  const temps = expected.get(TEMPS)!;
  const rate = expected.get(RATE)!;
  // rate(…[5m]) over every series reads far more samples than the plain gauge
  expect(rate.samples).toBeGreaterThan(temps.samples);

  const figure = (row: ReturnType<typeof view.locator>, id: string) =>
    row.getByTestId(id).getAttribute('data-value');
  const rows = view.getByTestId('cost-row');
  await expect(rows.first()).toHaveAttribute('data-panel-title', 'Request rate');
  for (const [title, want] of [
    ['Request rate', rate],
    ['Temperatures', temps],
    ['Temperatures again', temps],
  ] as const) {
    const row = view.locator(`[data-testid="cost-row"][data-panel-title="${title}"]`);
    expect(await figure(row, 'cost-samples')).toBe(String(want.samples));
    expect(await figure(row, 'cost-peak')).toBe(String(want.peak));
    expect(await figure(row, 'cost-series')).toBe(String(want.series));
    expect(await figure(row, 'cost-points')).toBe(String(want.points));
    expect(Number(await figure(row, 'cost-server-time'))).toBeGreaterThan(0);
  }
  const total = view.getByTestId('cost-total');
  expect(await figure(total, 'cost-samples')).toBe(String(temps.samples + rate.samples));
  expect(await figure(total, 'cost-series')).toBe(String(temps.series + rate.series));
  await view.screenshot({ path: test.info().outputPath('cost-view.png') });

  // the inspector of one panel says the same
  const p = panel(page, 'Request rate');
  await p.getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  const cost = page.getByTestId('inspect-cost');
  await expect(cost.getByTestId('cost-samples')).toHaveAttribute(
    'data-value',
    String(rate.samples),
  );
  await expect(cost.getByTestId('cost-peak')).toHaveAttribute('data-value', String(rate.peak));
});
