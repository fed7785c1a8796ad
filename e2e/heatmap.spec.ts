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
import { fixtureWindow } from './support/window';

type Vector = {
  resultType: 'vector';
  result: { metric: Record<string, string>; value: [number, string] }[];
};

const BUCKETS = 'sum by (le) (rate(scry_request_duration_seconds_bucket{job="api"}[5m]))';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

async function openAt(page: Page, uid: string) {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`);
}

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

/** histogram_quantile(0.9, …) from the Prometheus API at `tMs`: the oracle. */
async function apiP90(tMs: number): Promise<number> {
  const v = await promApi<Vector>('/api/v1/query', {
    query: `histogram_quantile(0.9, ${BUCKETS})`,
    time: tMs / 1000,
  });
  expect(v.result).toHaveLength(1);
  return Number(v.result[0]!.value[1]);
}

test('heatmap of classic buckets: 12 buckets, p90 in the tooltip equals histogram_quantile', async ({
  page,
}) => {
  const { fromMs, toMs } = fixtureWindow();
  await importDashboard(
    page,
    dashboardJson('heat', 'Heat', [
      {
        title: 'Latency',
        expr: BUCKETS,
        type: 'heatmap',
        unit: 's',
        w: 24,
        h: 12,
        options: { percentiles: [0.5, 0.9, 0.99], colorScale: 'exponential' },
      },
    ]),
  );
  await openAt(page, 'heat');
  const p = panel(page, 'Latency');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const heat = p.getByTestId('heatmap-panel');
  await expect(heat).toHaveAttribute('data-buckets', '12');
  await expect(heat).toHaveAttribute('data-source', 'classic');

  const seen = new Set<number>();
  for (const fx of [0.2, 0.45, 0.7, 0.9]) {
    const { tMs, value } = await hoverP90(page, heat, fx);
    expect(tMs).toBeGreaterThan(fromMs);
    expect(tMs).toBeLessThanOrEqual(toMs);
    seen.add(tMs);
    const expected = await apiP90(tMs);
    expect(Number.isFinite(expected)).toBe(true);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
  }
  // the hovered points are distinct steps, so this compared several columns
  expect(seen.size).toBe(4);
});

test('a time series of bucket series offers "Show as heatmap", which switches the panel', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('heat-switch', 'Heat switch', [
      { title: 'Buckets', expr: BUCKETS, legend: '{{le}}', w: 24, h: 12 },
      { title: 'Not buckets', expr: 'scry_temperature_celsius', y: 12 },
    ]),
  );
  await openAt(page, 'heat-switch');
  const p = panel(page, 'Buckets');
  await expect(p).toHaveAttribute('data-state', 'ok');
  await expect(p.getByTestId('legend-item')).toHaveCount(12);
  await expect(panel(page, 'Not buckets')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Not buckets').getByTestId('show-as-heatmap')).toHaveCount(0);

  await p.getByTestId('show-as-heatmap').click();
  const heat = p.getByTestId('heatmap-panel');
  await expect(heat).toHaveAttribute('data-buckets', '12');
  await expect(p.getByTestId('show-as-heatmap')).toHaveCount(0);
  // a change to the working copy: the dashboard is now unsaved
  await expect(page.getByText('● unsaved')).toBeVisible();
  const { tMs, value } = await hoverP90(page, heat, 0.5);
  const expected = await apiP90(tMs);
  expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
});
