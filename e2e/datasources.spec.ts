import { expect, test } from '@playwright/test';
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
