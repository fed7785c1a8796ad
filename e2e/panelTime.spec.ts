import { expect, test } from '@playwright/test';
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

// Grafana's per-panel "Relative time" (timeFrom) and "Time shift" (timeShift): the panel queries
// and draws its own range, and its header says which (issue 13: 7 corpus panels lost them).

interface Sent {
  expr: string;
  start: number;
  end: number;
  step: number;
}
const sentQueries = (page: Parameters<typeof rangeRequests>[0]): Sent[] =>
  rangeRequests(page, (p) => ({
    expr: p.get('query') ?? '',
    start: Number(p.get('start')),
    end: Number(p.get('end')),
    step: Number(p.get('step')),
  }));

/** Three panels; "Shifted" has a time shift of 1 h, "Relative" a relative time of 1 h. */
function withOverrides(uid: string): string {
  const d = JSON.parse(
    dashboardJson(uid, 'Panel time', [
      { title: 'Plain', expr: 'scry_temperature_celsius{dc="ams"}', x: 0, y: 0 },
      { title: 'Shifted', expr: 'scry_temperature_celsius{dc="fra"}', x: 12, y: 0 },
      { title: 'Relative', expr: 'count(up)', x: 0, y: 8 },
    ]),
  ) as { panels: Record<string, unknown>[] };
  d.panels[1]!.timeShift = '1h';
  d.panels[2]!.timeFrom = '1h';
  return JSON.stringify(d);
}

test.beforeEach(async ({ page }) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

test('a time shift queries the same span an hour earlier; the header says so', async ({ page }) => {
  await importDashboard(page, withOverrides('ptime-abs'));
  await page.goto('about:blank');
  const sent = sentQueries(page);
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/ptime-abs?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Plain', 'Shifted'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  const plain = sent.find((s) => s.expr.includes('ams'));
  const shifted = sent.find((s) => s.expr.includes('fra'));
  expect(plain && shifted).toBeTruthy();
  expect(shifted!.step).toBe(plain!.step);
  expect(shifted!.start).toBe(plain!.start - 3600);
  expect(shifted!.end).toBe(plain!.end - 3600);
  await expect(panel(page, 'Shifted').getByTestId('panel-time-info')).toHaveText('timeshift -1h');
  await expect(panel(page, 'Plain').getByTestId('panel-time-info')).toHaveCount(0);
  // under an absolute dashboard range a relative time does not apply (as Grafana)
  await expect(panel(page, 'Relative').getByTestId('panel-time-info')).toHaveCount(0);
});

test('a relative time queries the last hour under a relative dashboard range', async ({ page }) => {
  await importDashboard(page, withOverrides('ptime-rel'));
  await page.goto('about:blank');
  const sent = sentQueries(page);
  const before = Date.now() / 1000;
  await open(page, '#/d/ptime-rel?from=now-6h&to=now&tz=utc');
  await expect(panel(page, 'Relative')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Relative').getByTestId('panel-time-info')).toHaveText('Last 1 hour');
  await page.screenshot({ path: test.info().outputPath('panel-time.png') });
  const rel = sent.find((s) => s.expr === 'count(up)');
  expect(rel).toBeTruthy();
  // the last hour, aligned to the step (start rounds down, end down to the grid)
  expect(rel!.end - rel!.start).toBeGreaterThan(3600 - 2 * rel!.step);
  expect(rel!.end - rel!.start).toBeLessThanOrEqual(3600);
  expect(rel!.end).toBeGreaterThan(before - 2 * rel!.step);
  const plain = sent.find((s) => s.expr.includes('ams'));
  expect(plain!.end - plain!.start).toBeGreaterThan(5 * 3600);

  // the editor: the fields show the panel's values, and clearing one gives the page's range back
  await page.goto('about:blank');
  await open(page, '#/d/ptime-rel?from=now-6h&to=now&tz=utc&edit=1');
  await panel(page, 'Relative').getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(page.getByTestId('panel-time-from')).toHaveValue('1h');
  await page.getByTestId('panel-time-from').fill('30m');
  await expect(page.getByTestId('panel-editor').getByTestId('panel-time-info').first()).toHaveText(
    'Last 30 minutes',
  );
});
