import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  panel,
  promApi,
} from './support/app';

// A REAL native histogram: e2e/fixture/native-exporter.mjs serves `scry_native_latency_seconds`
// (schema 3, a zero bucket, two spans) in the protobuf format, and the fixture Prometheus (2.42,
// --enable-feature=native-histograms) scrapes it every second as job "native".

type Matrix = {
  resultType: 'matrix';
  result: {
    metric: Record<string, string>;
    values?: [number, string][];
    histograms?: [number, { count: string; sum: string; buckets?: unknown[] }][];
  }[];
};

const RATE = 'rate(scry_native_latency_seconds[1m])';
/** The datasource's scrape interval, hence the panel's step (the range is short). */
const STEP = 5;
const RANGE = 120;

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: `${STEP}s` });
});

/** Hovers the heatmap at `fx` of its width; returns the tooltip's time and its p90 value. */
async function hoverP90(page: Page, heat: Locator, fx: number) {
  const over = heat.locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * fx, box.y + box.height / 2);
  const time = heat.getByTestId('heatmap-tooltip-time');
  await expect(time).toBeVisible();
  const p90 = heat.locator('[data-testid="heatmap-quantile"][data-q="0.9"]');
  await expect(p90).toHaveCount(1);
  return {
    tMs: Number(await time.getAttribute('data-time-ms')),
    value: Number(await p90.getAttribute('data-value')),
  };
}

test('a real native histogram renders as a native heatmap; p90 equals histogram_quantile', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // The exporter has history only since the suite started: wait until the last 2 minutes on
  // the panel's grid (5 s steps, ending a step in the past so every sample is ingested) hold
  // rate histograms at more than half of the steps.
  let endSec = 0;
  await expect
    .poll(
      async () => {
        endSec = Math.floor(Date.now() / 1000 / STEP) * STEP - STEP;
        const r = await promApi<Matrix>('/api/v1/query_range', {
          query: RATE,
          start: endSec - RANGE,
          end: endSec,
          step: STEP,
        });
        return r.result[0]?.histograms?.length ?? 0;
      },
      { timeout: 110_000, intervals: [1_000] },
    )
    .toBeGreaterThanOrEqual(RANGE / STEP / 2 + 2);
  const startSec = endSec - RANGE;
  const grid = { start: startSec, end: endSec, step: STEP };

  const rate = await promApi<Matrix>('/api/v1/query_range', { query: RATE, ...grid });
  expect(rate.result).toHaveLength(1);
  expect(rate.result[0]!.values ?? []).toHaveLength(0);
  const histTimes = new Set(rate.result[0]!.histograms!.map(([t]) => t * 1000));

  await importDashboard(
    page,
    dashboardJson('native', 'Native', [
      {
        title: 'Native latency',
        expr: RATE,
        type: 'heatmap',
        unit: 's',
        w: 24,
        h: 12,
        options: { percentiles: [0.5, 0.9, 0.99], colorScale: 'exponential' },
      },
    ]),
  );
  await open(page, `#/d/native?from=${startSec * 1000}&to=${endSec * 1000}&tz=utc`);
  const p = panel(page, 'Native latency');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const heat = p.getByTestId('heatmap-panel');
  await expect(heat).toHaveAttribute('data-source', 'native');
  await expect(heat).toHaveAttribute('data-steps', String(RANGE / STEP + 1));
  // zero bucket, 10 + 8 schema-3 buckets in two spans, and the two gaps between them
  await expect(heat).toHaveAttribute('data-buckets', '21');

  // the oracle: Prometheus's own native histogram_quantile on the same grid
  const q90 = await promApi<Matrix>('/api/v1/query_range', {
    query: `histogram_quantile(0.9, ${RATE})`,
    ...grid,
  });
  expect(q90.result).toHaveLength(1);
  const expectedAt = new Map(q90.result[0]!.values!.map(([t, v]) => [t * 1000, Number(v)]));

  const seen = new Set<number>();
  for (const fx of [0.62, 0.75, 0.87, 0.98]) {
    const { tMs, value } = await hoverP90(page, heat, fx);
    expect(histTimes.has(tMs), `a step with a histogram: ${tMs}`).toBe(true);
    seen.add(tMs);
    const expected = expectedAt.get(tMs)!;
    expect(Number.isFinite(expected)).toBe(true);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    // and the instant query at that time agrees
    const inst = await promApi<{ result: { value: [number, string] }[] }>('/api/v1/query', {
      query: `histogram_quantile(0.9, ${RATE})`,
      time: tMs / 1000,
    });
    expect(Number(inst.result[0]!.value[1])).toBe(expected);
  }
  expect(seen.size).toBe(4);
});
