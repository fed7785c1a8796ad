import { expect, test, type Browser, type Page } from '@playwright/test';
import { deflateRawSync } from 'node:zlib';
import {
  dashboardJson,
  env,
  importDashboard,
  panel,
  promApi,
  storedDashboards,
  type Vector,
} from './support/app';
import { DCS } from './fixture/env';
import { fixtureWindow } from './support/window';

// Sharing runs on the provisioned server: its config.json gives every browser the datasource
// "fixture", as a team's Scry would, so a fresh browser (no storage) can draw a shared dashboard.
const base = () => env('SCRY_PROVISIONED_URL');
const { fromMs, toMs } = fixtureWindow();
// two browser contexts per test on a shared machine
test.describe.configure({ timeout: 120_000 });

const board = (uid: string, title: string) =>
  dashboardJson(
    uid,
    title,
    [
      { title: 'Temperature', expr: 'scry_temperature_celsius{dc=~"$dc"}', legend: '{{dc}}' },
      {
        title: 'Average',
        type: 'stat',
        expr: 'avg(scry_temperature_celsius{dc=~"$dc"})',
        x: 12,
        y: 0,
      },
    ],
    {
      timezone: 'utc',
      time: { from: String(fromMs), to: String(toMs) },
      variables: [
        {
          type: 'custom',
          name: 'dc',
          query: DCS.join(','),
          multi: true,
          includeAll: true,
          current: '$__all',
        },
      ],
    },
  );

/** Opens the share dialog (toolbar) and returns the Link tab's link. */
async function shareLinkOf(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/^http/);
  return link.inputValue();
}

async function freshPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return ctx.newPage();
}

/** The tooltip's values per series at a relative x of a time-series panel, and its time. */
async function tooltipAt(page: Page, title: string, rel: number) {
  const p = panel(page, title);
  const box = (await p.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * rel, box.y + box.height / 2);
  const tooltip = p.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  const tMs = Number(await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms'));
  const values: Record<string, number> = {};
  for (const row of await tooltip.getByTestId('tooltip-row').all())
    values[(await row.locator('.tt-name').textContent())!] = Number(
      await row.locator('.tt-value').getAttribute('data-value'),
    );
  return { tMs, values };
}

test('a dashboard saved in one browser opens from its link in another, stored only on "Save a copy"', async ({
  page,
  browser,
}) => {
  await importDashboard(page, board('shared-board', 'Shared board'), base());
  // the view to share: two of the four dcs picked, the fixture's window, UTC
  await page.goto(
    `${base()}/#/d/shared-board?from=${fromMs}&to=${toMs}&tz=utc&var-dc=ams&var-dc=nyc`,
  );
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Average')).toHaveAttribute('data-state', 'ok');
  const statA = await panel(page, 'Average').getByTestId('stat-value').getAttribute('data-value');
  const tipA = await tooltipAt(page, 'Temperature', 0.6);

  const link = await shareLinkOf(page);
  expect(link).toMatch(/#\/s\/[A-Za-z0-9_-]+\?from=\d+&to=\d+&tz=utc&var-dc=ams&var-dc=nyc$/);
  await expect(page.getByTestId('share-link-why')).toContainText('carries the dashboard');
  await expect(page.getByTestId('share-link-length')).toHaveAttribute(
    'data-length',
    String(link.length),
  );

  // B: a new browser context, nothing stored
  const b = await freshPage(browser);
  await b.goto(link);
  await expect(b.getByTestId('shared-banner')).toBeVisible();
  await expect(b.getByTestId('dashboard-title')).toHaveText('Shared board');
  await expect(panel(b, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await expect(panel(b, 'Average').getByTestId('stat-value')).toHaveAttribute('data-value', statA!);
  expect(
    await b.getByTestId('panel').evaluateAll((ps) => ps.map((p) => p.dataset.panelTitle)),
  ).toEqual(['Temperature', 'Average']);
  expect(
    (await panel(b, 'Temperature').getByTestId('legend-item').allTextContents()).sort(),
  ).toEqual(['ams', 'nyc']);
  // the tooltips in A and B both show Prometheus' own values at their instant
  for (const tip of [tipA, await tooltipAt(b, 'Temperature', 0.6)]) {
    const at = await promApi<Vector>('/api/v1/query', {
      query: 'scry_temperature_celsius{dc=~"ams|nyc"}',
      time: tip.tMs / 1000,
    });
    expect(tip.values).toEqual(
      Object.fromEntries(at.result.map((s) => [s.metric.dc!, Number(s.value[1])])),
    );
  }

  // opened, looked at, reloaded: nothing stored
  await b.reload();
  await expect(panel(b, 'Temperature')).toHaveAttribute('data-state', 'ok');
  expect(await storedDashboards(b)).toEqual({});

  // "Save a copy" stores it under its uid and opens the stored one, same view
  await b.getByTestId('save-copy').click();
  await expect(b).toHaveURL(/#\/d\/shared-board\?from=\d+&to=\d+&tz=utc&var-dc=ams&var-dc=nyc$/);
  await expect(b.getByTestId('shared-banner')).toHaveCount(0);
  const stored = await storedDashboards(b);
  expect(Object.keys(stored)).toEqual(['shared-board']);
  expect(stored['shared-board']!.panels.map((p) => p.targets[0]!.expr)).toEqual([
    'scry_temperature_celsius{dc=~"$dc"}',
    'avg(scry_temperature_celsius{dc=~"$dc"})',
  ]);
  await b.context().close();
});
