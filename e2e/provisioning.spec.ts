import { expect, test } from '@playwright/test';
import { env, open, panel, promApi, type Vector } from './support/app';
import { DCS } from './fixture/env';

test('config.json provisions a datasource and a read-only dashboard, and names what failed', async ({
  page,
}) => {
  const base = env('SCRY_PROVISIONED_URL');
  await open(page, '#/', base);
  const row = page.locator('[data-testid="dashboard-row"][data-uid="provisioned"]');
  await expect(row).toContainText('Provisioned fixture');
  await expect(row).toContainText('provisioned');
  // read-only: no rename/delete, only a copy
  await expect(row.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Save as copy' })).toBeVisible();
  // the listed-but-missing dashboard is reported with its file name
  await expect(page.getByTestId('provisioning-errors')).toContainText('dashboards/missing.json');

  await open(page, '#/datasources', base);
  const ds = page.locator('[data-testid="datasource-row"][data-name="fixture"]');
  await expect(ds).toContainText('provisioned');
  await ds.getByRole('button', { name: 'Test' }).click();
  await expect(ds.getByTestId('datasource-test-result')).toHaveText(/^Connected: Prometheus 2\./);

  // The provisioned dashboard queries the provisioned datasource over its saved absolute range.
  await open(page, '#/d/provisioned', base);
  const temp = panel(page, 'Temperature');
  await expect(temp).toHaveAttribute('data-state', 'ok');
  expect((await temp.getByTestId('legend-item').allTextContents()).sort()).toEqual([...DCS].sort());

  // "Save as copy" makes an editable copy that survives a reload.
  await open(page, '#/', base);
  await row.getByRole('button', { name: 'Save as copy' }).click();
  const rows = page.getByTestId('dashboard-row');
  await expect(rows).toHaveCount(2);
  await page.reload();
  await expect(rows).toHaveCount(2);
});

test('#/import?url= fetches a Scry dashboard by relative URL and imports it', async ({ page }) => {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  await form.getByLabel('Name').fill('fixture');
  await form.getByLabel('URL').fill(env('PROM_URL'));
  await form.getByRole('button', { name: 'Save' }).click();

  await open(page, '#/import?url=samples/scry.json');
  await expect(page.getByTestId('import-preview')).toContainText('Imported from a URL');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\/from-url/);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
});

test('#/import?url= converts a Grafana dashboard, lists the notes, and it renders', async ({
  page,
}) => {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  await form.getByLabel('Name').fill('fixture');
  await form.getByLabel('URL').fill(env('PROM_URL'));
  await form.getByRole('button', { name: 'Save' }).click();

  // the import link's view parameters carry over to the imported dashboard
  await open(page, '#/import?url=samples/grafana.json&tz=utc');
  await expect(page.getByTestId('import-preview')).toContainText('Grafana fixture board');
  await expect(page.getByTestId('import-notes')).toContainText('DS_PROMETHEUS');
  // Resolution 1/N (intervalFactor) is carried over now, not named as dropped
  await expect(page.getByTestId('import-notes')).not.toContainText('intervalFactor');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\/grafana-fixture\?tz=utc$/);
  const p = panel(page, 'Requests by job');
  await expect(p).toHaveAttribute('data-state', 'ok');
  const jobs = await promApi<Vector>('/api/v1/query', {
    query: 'sum by (job) (scry_http_requests_total)',
    time: Date.UTC(2026, 0, 1, 3) / 1000,
  });
  expect((await p.getByTestId('legend-item').allTextContents()).sort()).toEqual(
    jobs.result.map((s) => s.metric.job).sort(),
  );
});

test('#/import?url= to a missing file says so where the user is looking', async ({ page }) => {
  await open(page, '#/import?url=samples/nope.json');
  await expect(page.getByTestId('import-errors')).toContainText('samples/nope.json');
  await expect(page.getByTestId('import-errors')).toContainText('404');
});
