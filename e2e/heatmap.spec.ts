import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  openAt,
  panel,
  promApi,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

const BUCKETS = 'sum by (le) (rate(scry_request_duration_seconds_bucket{job="api"}[5m]))';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

/**
 * Moves the pointer onto the heatmap at (fx, fy) of its plot, leaving it first so the tooltip
 * read next is the one for this position (not still the previous one's).
 */
async function hover(page: Page, heat: Locator, fx: number, fy = 0.5) {
  await page.mouse.move(0, 0);
  await expect(heat.getByTestId('heatmap-tooltip')).toBeHidden();
  // after a resize the plot may be drawn anew: wait for it
  await expect(heat.locator('.u-over')).toBeVisible();
  const box = (await heat.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
  await expect(heat.getByTestId('heatmap-tooltip-time')).toBeVisible();
}

/** Hovers the heatmap at `fx` of its width; returns the tooltip's time and its p90 value. */
async function hoverP90(page: Page, heat: Locator, fx: number) {
  await hover(page, heat, fx);
  const time = heat.getByTestId('heatmap-tooltip-time');
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

  // the colour legend says which scale the cells use
  await expect(heat.getByTestId('heatmap-color-legend')).toHaveAttribute(
    'data-scale',
    'exponential',
  );

  // the cell under the pointer: bucket range in the panel unit, count and share of the column
  await hover(page, heat, 0.6, 0.6);
  const time = heat.getByTestId('heatmap-tooltip-time');
  const tMs = Number(await time.getAttribute('data-time-ms'));
  const bucket = heat.getByTestId('heatmap-bucket');
  const b = Number(await bucket.getAttribute('data-bucket'));
  expect(b).toBeGreaterThanOrEqual(0);
  expect(b).toBeLessThan(12);
  // the fixture's bounds (seconds) as the panel unit `s` writes them
  const LABELS = ['0 s', '5 ms', '10 ms', '25 ms', '50 ms', '100 ms', '250 ms', '500 ms', '1 s'];
  LABELS.push('2.50 s', '5 s', '10 s', '+Inf');
  await expect(bucket.locator('.tt-value')).toHaveText(`${LABELS[b]} – ${LABELS[b + 1]}`);
  const v = await promApi<Vector>('/api/v1/query', { query: BUCKETS, time: tMs / 1000 });
  const cumulative = v.result
    .map(
      (r) => [r.metric.le === '+Inf' ? Infinity : Number(r.metric.le), Number(r.value[1])] as const,
    )
    .sort((x, y) => x[0] - y[0])
    .map(([, c]) => c);
  expect(cumulative).toHaveLength(12);
  const count = cumulative[b]! - (b > 0 ? cumulative[b - 1]! : 0);
  const shown = Number(await heat.getByTestId('heatmap-count').getAttribute('data-value'));
  expect(Math.abs(shown - count)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(count)));
  const share = (count / cumulative[11]!) * 100;
  const shownShare = Number(await heat.getByTestId('heatmap-share').getAttribute('data-value'));
  expect(Math.abs(shownShare - share)).toBeLessThanOrEqual(1e-9 * Math.max(1, share));
  await expect(heat.getByTestId('heatmap-share')).toContainText(`${share.toFixed(1)} %`);

  // each percentile line can be toggled from the legend: hidden lines leave the tooltip
  const p90Button = heat.getByTestId('legend-item').filter({ hasText: 'p90' });
  await p90Button.click();
  await expect(p90Button).toHaveAttribute('aria-pressed', 'false');
  await hover(page, heat, 0.5);
  await expect(heat.locator('[data-testid="heatmap-quantile"][data-q="0.5"]')).toHaveCount(1);
  await expect(heat.locator('[data-testid="heatmap-quantile"][data-q="0.9"]')).toHaveCount(0);
  await p90Button.click();
  await expect(p90Button).toHaveAttribute('aria-pressed', 'true');
  await hover(page, heat, 0.55);
  await expect(heat.locator('[data-testid="heatmap-quantile"][data-q="0.9"]')).toHaveCount(1);
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
  // the panel had no unit: the heatmap takes the bucket metric's (seconds)
  await expectSecondsBuckets(page, heat);
});

test('a small heatmap (6 × 6, two groups) shows its whole footer: percentile toggles and colour scale', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('heat-small', 'Heat small', [
      {
        title: 'Small',
        expr: 'sum by (le, job) (rate(scry_request_duration_seconds_bucket[5m]))',
        type: 'heatmap',
        unit: 's',
        w: 6,
        h: 6,
      },
    ]),
  );
  await openAt(page, 'heat-small');
  const p = panel(page, 'Small');
  await expect(p).toHaveAttribute('data-state', 'ok');
  await expect(p.getByTestId('heatmap-group')).toBeVisible();
  const inside = (
    inner: { x: number; y: number; width: number; height: number },
    outer: { x: number; y: number; width: number; height: number },
  ) =>
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5;
  const panelBox = (await p.boundingBox())!;
  const legend = p.locator('.heatmap-footer > .legend');
  const legendBox = (await legend.boundingBox())!;
  const items = p.getByTestId('legend-item');
  await expect(items).toHaveText(['p50', 'p90', 'p99']);
  for (const item of await items.all()) {
    const box = (await item.boundingBox())!;
    // not cut off by the legend's own scroll box, nor by the panel
    expect(inside(box, legendBox)).toBe(true);
    expect(inside(box, panelBox)).toBe(true);
  }
  const scale = (await p.getByTestId('heatmap-color-legend').boundingBox())!;
  expect(inside(scale, panelBox)).toBe(true);
  // the plot keeps most of the height
  const plot = (await p.getByTestId('heatmap-plot').boundingBox())!;
  expect(plot.height).toBeGreaterThan(80);
});

/** The fixture's bucket bounds (seconds) as the unit `s` writes them. */
const SECONDS_LABELS = ['0 s', '5 ms', '10 ms', '25 ms', '50 ms', '100 ms', '250 ms', '500 ms'];
SECONDS_LABELS.push('1 s', '2.50 s', '5 s', '10 s', '+Inf');

/** Hovers a cell of the heatmap; expects its bucket range in seconds' words (… ms). */
async function expectSecondsBuckets(page: Page, heat: Locator) {
  for (const fy of [0.3, 0.6]) {
    await hover(page, heat, 0.6, fy);
    const bucket = heat.getByTestId('heatmap-bucket');
    const b = Number(await bucket.getAttribute('data-bucket'));
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(12);
    await expect(bucket.locator('.tt-value')).toHaveText(
      `${SECONDS_LABELS[b]} – ${SECONDS_LABELS[b + 1]}`,
    );
  }
  // the percentile lines in the same unit
  const p90 = heat.locator('[data-testid="heatmap-quantile"][data-q="0.9"]');
  await expect(p90).toContainText(/\d ms|\d s/);
}

async function editPanel(page: Page, title: string) {
  await panel(page, title).getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  return page.getByTestId('panel-editor');
}

test('switched to Heatmap in the panel editor, _seconds_bucket shows seconds (5 ms, 25 ms …)', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('heat-editor', 'Heat editor', [
      { title: 'Buckets', expr: BUCKETS, legend: '{{le}}', w: 24, h: 12 },
    ]),
  );
  await openAt(page, 'heat-editor');
  await expect(panel(page, 'Buckets')).toHaveAttribute('data-state', 'ok');
  const editor = await editPanel(page, 'Buckets');
  await expect(editor.getByTestId('panel-unit')).toHaveValue('short');
  await editor.getByTestId('panel-type').selectOption('heatmap');
  // the unit follows the metric, and says so where the user can change it
  await expect(editor.getByTestId('panel-unit')).toHaveValue('s');
  const heat = editor.getByTestId('heatmap-panel');
  await expect(heat).toHaveAttribute('data-buckets', '12');
  await expectSecondsBuckets(page, heat);

  // a unit chosen by hand stays when switching back and forth
  await editor.getByTestId('panel-type').selectOption('timeseries');
  await editor.getByTestId('panel-unit').selectOption('ms');
  await editor.getByTestId('panel-type').selectOption('heatmap');
  await expect(editor.getByTestId('panel-unit')).toHaveValue('ms');
});

test('the panel editor preview offers "Show as heatmap", which switches the edited panel', async ({
  page,
}) => {
  await importDashboard(
    page,
    dashboardJson('heat-preview', 'Heat preview', [
      { title: 'Buckets', expr: BUCKETS, legend: '{{le}}', w: 24, h: 12 },
    ]),
  );
  await openAt(page, 'heat-preview');
  const editor = await editPanel(page, 'Buckets');
  const preview = editor.getByTestId('panel');
  await expect(preview).toHaveAttribute('data-state', 'ok');
  // the preview has no panel menu (nothing in it would apply to a preview)
  await expect(preview.getByLabel('Panel menu')).toHaveCount(0);
  await preview.getByTestId('show-as-heatmap').click();
  await expect(editor.getByTestId('panel-type')).toHaveValue('heatmap');
  await expect(editor.getByTestId('panel-unit')).toHaveValue('s');
  await expect(preview.getByTestId('show-as-heatmap')).toHaveCount(0);
  const heat = preview.getByTestId('heatmap-panel');
  await expect(heat).toHaveAttribute('data-buckets', '12');
  await expectSecondsBuckets(page, heat);

  await editor.getByTestId('panel-apply').click();
  await expect(editor).toBeHidden();
  const onBoard = panel(page, 'Buckets').getByTestId('heatmap-panel');
  await expect(onBoard).toHaveAttribute('data-buckets', '12');
  await expectSecondsBuckets(page, onBoard);
});

test('compare 1 h on a heatmap: each percentile then, dashed, equal to histogram_quantile an hour before', async ({
  page,
}, info) => {
  await importDashboard(
    page,
    dashboardJson('heatcmp', 'Heat compare', [
      {
        title: 'Latency',
        expr: BUCKETS,
        type: 'heatmap',
        unit: 's',
        w: 24,
        h: 12,
        options: { percentiles: [0.5, 0.9], colorScale: 'exponential' },
      },
    ]),
  );
  await openAt(page, 'heatcmp', fixtureWindow(), '&compare=1h');
  const p = panel(page, 'Latency');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const heat = p.getByTestId('heatmap-panel');
  await expect(heat.getByTestId('legend-past-item')).toHaveText(['p50 (1 h ago)', 'p90 (1 h ago)']);
  for (const fx of [0.45, 0.8]) {
    await hover(page, heat, fx);
    const tMs = Number(await heat.getByTestId('heatmap-tooltip-time').getAttribute('data-time-ms'));
    const rows = heat.getByTestId('tooltip-past');
    await expect(rows).toHaveCount(2);
    const p90then = rows.nth(1);
    await expect(p90then).toHaveAttribute('data-then-time-ms', String(tMs - 3_600_000));
    const then = Number(await p90then.getAttribute('data-then'));
    const expected = await apiP90(tMs - 3_600_000);
    expect(Math.abs(then - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    const now = Number(
      await heat
        .locator('[data-testid="heatmap-quantile"][data-q="0.9"]')
        .getAttribute('data-value'),
    );
    expect(Number(await p90then.getAttribute('data-delta'))).toBeCloseTo(now - then, 12);
  }
  // a legend click hides a percentile and its past line together
  await heat.getByTestId('legend-item').filter({ hasText: 'p50' }).click();
  await hover(page, heat, 0.6);
  await expect(heat.getByTestId('tooltip-past')).toHaveCount(1);
  for (const width of [1000, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await hover(page, heat, 0.6);
    await page.screenshot({ path: info.outputPath(`heatmap-compare-${width}.png`) });
  }
});
