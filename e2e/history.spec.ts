import { expect, test, type Page } from '@playwright/test';
import {
  dashboardJson,
  importDashboard,
  open,
  panel,
  storedDashboards,
  typeExpr,
} from './support/app';

// Version history (issue 9): every save is a version (timestamp, optional note, no author);
// a version can be viewed, two compared, one restored (itself a new save).

async function enterEdit(page: Page) {
  if (!(await page.getByTestId('dashboard-title-input').isVisible()))
    await page.getByTestId('edit-toggle').click();
}

async function save(page: Page, note = '') {
  if (note) await page.getByTestId('save-message').fill(note);
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
}

/** Every version as stored (revision → savedAt, message), read in the page. */
function storedVersions(page: Page, uid: string) {
  return page.evaluate(
    (u) =>
      new Promise<{ revision: number; savedAt: number; message: string; shown: string }[]>(
        (resolve, reject) => {
          const req = indexedDB.open('scry');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const all = req.result
              .transaction('versions')
              .objectStore('versions')
              .getAll(IDBKeyRange.bound([u, -Infinity], [u, Infinity]));
            all.onsuccess = () => {
              req.result.close();
              const pad = (n: number) => String(n).padStart(2, '0');
              resolve(
                (all.result as { revision: number; savedAt: number; message: string }[]).map(
                  (v) => {
                    const d = new Date(v.savedAt);
                    const shown = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
                    return { revision: v.revision, savedAt: v.savedAt, message: v.message, shown };
                  },
                ),
              );
            };
          };
        },
      ),
    uid,
  );
}

const version = (page: Page, revision: number) =>
  page.locator(`[data-testid="history-version"][data-revision="${revision}"]`);

test('history: three versions, the diff of 1 ↔ 3 shows the title and query, restore 1 survives a reload', async ({
  page,
}) => {
  // version 1: imported
  await importDashboard(page, dashboardJson('hist', 'Hist one', [{ title: 'Load', expr: 'up' }]));
  // version 2: a new title, with a note
  await enterEdit(page);
  await page.getByTestId('dashboard-title-input').fill('Hist two');
  await save(page, 'second title');
  // version 3: another title and the panel's query
  await enterEdit(page);
  await page.getByTestId('dashboard-title-input').fill('Hist three');
  await panel(page, 'Load').getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = page.getByTestId('panel-editor');
  await typeExpr(editor.getByTestId('query-expr').first(), 'sum(up)');
  await editor.getByTestId('panel-apply').click();
  await expect(editor).toBeHidden();
  await save(page);
  expect((await storedDashboards(page)).hist!.revision).toBe(3);

  await page.getByTestId('history-button').click();
  await expect(page).toHaveURL(/#\/d\/hist\/history$/);
  const rows = page.getByTestId('history-version');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-revision', '3');
  await expect(rows.nth(2)).toHaveAttribute('data-revision', '1');
  await expect(version(page, 3)).toContainText('current');
  await expect(version(page, 2)).toContainText('second title');
  await expect(version(page, 1)).toContainText('Imported from pasted text');
  // each row shows its commit time (local time), and no author
  for (const v of await storedVersions(page, 'hist'))
    await expect(version(page, v.revision)).toContainText(v.shown);

  // view version 1 read-only
  await version(page, 1).getByRole('button', { name: 'View' }).click();
  const view = page.getByTestId('history-view');
  await expect(view.getByTestId('history-view-title')).toHaveText('Hist one');
  await expect(view).toContainText('A: up');
  await expect(view.getByRole('textbox')).toHaveCount(0);
  await view.getByRole('button', { name: 'Close' }).click();

  // tick 1 and 3: the title and the query, each as a before / after line
  await version(page, 1).getByLabel('Compare version 1').check();
  await version(page, 3).getByLabel('Compare version 3').check();
  const diff = page.getByTestId('history-diff');
  await expect(diff.getByRole('heading', { level: 2 })).toHaveText(
    'Changes from version 1 to version 3',
  );
  const change = (label: string) =>
    diff.getByTestId('diff-change').filter({ has: page.getByText(label, { exact: true }) });
  await expect(change('Title').getByTestId('diff-before')).toHaveText('− Hist one');
  await expect(change('Title').getByTestId('diff-after')).toHaveText('+ Hist three');
  await expect(diff.getByRole('heading', { name: 'Panel “Load” (id 1)' })).toBeVisible();
  await expect(change('Query A › expr').getByTestId('diff-before')).toHaveText('− up');
  await expect(change('Query A › expr').getByTestId('diff-after')).toHaveText('+ sum(up)');
  await expect(diff).not.toContainText('version"');

  // restore version 1: a new save (version 4); version 3 stays in the history
  page.once('dialog', (d) => {
    expect(d.message()).toBe('Restore version 1? The current version stays in the history.');
    void d.accept();
  });
  await version(page, 1).getByRole('button', { name: 'Restore' }).click();
  await expect(page).toHaveURL(/#\/d\/hist$/);
  await expect(page.getByTestId('dashboard-title')).toHaveText('Hist one');
  await page.reload();
  await expect(page.getByTestId('dashboard-title')).toHaveText('Hist one');
  const stored = (await storedDashboards(page)).hist!;
  expect(stored.revision).toBe(4);
  expect(stored.panels[0]!.targets[0]!.expr).toBe('up');
  await page.getByTestId('history-button').click();
  await expect(rows).toHaveCount(4);
  await expect(version(page, 4)).toContainText('Restored version 1');
  await expect(version(page, 3)).toBeVisible();
});

test('history keeps the number of versions set in Settings', async ({ page }) => {
  await importDashboard(page, dashboardJson('few', 'Few 1', [{ title: 'P', expr: 'up' }]));
  await open(page, '#/settings');
  await expect(page.getByTestId('history-count')).toHaveValue('20');
  await page.getByTestId('history-count').fill('0');
  await page.getByRole('form', { name: 'History limits' }).getByRole('button').click();
  await expect(page.getByRole('alert')).toHaveText('Versions kept: a whole number from 1 to 100');
  await page.getByTestId('history-count').fill('2');
  await page.getByRole('form', { name: 'History limits' }).getByRole('button').click();
  await expect(page.getByRole('status')).toContainText('Saved');

  await open(page, '#/d/few');
  for (const title of ['Few 2', 'Few 3']) {
    await enterEdit(page);
    await page.getByTestId('dashboard-title-input').fill(title);
    await save(page);
  }
  await page.getByTestId('history-button').click();
  await expect(page.getByTestId('history-version')).toHaveCount(2);
  await expect(version(page, 3)).toBeVisible();
  await expect(version(page, 2)).toBeVisible();
  // the limit is stored: a reload shows it
  await open(page, '#/settings');
  await page.reload();
  await expect(page.getByTestId('history-count')).toHaveValue('2');
});
