import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  panel,
  rangeRequests,
} from './support/app';
import { fixtureWindow } from './support/window';

// Issue 12: one request per distinct visible query per load and per refresh. At 1 920 px the
// grid's default width (1 280 px) and the real one give different steps (30 s vs 20 s for 6 h),
// so a panel that queried before the grid was measured would send each query twice.
test.use({ viewport: { width: 1920, height: 1080 } });

interface Sent {
  expr: string;
  step: string;
}

/** Every query_range request from now on: its expression and step. */
const sentQueries = (page: Page): Sent[] =>
  rangeRequests(page, (p) => ({ expr: p.get('query') ?? '', step: p.get('step') ?? '' }));

const count = (sent: Sent[], expr: string) => sent.filter((s) => s.expr === expr).length;

test('one request per distinct visible query on load and on refresh, none before the width is known', async ({
  page,
}) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
  const { fromMs, toMs } = fixtureWindow();
  await importDashboard(
    page,
    dashboardJson('counted', 'Counted', [
      { title: 'A', expr: 'scry_temperature_celsius', x: 0, y: 0 },
      { title: 'B', expr: 'scry_temperature_celsius', x: 12, y: 0 },
      // tall: pushes D below the first screen (the grid compacts upwards)
      { title: 'C', expr: 'sum(scry_temperature_celsius)', x: 0, y: 8, w: 24, h: 40 },
      { title: 'D', expr: 'max(scry_temperature_celsius)', x: 0, y: 48 },
    ]),
  );
  // leave the import's landing view (the dashboard at its default range): its late queries
  // (the panels' code loads on demand) would be counted
  await page.goto('about:blank');
  const sent = sentQueries(page);
  await open(page, `#/d/counted?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['A', 'B', 'C']) await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await page.waitForLoadState('networkidle');
  expect(count(sent, 'scry_temperature_celsius')).toBe(1);
  expect(count(sent, 'sum(scry_temperature_celsius)')).toBe(1);
  expect(count(sent, 'max(scry_temperature_celsius)')).toBe(0);
  expect(sent).toHaveLength(2);
  // sent by the start-up planner (app/earlyQueries.ts) at the widths the grid then gave
  expect(await page.evaluate(() => performance.getEntriesByName('scry:early').length)).toBe(1);
  // the half-width panels' step is the one their laid-out width gives: 6 h over ~940 px → 20 s
  expect(sent.find((s) => s.expr === 'scry_temperature_celsius')?.step).toBe('20');

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(async () => {
    expect(count(sent, 'scry_temperature_celsius')).toBe(2);
    expect(count(sent, 'sum(scry_temperature_celsius)')).toBe(2);
  }).toPass();
  for (const t of ['A', 'B', 'C']) await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await page.waitForLoadState('networkidle');
  expect(sent).toHaveLength(4);
  expect(count(sent, 'max(scry_temperature_celsius)')).toBe(0);
});

test('alert annotations: one ALERTS request per datasource and range, whatever the panels and their widths', async ({
  page,
}) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
  const { fromMs, toMs } = fixtureWindow();
  const annotated = { alertAnnotations: true };
  // three widths, so three steps for the panels' own queries
  await importDashboard(
    page,
    dashboardJson('annotated', 'Annotated', [
      { title: 'Wide', expr: 'scry_temperature_celsius', x: 0, y: 0, w: 24, options: annotated },
      { title: 'Half', expr: 'sum(scry_temperature_celsius)', x: 0, y: 8, options: annotated },
      {
        title: 'Third',
        expr: 'max(scry_temperature_celsius)',
        x: 12,
        y: 8,
        w: 8,
        options: annotated,
      },
    ]),
  );
  // leave the view the import opened (the default 6 h up to now): its late requests are not ours
  await page.goto('about:blank');
  const sent = sentQueries(page);
  await open(page, `#/d/annotated?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Wide', 'Half', 'Third'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await page.waitForLoadState('networkidle');
  expect(new Set(sent.filter((s) => s.expr !== 'ALERTS').map((s) => s.step)).size).toBe(3);
  expect(count(sent, 'ALERTS')).toBe(1);
  // the fixture window is 6 h: 2 000 points would be 10.8 s, so the 15 s scrape interval
  expect(sent.find((s) => s.expr === 'ALERTS')?.step).toBe('15');
});
