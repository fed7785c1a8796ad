import { expect, test } from '@playwright/test';
import { dashboardJson, importDashboard, open } from './support/app';

// The dashboard list (HomePage over app/dashboardList.ts): search by title, tag and panel title,
// tag chips, starred and recently viewed — all in this browser.

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  const boards = [
    dashboardJson('node', 'Node exporter', [{ title: 'CPU busy', expr: 'up' }], {
      tags: ['linux', 'infra'],
    }),
    dashboardJson('api', 'API overview', [{ title: 'Latency p99', expr: 'up' }], {
      tags: ['service'],
    }),
    dashboardJson('cat', 'Is it a cat?', [{ title: 'Verdicts', expr: 'up' }], {
      tags: ['service', 'demo'],
    }),
  ];
  for (const b of boards) await importDashboard(page, b);
  await open(page, '#/');
});

const rows = (page: import('@playwright/test').Page) => page.getByTestId('dashboard-row');
const uids = async (page: import('@playwright/test').Page) =>
  rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-uid')));

test('search finds by title, tag and panel title, instantly and from the keyboard', async ({
  page,
}) => {
  const search = page.getByTestId('dashboard-search');
  await search.fill('linux');
  await expect.poll(() => uids(page)).toEqual(['node']);
  await search.fill('latency');
  await expect.poll(() => uids(page)).toEqual(['api']);
  await expect(rows(page).getByTestId('panel-matches')).toHaveText('Panels: Latency p99');
  await search.fill('nothing like it');
  await expect(page.getByTestId('no-dashboards')).toContainText('No dashboard matches');
  await search.fill('service');
  await expect.poll(() => uids(page)).toEqual(['api', 'cat']);
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page).toHaveURL(/#\/d\/cat$/);
});

test('tag chips filter, stars and recently viewed stay in this browser', async ({ page }) => {
  const tags = page.getByTestId('tag-filter');
  await tags.locator('[data-tag="service"]').click();
  await expect.poll(() => uids(page)).toEqual(['api', 'cat']);
  await tags.locator('[data-tag="demo"]').click();
  await expect.poll(() => uids(page)).toEqual(['cat']);
  await tags.getByRole('button', { name: 'Clear tags' }).click();
  await expect.poll(() => uids(page)).toEqual(['api', 'cat', 'node']);

  await page.locator('[data-testid="dashboard-row"][data-uid="node"] [data-testid="star"]').click();
  await expect.poll(() => uids(page)).toEqual(['node', 'api', 'cat']);
  await page.getByTestId('starred-filter').click();
  await expect.poll(() => uids(page)).toEqual(['node']);
  await page.getByTestId('starred-filter').click();

  await open(page, '#/d/api');
  await expect(page.getByTestId('dashboard-title')).toHaveText('API overview');
  await open(page, '#/');
  await expect(page.getByTestId('recent-dashboards').locator('a')).toHaveText([
    'API overview',
    'Is it a cat?',
    'Node exporter',
  ]);
  await page.getByTestId('dashboard-sort').selectOption('recent');
  // starred first, then by last view
  await expect.poll(() => uids(page)).toEqual(['node', 'api', 'cat']);
  await page.reload();
  await expect(
    page.locator('[data-testid="dashboard-row"][data-uid="node"] [data-testid="star"]'),
  ).toHaveAttribute('aria-pressed', 'true');
});
