import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  storedDashboards,
} from './support/app';

// Storage you can trust (issue 9): IndexedDB, one record per dashboard, compare-and-set saves,
// other tabs told at once, nothing saved that cannot be read back, nothing lost on failure.

const row = (page: Page, uid: string) =>
  page.locator(`[data-testid="dashboard-row"][data-uid="${uid}"]`);

/**
 * Edits the title of the open dashboard and saves it; waits for the commit. A save leaves edit
 * mode's URL (a reload opens the view), so a second edit first enters edit mode again.
 */
async function saveTitle(page: Page, title: string) {
  const input = page.getByTestId('dashboard-title-input');
  if (!(await input.isVisible())) await page.getByTestId('edit-toggle').click();
  await input.fill(title);
  await page.getByTestId('save-dashboard').click();
  // Save hides only once the write committed (the 1.5 s "Saved" flash can pass unseen under load)
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
}

test('a localStorage profile written by the previous version opens with everything in it, once', async ({
  page,
}) => {
  // the profile was captured from the build before IndexedDB (see e2e/fixture/)
  const profile = JSON.parse(
    readFileSync(new URL('./fixture/localstorage-profile-v1.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;
  await page.goto(`${env('SCRY_URL')}/no-such-file`); // same origin, without the app
  await page.evaluate((p) => {
    for (const [k, v] of Object.entries(p)) localStorage.setItem(k, v);
  }, profile);

  await open(page, '#/');
  await expect(row(page, 'legacy-a')).toContainText('Legacy A');
  await expect(row(page, 'legacy-b')).toContainText('Legacy B');
  const stored = await storedDashboards(page);
  expect(Object.keys(stored).sort()).toEqual(['legacy-a', 'legacy-b']);
  expect(stored['legacy-b']!.panels[0]!.targets[0]!.expr).toBe(
    'rate(scry_http_requests_total[5m])',
  );
  await open(page, '#/datasources');
  await expect(
    page.locator('[data-testid="datasource-row"][data-name="legacy-prom"]'),
  ).toContainText('http://127.0.0.1:9');

  // the old keys stay as they were (a copy, never deleted), and are not migrated a second time
  expect(await page.evaluate(() => localStorage.getItem('scry.dashboards'))).toBe(
    profile['scry.dashboards'],
  );
  page.on('dialog', (d) => void d.accept());
  await open(page, '#/');
  await row(page, 'legacy-a').getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'legacy-a')).toHaveCount(0);
  await page.reload();
  await expect(row(page, 'legacy-b')).toBeVisible();
  await expect(row(page, 'legacy-a')).toHaveCount(0);
});

test('two tabs: saving one dashboard never rewrites another; edits in both tabs meet a conflict banner', async ({
  page,
}) => {
  // two pages and a dozen commits: over the default 45 s on a loaded machine
  test.slow();
  const tab1 = page;
  await importDashboard(tab1, dashboardJson('dash-x', 'X', [{ title: 'P', expr: 'up' }]));
  await importDashboard(tab1, dashboardJson('dash-y', 'Y', [{ title: 'P', expr: 'up' }]));
  const tab2 = await page.context().newPage();
  await open(tab2, '#/'); // opened before tab 1's edits
  await expect(row(tab2, 'dash-x')).toContainText('X');

  await open(tab1, '#/d/dash-x?edit=1');
  await saveTitle(tab1, 'X from tab 1');
  // the list in tab 2 follows at once, without a reload
  await expect(row(tab2, 'dash-x')).toContainText('X from tab 1');
  await open(tab2, '#/d/dash-y?edit=1');
  await saveTitle(tab2, 'Y from tab 2');
  const stored = await storedDashboards(tab1);
  expect(stored['dash-x']!.title).toBe('X from tab 1');
  expect(stored['dash-y']!.title).toBe('Y from tab 2');

  // datasources added in both tabs both survive
  await addDatasource(tab1, { name: 'one', url: 'http://127.0.0.1:1' });
  await addDatasource(tab2, { name: 'two', url: 'http://127.0.0.1:2' });
  await expect(tab1.locator('[data-testid="datasource-row"][data-name="two"]')).toBeVisible();
  await tab1.reload();
  await expect(tab1.locator('[data-testid="datasource-row"]')).toHaveCount(2);

  // a tab only viewing a dashboard shows the other tab's save at once
  await open(tab2, '#/d/dash-x');
  await open(tab1, '#/d/dash-x?edit=1');
  await saveTitle(tab1, 'X again');
  await expect(tab2.getByTestId('dashboard-title')).toHaveText('X again');

  // both tabs edit X: tab 2 is told the moment tab 1 commits, and keeps its edits
  await open(tab2, '#/d/dash-x?edit=1');
  await tab2.getByTestId('dashboard-title-input').fill('Mine (tab 2)');
  await saveTitle(tab1, 'Theirs (tab 1)');
  const conflict = tab2.getByTestId('save-conflict');
  await expect(conflict).toContainText('saved in another tab');
  await expect(tab2.getByTestId('dashboard-title-input')).toHaveValue('Mine (tab 2)');
  await expect(tab2.getByTestId('save-dashboard')).toBeDisabled();
  // "Save mine as a copy": theirs stays, mine becomes a new dashboard
  await conflict.getByTestId('conflict-copy').click();
  await expect(tab2).not.toHaveURL(/#\/d\/dash-x/);
  await expect(tab2.getByTestId('dashboard-title')).toHaveText('Mine (tab 2) (copy)');
  let all = Object.values(await storedDashboards(tab2)).map((d) => d.title);
  expect(all.sort()).toEqual(['Mine (tab 2) (copy)', 'Theirs (tab 1)', 'Y from tab 2']);

  // "Overwrite with mine" replaces theirs; "Reload theirs" drops mine
  await open(tab2, '#/d/dash-x?edit=1');
  await tab2.getByTestId('dashboard-title-input').fill('Mine wins');
  await saveTitle(tab1, 'Theirs loses');
  await tab2.getByTestId('conflict-mine').click();
  await expect(tab2.getByRole('status')).toHaveText('Saved');
  // tab 1 shows the overwrite, in whichever mode it is (its own save may have left edit mode)
  const shownTitle = async (p: Page) =>
    (await p.getByTestId('dashboard-title-input').isVisible())
      ? p.getByTestId('dashboard-title-input').inputValue()
      : p.getByTestId('dashboard-title').textContent();
  await expect.poll(() => shownTitle(tab1)).toBe('Mine wins');
  await open(tab2, '#/d/dash-x?edit=1');
  await tab2.getByTestId('dashboard-title-input').fill('Mine loses');
  await saveTitle(tab1, 'Theirs wins');
  await tab2.getByTestId('conflict-theirs').click();
  await expect(tab2.getByTestId('save-conflict')).toBeHidden();
  await expect(tab2.getByTestId('dashboard-title-input')).toHaveValue('Theirs wins');
  all = Object.values(await storedDashboards(tab2)).map((d) => d.title);
  expect(all.sort()).toEqual(['Mine (tab 2) (copy)', 'Theirs wins', 'Y from tab 2']);
});

test('a __proto__ value map and a 10 000-level import: clear notes and errors, later saves work', async ({
  page,
}) => {
  const grafana = {
    schemaVersion: 16,
    uid: 'proto',
    title: 'Proto',
    panels: [
      {
        id: 1,
        type: 'singlestat',
        title: 'S',
        gridPos: { x: 0, y: 0, w: 6, h: 4 },
        targets: [{ refId: 'A', expr: 'up' }],
        valueMaps: [
          { value: '__proto__', text: 'p', op: '=' },
          { value: '1', text: 'one', op: '=' },
        ],
      },
    ],
  };
  await open(page, '#/import');
  await page.getByTestId('import-text').fill(JSON.stringify(grafana));
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('import-notes')).toContainText(
    'Value mapping for "__proto__" skipped: the name is reserved',
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\/proto/);

  const deep = `{"scry":1,"uid":"deep","title":"Deep","panels":[{"id":1,"type":"text","title":"T","gridPos":{"x":0,"y":0,"w":6,"h":4},"options":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}`;
  await open(page, '#/import');
  await page.getByTestId('import-text').fill(deep);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('import-errors')).toContainText(
    'panels[0].options.a.a.a…a.a.a: nested deeper than 64 levels (Scry accepts at most 64)',
  );
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);

  // every later save works and survives a reload
  await open(page, '#/d/proto?edit=1');
  await saveTitle(page, 'Proto, edited');
  await page.reload();
  await expect(page.getByTestId('dashboard-title')).toHaveText('Proto, edited');
  const stored = await storedDashboards(page);
  expect(Object.keys(stored)).toEqual(['proto']);
  expect(stored.proto!.title).toBe('Proto, edited');
});

test('storage full: the save fails with a banner, no "Saved", the edits stay; nothing is lost', async ({
  page,
}) => {
  // A full store, stubbed: while `__quotaFull` is set every IndexedDB write throws the
  // QuotaExceededError a browser raises. (Chromium's quota override over CDP is not applied to
  // a connection that is already open, so it cannot fail one save and pass the next.)
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      if ((window as unknown as { __quotaFull?: boolean }).__quotaFull)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const setFull = (full: boolean) =>
    page.evaluate((f) => ((window as unknown as { __quotaFull?: boolean }).__quotaFull = f), full);
  await importDashboard(page, dashboardJson('quota', 'Before', [{ title: 'P', expr: 'up' }]));
  await setFull(true);

  await open(page, '#/d/quota?edit=1');
  await page.getByTestId('dashboard-title-input').fill('After');
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-error')).toContainText('storage for Scry is full');
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.getByTestId('dashboard-title-input')).toHaveValue('After');
  await expect(page.getByText('● unsaved')).toBeVisible();

  // a new dashboard is not lost either: still here, unsaved, after the failed save
  page.on('dialog', (d) => void d.accept());
  await open(page, '#/');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await page.getByTestId('dashboard-title-input').fill('Fresh');
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-error')).toContainText('storage for Scry is full');
  await expect(page.getByTestId('dashboard-title-input')).toHaveValue('Fresh');
  expect(Object.keys(await storedDashboards(page))).toEqual(['quota']);

  // space again: the same Save commits, and both survive a reload
  await setFull(false);
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(page.getByTestId('save-error')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('dashboard-title')).toHaveText('Fresh');
  const stored = await storedDashboards(page);
  expect(
    Object.values(stored)
      .map((d) => d.title)
      .sort(),
  ).toEqual(['Before', 'Fresh']);
});

test('"New dashboard" exists only once saved; leaving asks (refused: the typed title stays), then discards it', async ({
  page,
}) => {
  await open(page, '#/');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await expect(page).toHaveURL(/#\/d\/[a-z0-9]+\?edit=1/);
  const uid = /#\/d\/([a-z0-9]+)/.exec(page.url())![1]!;
  await page.getByTestId('dashboard-title-input').fill('Never saved');
  expect(await storedDashboards(page)).toEqual({});

  // refusing the question keeps it open, with what was typed
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('link', { name: 'Dashboards' }).click();
  await expect
    .poll(() => asked)
    .toEqual(['This new dashboard has not been saved. Leave and discard it?']);
  await expect(page).toHaveURL(new RegExp(`#/d/${uid}\\?edit=1$`));
  await expect(page.getByTestId('dashboard-title-input')).toHaveValue('Never saved');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: 'Dashboards' }).click();
  await expect(page.getByTestId('dashboard-list')).toContainText('No dashboards yet');
  await open(page, `#/d/${uid}`);
  await expect(page.getByRole('heading', { name: 'Dashboard not found' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard not found' })).toBeVisible();
  expect(await storedDashboards(page)).toEqual({});
});

test('an import never replaces a provisioned dashboard: the preview says where from and offers a copy', async ({
  page,
}) => {
  const base = env('SCRY_PROVISIONED_URL');
  // a file on another origin (the plain server) whose uid is the provisioned dashboard's
  const url = `${env('SCRY_URL')}/elsewhere/board.json`;
  await page.route(url, (r) =>
    r.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: dashboardJson('provisioned', 'Impostor', [{ title: 'P', expr: 'up' }]),
    }),
  );
  await open(page, `#/import?url=${encodeURIComponent(url)}`, base);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-source')).toHaveText(`From URL ${url}`);
  await expect(preview.getByTestId('import-exists')).toContainText(
    'A provisioned dashboard has this uid: “Provisioned fixture”',
  );
  await expect(preview.getByRole('button', { name: 'Replace' })).toHaveCount(0);
  await expect(preview.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await preview.getByRole('button', { name: 'Import as a copy' }).click();
  await expect(page).not.toHaveURL(/#\/d\/provisioned/);
  await expect(page.getByTestId('dashboard-title')).toHaveText('Impostor (imported)');

  await open(page, '#/d/provisioned', base);
  await expect(page.getByTestId('dashboard-title')).toHaveText('Provisioned fixture');
  await open(page, '#/', base);
  await expect(row(page, 'provisioned')).toContainText('Provisioned fixture');
  expect(Object.values(await storedDashboards(page)).map((d) => d.title)).toEqual([
    'Impostor (imported)',
  ]);
});
