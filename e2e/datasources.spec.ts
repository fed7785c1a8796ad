import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { addDatasource, env, open } from './support/app';

test('a fresh user is told how to connect a Prometheus', async ({ page }) => {
  await open(page, '#/');
  await expect(page.getByTestId('first-steps')).toContainText('Connect a Prometheus');
  await expect(page.getByTestId('first-steps')).toContainText('apt-get install prometheus');
});

test('adding and testing a datasource shows the server version, a dead port the reason', async ({
  page,
}) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '1s' });
  const row = page.locator('[data-testid="datasource-row"][data-name="fixture"]');
  await expect(row).toContainText('default');
  await row.getByRole('button', { name: 'Test' }).click();
  await expect(row.getByTestId('datasource-test-result')).toHaveText(
    /^Connected: Prometheus 2\.42\.\d/,
  );

  await addDatasource(page, { name: 'dead', url: 'http://127.0.0.1:9' });
  const dead = page.locator('[data-testid="datasource-row"][data-name="dead"]');
  await dead.getByRole('button', { name: 'Test' }).click();
  await expect(dead.getByTestId('datasource-test-result')).toHaveText(
    /^Unreachable: Cannot reach http:\/\/127\.0\.0\.1:9: .*is the URL right and the server running\?/,
  );

  // Persisted in this browser: survives a reload.
  await page.reload();
  await expect(page.locator('[data-testid="datasource-row"]')).toHaveCount(2);
});

test('a URL that is not Prometheus is named as such', async ({ page }) => {
  // The Scry static server itself answers HTML, not the Prometheus API.
  await addDatasource(page, { name: 'notprom', url: env('SCRY_URL') });
  const row = page.locator('[data-testid="datasource-row"][data-name="notprom"]');
  await row.getByRole('button', { name: 'Test' }).click();
  await expect(row.getByTestId('datasource-test-result')).toContainText(
    /Not a Prometheus API|HTTP error/,
  );
});

test('invalid datasource input is refused with the field and the reason', async ({ page }) => {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  await form.getByLabel('URL').fill('not a url');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'URL: not a valid absolute URL (e.g. http://127.0.0.1:9090)',
  );
});

test('custom headers go with every request and never into an exported dashboard', async ({
  page,
}) => {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  await form.getByLabel('Name').fill('secured');
  await form.getByLabel('URL').fill(env('PROM_URL'));
  await form.getByRole('button', { name: 'Add header' }).click();
  await form.getByLabel('Header name').fill('Authorization');
  await form.getByLabel('Header value').fill('Bearer s3cret-token');
  await form.getByRole('button', { name: 'Save' }).click();
  const row = page.locator('[data-testid="datasource-row"][data-name="secured"]');
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('s3cret-token');

  const auth: (string | undefined)[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(env('PROM_URL')) && r.method() !== 'OPTIONS')
      auth.push(r.headers()['authorization']);
  });
  await row.getByRole('button', { name: 'Test' }).click();
  await expect(row.getByTestId('datasource-test-result')).toHaveText(/^Connected: Prometheus/);
  expect(auth.length).toBeGreaterThan(0);
  expect(auth.every((a) => a === 'Bearer s3cret-token')).toBe(true);

  await open(page, '#/');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await page.getByRole('button', { name: 'Add a panel' }).click();
  await page.getByTestId('panel-apply').click();
  await page.getByTestId('save-dashboard').click();
  await page.getByTestId('share').click();
  await page.getByTestId('share-tab-export').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-dashboard').click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).not.toContain('s3cret-token');
  expect(text).not.toContain(env('PROM_URL'));
});

test('a server on another origin without CORS headers is reported as a CORS block', async ({
  page,
}) => {
  // The provisioned static server is up on another port and sends no CORS headers.
  await addDatasource(page, { name: 'nocors', url: env('SCRY_PROVISIONED_URL') });
  const row = page.locator('[data-testid="datasource-row"][data-name="nocors"]');
  await row.getByRole('button', { name: 'Test' }).click();
  await expect(row.getByTestId('datasource-test-result')).toHaveText(/^Blocked by CORS: /);
});
