import { expect, test } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  panel,
  rangeQueries,
} from './support/app';
import { fixtureWindow } from './support/window';

test.beforeEach(async ({ page }) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

test('identical queries in two panels are sent once', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  await importDashboard(
    page,
    dashboardJson('dedupe', 'Dedupe', [
      { title: 'One', expr: 'scry_temperature_celsius', x: 0, y: 0 },
      { title: 'Two', expr: 'scry_temperature_celsius', x: 12, y: 0 },
    ]),
  );
  // the import lands on the dashboard at its default range: leave it before counting, so a late
  // request from that landing page is not counted as this view's
  await open(page, '#/');
  const sent = rangeQueries(page);
  await open(page, `#/d/dedupe?from=${fromMs}&to=${toMs}`);
  await expect(panel(page, 'One')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Two')).toHaveAttribute('data-state', 'ok');
  expect(sent.filter((q) => q === 'scry_temperature_celsius')).toHaveLength(1);
});

test('a panel below the fold sends no query until it is scrolled into view', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  await importDashboard(
    page,
    dashboardJson('lazy', 'Lazy', [
      // The grid compacts upwards (like Grafana), so a tall panel is what pushes the other down.
      { title: 'Top', expr: 'scry_temperature_celsius', h: 60 },
      { title: 'Far below', expr: 'sum(scry_temperature_celsius)', y: 60 },
    ]),
  );
  const sent = rangeQueries(page);
  await open(page, `#/d/lazy?from=${fromMs}&to=${toMs}`);
  await expect(panel(page, 'Top')).toHaveAttribute('data-state', 'ok');
  await page.waitForTimeout(500);
  expect(sent).not.toContain('sum(scry_temperature_celsius)');
  await panel(page, 'Far below').scrollIntoViewIfNeeded();
  await expect(panel(page, 'Far below')).toHaveAttribute('data-state', 'ok');
  expect(sent).toContain('sum(scry_temperature_celsius)');
});

test('the time range and refresh live in the URL: a link reproduces the view', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  await importDashboard(
    page,
    dashboardJson('linked', 'Linked', [
      { title: 'T', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
    ]),
  );
  await open(page, `#/d/linked?from=${fromMs}&to=${toMs}&tz=utc&refresh=1m`);
  await expect(page.getByTestId('time-picker')).toContainText('UTC');
  await expect(page.getByTestId('refresh-select')).toHaveValue('1m');
  await expect(panel(page, 'T')).toHaveAttribute('data-state', 'ok');
  // Typed relative expressions work through the picker and land in the URL.
  await page.getByTestId('time-picker').click();
  await page.getByTestId('time-from').fill('now-1d/d');
  await page.getByTestId('time-to').fill('now-1d/d');
  await page.getByTestId('time-apply').click();
  await expect(page).toHaveURL(/from=now-1d%2Fd&to=now-1d%2Fd/);
  await expect(page.getByTestId('time-picker')).toContainText('Yesterday');
  // A bad expression is refused where the user typed it.
  await page.getByTestId('time-picker').click();
  await page.getByTestId('time-from').fill('now-6x');
  await page.getByTestId('time-apply').click();
  await expect(page.getByTestId('time-error')).toContainText('unknown unit "x"');
});
