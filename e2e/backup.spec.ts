import { expect, test, type Page } from '@playwright/test';
import { describeEstimate } from '../src/app/backup/storageFacts';
import { dashboardJson, env, importDashboard, open, storedDashboards } from './support/app';

// Backup and restore of everything (issue 9): one JSON file with every saved dashboard and
// datasource; credentials only when ticked; restoring merges by uid with the import's rules.

const row = (page: Page, name: string) =>
  page.locator(`[data-testid="datasource-row"][data-name="${name}"]`);

/** Adds a datasource through the form, with the given credential fields filled. */
async function addSecured(
  page: Page,
  d: {
    name: string;
    url: string;
    orgId?: string;
    authorization?: string;
    header?: [string, string];
  },
) {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add datasource' }).click();
  await form.getByLabel('Name').fill(d.name);
  await form.getByLabel('URL').fill(d.url);
  if (d.orgId) await form.getByLabel('Tenant (X-Scope-OrgID)').fill(d.orgId);
  if (d.authorization) await form.getByLabel('Authorization').fill(d.authorization);
  if (d.header) {
    await form.getByRole('button', { name: 'Add header' }).click();
    await form.getByLabel('Header name').fill(d.header[0]);
    await form.getByLabel('Header value').fill(d.header[1]);
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, d.name)).toBeVisible();
}

/** The datasources as stored in the page's IndexedDB, by name. */
function storedDatasources(page: Page): Promise<Record<string, Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('scry');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('datasources').objectStore('datasources').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(
              Object.fromEntries(
                (all.result as { name: string }[]).map((d) => [
                  d.name,
                  d as Record<string, unknown>,
                ]),
              ),
            );
          };
        };
      }),
  );
}

/** Downloads the backup from Settings and returns its text. */
async function downloadBackup(page: Page): Promise<{ name: string; text: string }> {
  const got = page.waitForEvent('download');
  await page.getByTestId('backup-download').click();
  const download = await got;
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function restoreFile(page: Page, name: string, text: string) {
  await page.getByTestId('backup-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** Dashboards without the revision counters (a restore starts a new history). */
const content = (d: Awaited<ReturnType<typeof storedDashboards>>) =>
  Object.fromEntries(
    Object.entries(d).map(([uid, { revision: _r, version: _v, ...rest }]) => [uid, rest]),
  );

test('backup: credentials left out unless ticked; a restore in a new browser profile gives the same dashboards and datasources', async ({
  page,
  browser,
}) => {
  test.slow();
  // the tenant proxy in front of the real Prometheus needs the tenant; a second datasource
  // carries a custom header (the proxy's CORS would refuse one)
  await addSecured(page, {
    name: 'tenant',
    url: env('PROXY_URL'),
    orgId: 'scry-tenant',
    authorization: 'Bearer s3cret-token',
  });
  await addSecured(page, {
    name: 'keyed',
    url: 'http://127.0.0.1:9',
    header: ['X-Api-Key', 'k3y-value'],
  });
  await importDashboard(
    page,
    dashboardJson('bk-a', 'Backup A', [{ title: 'Up', expr: 'up', datasource: 'tenant' }]),
  );
  await importDashboard(page, dashboardJson('bk-b', 'Backup B', [{ title: 'P', expr: 'up' }]));
  await page.getByTestId('edit-toggle').click();
  await page.getByTestId('dashboard-title-input').fill('Backup B, second version');
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();

  await open(page, '#/settings');
  const plain = await downloadBackup(page);
  expect(plain.name).toMatch(/^scry-backup-\d{4}-\d\d-\d\d\.json$/);
  for (const secret of ['s3cret-token', 'scry-tenant', 'k3y-value', 'X-Api-Key'])
    expect(plain.text).not.toContain(secret);
  const plainJson = JSON.parse(plain.text) as {
    credentials: boolean;
    dashboards: { uid: string; title: string }[];
    datasources: Record<string, unknown>[];
  };
  expect(plainJson.credentials).toBe(false);
  expect(plainJson.dashboards.map((d) => [d.uid, d.title])).toEqual([
    ['bk-a', 'Backup A'],
    ['bk-b', 'Backup B, second version'],
  ]);
  expect(plainJson.datasources).toEqual([
    expect.objectContaining({ name: 'keyed', url: 'http://127.0.0.1:9', headers: [] }),
    expect.objectContaining({ name: 'tenant', url: env('PROXY_URL'), headers: [] }),
  ]);
  for (const d of plainJson.datasources) {
    expect(d).not.toHaveProperty('orgId');
    expect(d).not.toHaveProperty('authorization');
  }

  // ticked: a warning, and the credentials are in the file
  await expect(page.getByTestId('backup-credentials-warning')).toHaveCount(0);
  await page.getByTestId('backup-credentials').check();
  await expect(page.getByTestId('backup-credentials-warning')).toContainText(
    'secrets in plain text',
  );
  const full = await downloadBackup(page);
  const fullJson = JSON.parse(full.text) as { credentials: boolean; datasources: unknown[] };
  expect(fullJson.credentials).toBe(true);
  expect(fullJson.datasources).toEqual([
    expect.objectContaining({
      name: 'keyed',
      headers: [{ name: 'X-Api-Key', value: 'k3y-value' }],
    }),
    expect.objectContaining({
      name: 'tenant',
      orgId: 'scry-tenant',
      authorization: 'Bearer s3cret-token',
    }),
  ]);

  // a new browser profile (empty storage): restore, then everything is as it was
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await open(fresh, '#/settings');
  await restoreFile(fresh, full.name, full.text);
  const preview = fresh.getByTestId('backup-preview');
  await expect(preview).toContainText('2 dashboards, 2 datasources, with credentials');
  await expect(preview.getByTestId('backup-plan')).toContainText('Dashboard “Backup A”: added');
  await preview.getByTestId('backup-restore').click();
  await expect(fresh.getByTestId('backup-result')).toHaveText(
    'Dashboards: 2 added.Datasources: 2 added.',
  );
  await fresh.reload();
  expect(content(await storedDashboards(fresh))).toEqual(content(await storedDashboards(page)));
  expect(await storedDatasources(fresh)).toEqual(await storedDatasources(page));
  // the restored tenant and Authorization work: the real Prometheus behind the tenant proxy
  await open(fresh, '#/datasources');
  await row(fresh, 'tenant').getByRole('button', { name: 'Test' }).click();
  await expect(
    row(fresh, 'tenant')
      .getByTestId('datasource-test-result')
      .getByTestId('datasource-test-summary'),
  ).toHaveText(/^Connected: Prometheus 2\.42\.\d/);
  await other.close();

  // without credentials, the same restore gives the datasource without them
  const bare = await browser.newContext();
  const barePage = await bare.newPage();
  await open(barePage, '#/settings');
  await restoreFile(barePage, plain.name, plain.text);
  await expect(barePage.getByTestId('backup-preview')).toContainText('without credentials');
  await barePage.getByTestId('backup-restore').click();
  await expect(barePage.getByTestId('backup-result')).toContainText('Datasources: 2 added.');
  const restored = await storedDatasources(barePage);
  for (const name of ['tenant', 'keyed']) {
    expect(restored[name]!.headers).toEqual([]);
    expect(restored[name]).not.toHaveProperty('orgId');
    expect(restored[name]).not.toHaveProperty('authorization');
  }
  await bare.close();
});

test('restore merges by uid like an import: copy by default, replace keeps history, never a provisioned dashboard', async ({
  page,
}) => {
  const base = env('SCRY_PROVISIONED_URL');
  await open(page, '#/import', base);
  await page
    .getByTestId('import-text')
    .fill(dashboardJson('mine', 'Mine', [{ title: 'P', expr: 'up' }]));
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\/mine/);
  const backup = JSON.stringify({
    format: 'scry-backup',
    version: 1,
    exportedAt: '2026-12-05T12:00:00.000Z',
    credentials: false,
    dashboards: [
      JSON.parse(dashboardJson('mine', 'Mine from backup', [{ title: 'P', expr: 'up' }])),
      JSON.parse(dashboardJson('provisioned', 'Impostor', [{ title: 'P', expr: 'up' }])),
    ],
    datasources: [],
  });
  await open(page, '#/settings', base);
  await restoreFile(page, 'old.json', backup);
  const plan = page.getByTestId('backup-plan');
  await expect(plan).toContainText('Dashboard “Mine from backup (restored)”: added as a copy');
  await expect(plan).toContainText(
    'Dashboard “Impostor (restored)”: added as a copy (a provisioned one has its uid)',
  );
  // "replace" replaces the saved one, never the provisioned one
  await page.getByTestId('backup-replace').check();
  await expect(plan).toContainText(
    'Dashboard “Mine from backup”: replaces the saved one (kept in its history)',
  );
  await expect(plan).toContainText('Dashboard “Impostor (restored)”: added as a copy');
  await page.getByTestId('backup-restore').click();
  await expect(page.getByTestId('backup-result')).toContainText(
    'Dashboards: 1 replaced, 1 added as a copy.',
  );
  const stored = await storedDashboards(page);
  expect(stored.mine).toMatchObject({ title: 'Mine from backup', revision: 2 });
  expect(
    Object.values(stored)
      .map((d) => d.title)
      .sort(),
  ).toEqual(['Impostor (restored)', 'Mine from backup']);
  await open(page, '#/d/provisioned', base);
  await expect(page.getByTestId('dashboard-title')).toHaveText('Provisioned fixture');
  // the replaced version stays in the history
  await open(page, '#/d/mine/history', base);
  await expect(page.getByTestId('history-version')).toHaveCount(2);
  await expect(page.locator('[data-revision="1"]')).toContainText('Imported from pasted text');
  await expect(page.locator('[data-revision="2"]')).toContainText(
    'Replaced from the backup old.json',
  );

  // a file that is not a backup: a clear error, nothing changed
  await open(page, '#/settings', base);
  await restoreFile(page, 'board.json', dashboardJson('x', 'X', []));
  await expect(page.getByTestId('backup-errors')).toContainText(
    'This is not a Scry backup (no "format": "scry-backup"); to add one dashboard, use Import',
  );
});

test('Settings shows the storage estimate and whether storage is persistent', async ({ page }) => {
  await open(page, '#/settings');
  await expect(page.getByTestId('storage-used')).not.toHaveText('unknown');
  const facts = await page.evaluate(async () => ({
    estimate: await navigator.storage.estimate(),
    persisted: await navigator.storage.persisted(),
  }));
  // read again: the page's own reading of the same, unchanged storage
  await page.reload();
  const shown = describeEstimate(facts.estimate)!;
  await expect(page.getByTestId('storage-used')).toHaveText(
    `${shown.used} (${shown.share} of the quota)`,
  );
  await expect(page.getByTestId('storage-available')).toHaveText(shown.available);
  await expect(page.getByTestId('storage-persisted')).toContainText(
    facts.persisted ? 'granted' : 'not granted',
  );
});
