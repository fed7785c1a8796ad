import { expect, test, type Page } from '@playwright/test';
import { addDatasource, env, importDashboard, openAt, panel, rangeQueries } from './support/app';

const ts = (id: number, title: string, expr: string, y: number) => ({
  id,
  type: 'timeseries',
  title,
  gridPos: { x: 0, y, w: 12, h: 6 },
  targets: [{ refId: 'A', expr }],
});
const row = (id: number, title: string, y: number, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'row',
  title,
  gridPos: { x: 0, y, w: 24, h: 1 },
  ...extra,
});

const rowBar = (page: Page, title: string) =>
  page.locator(`[data-testid="row"][data-row-title="${title}"]`);

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

test('a collapsed row sends no query until it is expanded', async ({ page }) => {
  await importDashboard(
    page,
    JSON.stringify({
      scry: 1,
      uid: 'rows',
      title: 'Rows',
      panels: [
        ts(1, 'Top', 'scry_temperature_celsius', 0),
        row(2, 'Folded', 6, {
          collapsed: true,
          panels: [ts(3, 'Hidden', 'sum(scry_temperature_celsius)', 7)],
        }),
        row(4, 'Open', 7),
        ts(5, 'Under open', 'max(scry_temperature_celsius)', 8),
      ],
    }),
  );
  const queries = rangeQueries(page);
  await openAt(page, 'rows');
  await expect(panel(page, 'Top')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Under open')).toHaveAttribute('data-state', 'ok');
  await expect(rowBar(page, 'Folded')).toHaveAttribute('data-collapsed', 'true');
  await expect(rowBar(page, 'Folded').getByTestId('row-count')).toHaveText('(1 panel)');
  await page.waitForTimeout(500);
  await expect(panel(page, 'Hidden')).toHaveCount(0);
  expect(queries).not.toContain('sum(scry_temperature_celsius)');

  await rowBar(page, 'Folded').getByTestId('row-toggle').click();
  await expect(panel(page, 'Hidden')).toHaveAttribute('data-state', 'ok');
  expect(queries).toContain('sum(scry_temperature_celsius)');
  // Under the row it belongs to, above the next row.
  const bottom = async (l: ReturnType<Page['locator']>) => {
    const box = (await l.boundingBox())!;
    return [box.y, box.y + box.height];
  };
  await expect
    .poll(
      async () =>
        (await bottom(panel(page, 'Hidden')))[1]! <= (await bottom(rowBar(page, 'Open')))[0]!,
    )
    .toBe(true);

  // Folding an expanded row removes its panels from the grid.
  await rowBar(page, 'Open').getByTestId('row-toggle').click();
  await expect(panel(page, 'Under open')).toHaveCount(0);
  await expect(rowBar(page, 'Open').getByTestId('row-count')).toHaveText('(1 panel)');
});

test('edit mode: add, rename and move rows; saved with the dashboard', async ({ page }) => {
  await importDashboard(
    page,
    JSON.stringify({
      scry: 1,
      uid: 'rowedit',
      title: 'Row edit',
      panels: [
        row(1, 'A', 0),
        ts(2, 'Panel A', 'scry_temperature_celsius', 1),
        row(3, 'B', 7),
        ts(4, 'Panel B', 'sum(scry_temperature_celsius)', 8),
      ],
    }),
  );
  await openAt(page, 'rowedit');
  await expect(panel(page, 'Panel B')).toHaveAttribute('data-state', 'ok');
  const titles = () =>
    page.getByTestId('row').evaluateAll((els) => els.map((e) => e.getAttribute('data-row-title')));
  expect(await titles()).toEqual(['A', 'B']);
  await expect(page.getByTestId('row-up')).toHaveCount(0);

  await page.getByTestId('edit-toggle').click();
  await rowBar(page, 'B').getByTestId('row-up').click();
  await expect.poll(titles).toEqual(['B', 'A']);
  // The panels moved with their rows (polled: the grid animates moves).
  const top = async (title: string) => (await panel(page, title).boundingBox())!.y;
  await expect.poll(async () => (await top('Panel B')) < (await top('Panel A'))).toBe(true);

  await page.getByTestId('add-row').click();
  await expect.poll(titles).toEqual(['B', 'A', 'Row title']);
  await rowBar(page, 'Row title').getByTestId('row-title-input').fill('Third');
  await expect.poll(titles).toEqual(['B', 'A', 'Third']);
  await rowBar(page, 'Third').getByTestId('row-up').click();
  await expect.poll(titles).toEqual(['B', 'Third', 'A']);
  await rowBar(page, 'B').getByTestId('row-down').click();
  await expect.poll(titles).toEqual(['Third', 'B', 'A']);

  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
  await page.reload();
  await expect.poll(titles).toEqual(['Third', 'B', 'A']);
  await expect(panel(page, 'Panel A')).toHaveAttribute('data-state', 'ok');
});

test('a row repeated per job value, its panels querying that job', async ({ page }) => {
  await importDashboard(
    page,
    JSON.stringify({
      scry: 1,
      uid: 'rowrepeat',
      title: 'Row repeat',
      variables: [
        {
          name: 'job',
          type: 'custom',
          query: 'api,web',
          multi: true,
          includeAll: true,
          current: '$__all',
        },
      ],
      panels: [
        row(1, 'Job $job', 0, { repeat: 'job' }),
        ts(2, 'Rate $job', 'sum(rate(scry_http_requests_total{job=~"$job"}[5m]))', 1),
      ],
    }),
  );
  const queries = rangeQueries(page);
  await openAt(page, 'rowrepeat');
  await expect(rowBar(page, 'Job api')).toBeVisible();
  await expect(rowBar(page, 'Job web')).toBeVisible();
  await expect(panel(page, 'Rate api')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Rate web')).toHaveAttribute('data-state', 'ok');
  expect(queries).toContain('sum(rate(scry_http_requests_total{job=~"api"}[5m]))');
  expect(queries).toContain('sum(rate(scry_http_requests_total{job=~"web"}[5m]))');
  // Folding the row folds every copy; their panels leave the grid.
  await rowBar(page, 'Job web').getByTestId('row-toggle').click();
  await expect(panel(page, 'Rate api')).toHaveCount(0);
  await expect(panel(page, 'Rate web')).toHaveCount(0);
  await expect(page.getByTestId('row')).toHaveCount(2);
});

test('unfolding a row in the middle pushes what is below down by its content; folding pulls it back; neither is an unsaved change', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  await importDashboard(
    page,
    JSON.stringify({
      scry: 1,
      uid: 'rowpush',
      title: 'Row push',
      variables: [
        { name: 'job', type: 'custom', query: 'api,web', multi: true, current: ['api', 'web'] },
      ],
      panels: [
        ts(1, 'Top', 'scry_temperature_celsius', 0),
        row(2, 'Middle', 6, {
          collapsed: true,
          panels: [
            ts(3, 'Inside 1', 'sum(scry_temperature_celsius)', 30),
            {
              ...ts(4, 'Inside 2', 'max(scry_temperature_celsius)', 36),
              gridPos: { x: 0, y: 36, w: 24, h: 4 },
            },
          ],
        }),
        // a panel after the folded row (as Grafana JSON may have it): pushed below its content
        {
          ...ts(5, 'After', 'min(scry_temperature_celsius)', 7),
          gridPos: { x: 0, y: 7, w: 24, h: 3 },
        },
        row(6, 'Job $job', 10, {
          repeat: 'job',
          collapsed: true,
          panels: [
            {
              ...ts(7, 'Per $job', 'count(scry_temperature_celsius)', 11),
              gridPos: { x: 0, y: 11, w: 24, h: 5 },
            },
          ],
        }),
        row(8, 'Last', 11),
        ts(9, 'Bottom', 'avg(scry_temperature_celsius)', 12),
      ],
    }),
  );
  await openAt(page, 'rowpush');
  await expect(panel(page, 'Bottom')).toHaveAttribute('data-state', 'ok');
  // page coordinates (clicks scroll the page)
  const top = (l: ReturnType<Page['locator']>) =>
    l.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const line = 30 + 8; // grid row height + margin (px)
  const after0 = await top(panel(page, 'After'));
  const job0 = await top(rowBar(page, 'Job web'));
  const last0 = await top(rowBar(page, 'Last'));

  // Middle holds 6 + 4 = 10 lines: everything below moves down by 10 lines, nothing overlaps.
  await rowBar(page, 'Middle').getByTestId('row-toggle').click();
  await expect(panel(page, 'Inside 2')).toHaveAttribute('data-state', 'ok');
  await expect.poll(() => top(panel(page, 'After'))).toBeCloseTo(after0 + 10 * line, 0);
  await expect.poll(() => top(rowBar(page, 'Job web'))).toBeCloseTo(job0 + 10 * line, 0);
  await expect.poll(() => top(rowBar(page, 'Last'))).toBeCloseTo(last0 + 10 * line, 0);
  const box = async (title: string) => (await panel(page, title).boundingBox())!;
  const [i1, i2, a] = [await box('Inside 1'), await box('Inside 2'), await box('After')];
  expect(i1.y + i1.height).toBeLessThanOrEqual(i2.y);
  expect(i2.y + i2.height).toBeLessThanOrEqual(a.y);
  // not an unsaved change
  await expect(page.locator('.dirty')).toHaveCount(0);

  // The repeated row unfolds both copies: the last row moves by 2 × 5 more lines.
  await rowBar(page, 'Job api').getByTestId('row-toggle').click();
  await expect(panel(page, 'Per api')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Per web')).toHaveAttribute('data-state', 'ok');
  await expect.poll(() => top(rowBar(page, 'Last'))).toBeCloseTo(last0 + 20 * line, 0);
  const [pa, rw, pw, last] = [
    await box('Per api'),
    (await rowBar(page, 'Job web').boundingBox())!,
    await box('Per web'),
    (await rowBar(page, 'Last').boundingBox())!,
  ];
  expect(pa.y + pa.height).toBeLessThanOrEqual(rw.y);
  expect(pw.y + pw.height).toBeLessThanOrEqual(last.y);

  // Folding both pulls everything below back up.
  await rowBar(page, 'Job api').getByTestId('row-toggle').click();
  await rowBar(page, 'Middle').getByTestId('row-toggle').click();
  await expect(panel(page, 'Inside 1')).toHaveCount(0);
  // (Grafana: folding takes every panel up to the next row, "After" included: 3 lines less)
  await expect(rowBar(page, 'Middle').getByTestId('row-count')).toHaveText('(3 panels)');
  await expect(panel(page, 'After')).toHaveCount(0);
  await expect.poll(() => top(rowBar(page, 'Last'))).toBeCloseTo(last0 - 3 * line, 0);
  await expect(page.locator('.dirty')).toHaveCount(0);

  // Leaving asks nothing; the saved dashboard still has Middle folded... until an explicit save.
  await rowBar(page, 'Middle').getByTestId('row-toggle').click();
  await expect(panel(page, 'Inside 1')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboards' }).first().click();
  await expect(page).toHaveURL(/#\/$/);
  expect(dialogs).toEqual([]);
  await openAt(page, 'rowpush');
  await expect(rowBar(page, 'Middle')).toHaveAttribute('data-collapsed', 'true');
  await rowBar(page, 'Middle').getByTestId('row-toggle').click();
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
  await page.reload();
  await expect(rowBar(page, 'Middle')).toHaveAttribute('data-collapsed', 'false');
  await expect(panel(page, 'Inside 1')).toHaveAttribute('data-state', 'ok');
});
