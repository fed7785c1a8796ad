import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { addDatasource, dashboardJson, env, importDashboard, open, panel } from './support/app';
import { FIXTURE_PANELS } from './support/fixtureDashboard';
import { fixtureWindow } from './support/window';

// Screenshots of every page at 1 000, 1 440 and 1 920 px in the light and dark themes, kept as
// test artefacts (test-results/screens-*/<page>-<theme>-<width>.png, and attached to the HTML
// report) for a person to look at; and what a screenshot shows that can be checked: no toolbar
// wraps onto a second line, and no stat or table value is cut off.

const WIDTHS = [1000, 1440, 1920] as const;

/** Values wider than a narrow cell: the fixture dashboard plus numbers that used to be clipped. */
const SCREENS = dashboardJson(
  'themes',
  'Themes',
  [
    ...FIXTURE_PANELS,
    {
      title: 'Requests served',
      type: 'stat',
      expr: 'sum(scry_http_requests_total) * 1000000',
      unit: 'none',
      options: { reduce: 'last', graphMode: 'none' },
      x: 0,
      y: 22,
      w: 3,
      h: 4,
    },
    {
      title: 'Bytes with sparkline',
      type: 'stat',
      expr: 'sum(scry_http_requests_total) * 123456789',
      unit: 'bytes',
      options: { reduce: 'last', colorMode: 'background' },
      x: 3,
      y: 22,
      w: 3,
      h: 4,
    },
    {
      title: 'Big table',
      type: 'table',
      expr: 'scry_temperature_celsius * 1234567890123',
      legend: '{{dc}}',
      unit: 'none',
      x: 6,
      y: 22,
      w: 6,
      h: 6,
    },
  ],
  { tags: ['fixture', 'screens'] },
);

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

/** The rows of a toolbar's own controls (not the variable bar, which is a row of its own). */
async function toolbarRows(bar: Locator): Promise<number> {
  return bar.evaluate((el) => {
    const tops = new Set<number>();
    for (const c of el.children) {
      const h = c as HTMLElement;
      if (h.classList.contains('var-bar') || h.offsetParent === null) continue;
      const r = h.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // items of one row share their vertical centre (they are of different heights)
      tops.add(Math.round((r.top + r.bottom) / 2 / 8));
    }
    return tops.size;
  });
}

/** Every visible toolbar of the page sits on one line. */
async function expectToolbarsOneRow(page: Page, where: string) {
  for (const sel of ['.topbar', '.dash-toolbar', '.explore-run-row']) {
    for (const bar of await page.locator(sel).all()) {
      if (!(await bar.isVisible())) continue;
      expect.soft(await toolbarRows(bar), `${where}: ${sel} on one line`).toBe(1);
    }
  }
}

/** No stat value or table cell shows less than its text (scrollWidth ≤ clientWidth). */
async function expectNothingClipped(page: Page, where: string) {
  const clipped = await page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>(
      '[data-testid="stat-value"], .stat-name, [data-testid="table-panel"] td, [data-testid="table-panel"] th',
    );
    for (const el of els) {
      if (el.hidden || el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth) {
        out.push(`${el.textContent} (${el.scrollWidth} px in ${el.clientWidth})`);
      }
    }
    // a table wider than its panel scrolls, but its value columns must not be cut
    for (const t of document.querySelectorAll<HTMLElement>('[data-testid="table-panel"]')) {
      const box = t.parentElement!;
      if (
        t.getBoundingClientRect().width > box.clientWidth + 0.5 &&
        box.scrollWidth <= box.clientWidth
      )
        out.push(`table ${t.closest('[data-panel-title]')?.getAttribute('data-panel-title')} cut`);
    }
    return out;
  });
  expect.soft(clipped, `${where}: clipped values`).toEqual([]);
}

async function shoot(
  page: Page,
  info: TestInfo,
  name: string,
  check?: () => Promise<void>,
  fullPage = true,
) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // the grid and the charts follow the new width on the next frames
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await page.waitForTimeout(250);
    const path = info.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path, fullPage });
    await info.attach(`${name}-${width}`, { path, contentType: 'image/png' });
    if (width === 1000) await expectToolbarsOneRow(page, `${name} at ${width} px`);
    if (check) await check();
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function openFixture(page: Page, extra = '') {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/themes?from=${fromMs}&to=${toMs}&tz=utc${extra}`);
  for (const t of ['Temperature', 'Stat on colour', 'Table', 'Heatmap', 'Requests served'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Big table')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Alerts').getByText('ScryAlwaysFiring').first()).toBeVisible();
}

for (const theme of ['light', 'dark'] as const)
  test(`every page at 1 000, 1 440 and 1 920 px in ${theme}: no toolbar wraps, no value clipped`, async ({
    page,
  }, info) => {
    test.setTimeout(240_000);
    await importDashboard(page, SCREENS);
    // a second version, for the history page
    await page.getByTestId('edit-toggle').click();
    await page.getByTestId('dashboard-title-input').fill('Themes and screens');
    await page.getByTestId('save-dashboard').click();
    await expect(page.getByTestId('save-dashboard')).toBeHidden();
    await open(page, '#/');
    await page.getByTestId('theme-picker').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const name = (n: string) => `${n}-${theme}`;

    await expect(page.getByTestId('dashboard-row').first()).toBeVisible();
    await shoot(page, info, name('list'));

    await openFixture(page);
    const clipped = () => expectNothingClipped(page, 'fixture dashboard');
    await clipped();
    await shoot(page, info, name('dashboard'), clipped);

    await openFixture(page, '&edit=1');
    await expect(page.getByTestId('add-panel')).toBeVisible();
    await shoot(page, info, name('dashboard-edit'), clipped);

    await panel(page, 'Temperature').getByLabel('Panel menu').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const editor = page.getByTestId('panel-editor');
    await expect(editor.locator('.cm-content').first()).toContainText('scry_temperature_celsius');
    await expect(editor.getByTestId('panel')).toHaveAttribute('data-state', 'ok');
    await shoot(page, info, name('panel-editor'), undefined, false);
    // the thresholds box of a panel that has some
    await editor.getByTestId('panel-discard').click();
    await panel(page, 'Stat on colour').getByLabel('Panel menu').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await expect(editor.getByTestId('panel')).toHaveAttribute('data-state', 'ok');
    // the options pane scrolled to the thresholds box
    await editor.getByTestId('thresholds').scrollIntoViewIfNeeded();
    await shoot(page, info, name('panel-editor-stat'), undefined, false);
    await editor.getByTestId('panel-discard').click();

    await page.getByTestId('dashboard-settings-button').click();
    await expect(page.getByTestId('dashboard-settings')).toBeVisible();
    await shoot(page, info, name('dashboard-settings'), undefined, false);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dashboard-settings')).toBeHidden();

    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-link')).toBeVisible();
    await shoot(page, info, name('share'), undefined, false);

    const { fromMs, toMs } = fixtureWindow();
    await open(
      page,
      `#/explore?ds=fixture&from=${fromMs}&to=${toMs}&tz=utc&expr=${encodeURIComponent('rate(scry_http_requests_total[5m])')}`,
    );
    await expect(page.getByTestId('explore-graph').getByTestId('panel')).toHaveAttribute(
      'data-state',
      'ok',
    );
    await shoot(page, info, name('explore'));

    await open(page, '#/datasources');
    await expect(page.locator('[data-testid="datasource-row"]').first()).toBeVisible();
    await shoot(page, info, name('datasources'));

    await open(page, '#/import');
    await expect(page.getByTestId('import-text')).toBeVisible();
    await shoot(page, info, name('import'));

    await open(page, '#/settings');
    await expect(page.getByRole('button', { name: 'Download backup' })).toBeVisible();
    await shoot(page, info, name('settings'));

    await open(page, '#/d/themes/history');
    await expect(page.getByText('Themes and screens').first()).toBeVisible();
    await shoot(page, info, name('history'));
  });
