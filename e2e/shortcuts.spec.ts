import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  openAt,
  panel,
  rangeQueries,
  typeExpr,
} from './support/app';
import { fixtureWindow } from './support/window';

// Grafana's keyboard shortcuts on a dashboard (src/app/shortcuts): each does its thing, and
// none fires while typing.

const { fromMs } = fixtureWindow();
// a 2 h window inside the fixture's 6 h, so zooming and shifting stay inside it
const win = { fromMs: fromMs + 3_600_000, toMs: fromMs + 3 * 3_600_000 };
const span = win.toMs - win.fromMs;

test.beforeEach(async ({ page }) => {
  test.setTimeout(120_000);
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
  await importDashboard(
    page,
    dashboardJson('keys', 'Keys board', [
      { title: 'Temperature', expr: 'scry_temperature_celsius', legend: '{{dc}}' },
      { title: 'Max', expr: 'max(scry_temperature_celsius)', x: 12, y: 0 },
    ]),
  );
  await openAt(page, 'keys', win);
  await expect(panel(page, 'Temperature')).toBeVisible();
});

const params = (page: Page) => new URL(page.url().replace('#/', '')).searchParams;
const press = async (page: Page, ...keys: string[]) => {
  for (const k of keys) await page.keyboard.press(k);
};
/**
 * A letter sequence ("t z") typed within the sequence time limit even on a loaded machine, where
 * two Playwright key presses can be seconds apart: the keydown events are sent in one go, to the
 * focused element as a real key press would be.
 */
const sequence = (page: Page, ...keys: string[]) =>
  page.evaluate((ks) => {
    for (const key of ks)
      (document.activeElement ?? document.body).dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
      );
  }, keys);

test('? lists every shortcut; Esc closes the list', async ({ page }) => {
  await press(page, 'Shift+?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  await expect(help.getByTestId('shortcut')).toHaveCount(15);
  await expect(help.locator('[data-shortcut="zoomOut"]')).toContainText('t');
  await press(page, 'Escape');
  await expect(help).toBeHidden();
});

test('t z zooms out, t ← and t → move the range by half its span', async ({ page }) => {
  await sequence(page, 't', 'z');
  await expect.poll(() => params(page).get('from')).toBe(String(win.fromMs - span / 2));
  expect(params(page).get('to')).toBe(String(win.toMs + span / 2));
  await openAt(page, 'keys', win);
  await sequence(page, 't', 'ArrowLeft');
  await expect.poll(() => params(page).get('from')).toBe(String(win.fromMs - span / 2));
  expect(params(page).get('to')).toBe(String(win.toMs - span / 2));
  await sequence(page, 't', 'ArrowRight');
  await expect.poll(() => params(page).get('from')).toBe(String(win.fromMs));
  await sequence(page, 't', 'ArrowRight');
  await expect.poll(() => params(page).get('from')).toBe(String(win.fromMs + span / 2));
  expect(params(page).get('to')).toBe(String(win.toMs + span / 2));
});

test('d r refreshes every panel, d s opens the settings, d k is kiosk mode until Esc', async ({
  page,
}) => {
  // the first load's answers are in: what is counted now is the refresh alone
  for (const t of ['Temperature', 'Max'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  const seen = rangeQueries(page);
  await sequence(page, 'd', 'r');
  await expect.poll(() => seen.length).toBeGreaterThanOrEqual(2);
  expect(new Set(seen)).toEqual(
    new Set(['scry_temperature_celsius', 'max(scry_temperature_celsius)']),
  );

  await sequence(page, 'd', 's');
  await expect(page.getByTestId('dashboard-settings')).toBeVisible();
  await press(page, 'Escape');
  await expect(page.getByTestId('dashboard-settings')).toBeHidden();

  await sequence(page, 'd', 'k');
  await expect(page.locator('header.topbar')).toBeHidden();
  await expect(page.getByTestId('dashboard-toolbar')).toBeHidden();
  expect(params(page).get('kiosk')).toBe('1');
  await expect(panel(page, 'Temperature')).toBeVisible();
  await press(page, 'Escape');
  await expect(page.locator('header.topbar')).toBeVisible();
  await expect(page.getByTestId('dashboard-toolbar')).toBeVisible();
});

test('e, v, p d and p r act on the panel under the pointer; Ctrl+S saves', async ({ page }) => {
  const temp = panel(page, 'Temperature');
  await temp.hover();
  await press(page, 'v');
  await expect(page.getByTestId('panel-view')).toBeVisible();
  expect(params(page).get('viewPanel')).toBe('1');
  await press(page, 'v');
  await expect(page.getByTestId('panel-view')).toBeHidden();

  await temp.hover();
  await press(page, 'e');
  const editor = page.getByTestId('panel-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('panel-title-input')).toHaveValue('Temperature');
  await press(page, 'Escape');
  await expect(editor).toBeHidden();

  await panel(page, 'Max').hover();
  await sequence(page, 'p', 'd');
  await expect(page.locator('[data-testid="panel"][data-panel-title="Max"]')).toHaveCount(2);
  await expect(page.getByTestId('save-dashboard')).toBeVisible();
  await temp.hover();
  await sequence(page, 'p', 'r');
  await expect(page.locator('[data-testid="panel"][data-panel-title="Temperature"]')).toHaveCount(
    0,
  );

  await press(page, 'ControlOrMeta+s');
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('panel')).toHaveCount(2);
  await expect(page.locator('[data-testid="panel"][data-panel-title="Max"]')).toHaveCount(2);
});

test('nothing fires while typing in an input or the query editor', async ({ page }) => {
  const before = page.url();
  await page.getByTestId('edit-toggle').click();
  const title = page.getByTestId('dashboard-title-input');
  await title.click();
  await title.press('End');
  await page.keyboard.type(' t z d k v e ?');
  await expect(title).toHaveValue('Keys board t z d k v e ?');
  await expect(page.getByTestId('shortcuts-help')).toBeHidden();
  await expect(page.locator('header.topbar')).toBeVisible();
  expect(page.url()).toBe(before);
  await title.evaluate((el) => (el as HTMLElement).blur());

  await panel(page, 'Temperature').hover();
  await press(page, 'e');
  const editor = page.getByTestId('panel-editor');
  await typeExpr(editor.getByTestId('query-expr').first(), 'scry_temperature_celsius');
  await page.keyboard.type(' d r t z v');
  await expect(editor.getByTestId('query-expr').first()).toContainText(
    'scry_temperature_celsius d r t z v',
  );
  await expect(page.getByTestId('panel-view')).toBeHidden();
  expect(params(page).get('from')).toBe(String(win.fromMs));
});

test('Ctrl/Cmd+K opens the dashboard search from anywhere', async ({ page }) => {
  await press(page, 'ControlOrMeta+k');
  await expect(page).toHaveURL(/#\/\?search=1$/);
  await expect(page.getByTestId('dashboard-search')).toBeFocused();
  await page.keyboard.type('keys');
  await expect(page.getByTestId('dashboard-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/d\/keys/);
});

test('Save clears edit=1 from the URL, so a reload opens the dashboard, not its editor', async ({
  page,
}) => {
  await open(page, '#/');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await expect(page).toHaveURL(/#\/d\/[a-z0-9]+\?edit=1/);
  await page.getByTestId('dashboard-title-input').fill('Saved once');
  await page.getByTestId('save-dashboard').click();
  await expect(page).not.toHaveURL(/edit=1/);
  await page.reload();
  await expect(page.getByTestId('dashboard-title')).toHaveText('Saved once');
  await expect(page.getByTestId('dashboard-title-input')).toBeHidden();
});
