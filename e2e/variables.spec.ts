import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  env,
  importDashboard,
  open,
  openAt,
  panel,
  rangeQueries,
} from './support/app';
import { fixtureWindow } from './support/window';

const EXPR =
  'sum by (instance) (rate(scry_http_requests_total{job="$job",instance=~"$instance"}[5m]))';
const sent = (job: string, instances: string) =>
  `sum by (instance) (rate(scry_http_requests_total{job="${job}",instance=~"${instances}"}[5m]))`;

function chainedDashboard(uid: string, extraPanels: Record<string, unknown>[] = []): string {
  return JSON.stringify({
    scry: 1,
    uid,
    title: 'Chained variables',
    variables: [
      {
        name: 'job',
        type: 'query',
        query: 'label_values(scry_http_requests_total, job)',
        refresh: 1,
      },
      {
        name: 'instance',
        label: 'Instance',
        type: 'query',
        query: 'label_values(scry_http_requests_total{job="$job"}, instance)',
        multi: true,
        includeAll: true,
        current: '$__all',
        refresh: 2,
      },
    ],
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Requests by instance',
        gridPos: { x: 0, y: 0, w: 24, h: 8 },
        targets: [{ refId: 'A', expr: EXPR, legendFormat: '{{instance}}' }],
      },
      ...extraPanels,
    ],
  });
}

const legend = (page: Page, title: string) => panel(page, title).getByTestId('legend-item');

async function pick(page: Page, name: string, option: string) {
  const picker = page.getByTestId(`variable-${name}`);
  await picker.getByTestId('variable-button').click();
  await picker.locator(`[data-testid="variable-option"][data-value="${option}"]`).click();
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

test('chained job → instance: picking a job changes the queries sent and the series shown', async ({
  page,
}) => {
  await importDashboard(page, chainedDashboard('chain'));
  const queries = rangeQueries(page);
  await openAt(page, 'chain');
  const job = page.getByTestId('variable-job');
  const instance = page.getByTestId('variable-instance');
  await expect(job.getByTestId('variable-button')).toHaveText(/^api/);
  await expect(instance.getByTestId('variable-button')).toHaveText(/^All/);
  await expect(instance).toContainText('Instance');
  await expect(panel(page, 'Requests by instance')).toHaveAttribute('data-state', 'ok');
  await expect(legend(page, 'Requests by instance')).toHaveText(['api-1', 'api-2', 'api-3']);
  expect(queries).toContain(sent('api', '(api-1|api-2|api-3)'));

  // The job menu lists what Prometheus has; picking "web" re-resolves the chained instance.
  await job.getByTestId('variable-button').click();
  await expect(job.getByTestId('variable-option')).toHaveText(['api', 'web']);
  await job.locator('[data-testid="variable-option"][data-value="web"]').click();
  await expect(page).toHaveURL(/var-job=web/);
  await expect(legend(page, 'Requests by instance')).toHaveText(['web-1', 'web-2']);
  expect(queries).toContain(sent('web', '(web-1|web-2)'));
  await instance.getByTestId('variable-button').click();
  await expect(instance.getByTestId('variable-option')).toHaveText(['All', 'web-1', 'web-2']);
});

test('multi-value and All: search, keyboard, select all / none; the URL round-trips', async ({
  page,
}) => {
  await importDashboard(page, chainedDashboard('multi'));
  const queries = rangeQueries(page);
  await openAt(page, 'multi');
  const p = 'Requests by instance';
  await expect(legend(page, p)).toHaveCount(3);
  const instance = page.getByTestId('variable-instance');

  // Two instances by clicking; applied when the menu closes.
  await instance.getByTestId('variable-button').click();
  await instance.locator('[data-testid="variable-option"][data-value="api-1"]').click();
  await instance.locator('[data-testid="variable-option"][data-value="api-3"]').click();
  await page.keyboard.press('Escape');
  await expect(instance.getByTestId('variable-button')).toHaveText(/^api-1 \+ api-3/);
  await expect(page).toHaveURL(/var-instance=api-1&var-instance=api-3/);
  await expect(legend(page, p)).toHaveText(['api-1', 'api-3']);
  expect(queries).toContain(sent('api', '(api-1|api-3)'));

  // Search + keyboard: filter to "2", Enter toggles it on, None then Select all (= All).
  await instance.getByTestId('variable-button').click();
  await instance.getByTestId('variable-search').fill('2');
  await expect(instance.getByTestId('variable-option')).toHaveText(['api-2']);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/var-instance=api-1&var-instance=api-3&var-instance=api-2/);
  await expect(legend(page, p)).toHaveCount(3);

  await instance.getByTestId('variable-button').click();
  await instance.getByTestId('variable-select-none').click();
  await instance.locator('[data-testid="variable-option"][data-value="api-2"]').click();
  await page.keyboard.press('Escape');
  await expect(legend(page, p)).toHaveText(['api-2']);
  expect(queries).toContain(sent('api', 'api-2'));

  await instance.getByTestId('variable-button').click();
  await instance.getByTestId('variable-select-all').click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/var-instance=%24__all/);
  await expect(instance.getByTestId('variable-button')).toHaveText(/^All/);
  await expect(legend(page, p)).toHaveCount(3);

  // A link with var- params opens the same view.
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/multi?from=${fromMs}&to=${toMs}&tz=utc&var-job=web&var-instance=web-2`);
  await page.reload();
  await expect(page.getByTestId('variable-job').getByTestId('variable-button')).toHaveText(/^web/);
  await expect(instance.getByTestId('variable-button')).toHaveText(/^web-2/);
  await expect(legend(page, p)).toHaveText(['web-2']);
  expect(queries).toContain(sent('web', 'web-2'));
});

test('a child value that does not fit the new parent is replaced in the URL', async ({ page }) => {
  await importDashboard(page, chainedDashboard('fix'));
  await openAt(page, 'fix', undefined, '&var-job=api&var-instance=api-2');
  await expect(legend(page, 'Requests by instance')).toHaveText(['api-2']);
  // Keyboard: the menu opens with the search focused; arrows move, Enter picks.
  await page.getByTestId('variable-job').getByTestId('variable-button').click();
  await expect(page.getByTestId('variable-job').getByTestId('variable-search')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('variable-job').getByTestId('variable-menu')).toBeHidden();
  // The instance falls back to All (the variable includes All) and the URL says so.
  await expect(page).toHaveURL(
    /var-job=web&var-instance=%24__all|var-instance=%24__all.*var-job=web/,
  );
  await expect(legend(page, 'Requests by instance')).toHaveText(['web-1', 'web-2']);
});

test('variable editor: add with a live preview, edit, reorder and delete', async ({ page }) => {
  const { fromMs, toMs } = fixtureWindow();
  await importDashboard(
    page,
    JSON.stringify({
      scry: 1,
      uid: 'editvars',
      title: 'Edit variables',
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'Temperature',
          gridPos: { x: 0, y: 0, w: 24, h: 8 },
          targets: [
            { refId: 'A', expr: 'scry_temperature_celsius{dc=~"$dc"}', legendFormat: '{{dc}}' },
          ],
        },
      ],
    }),
  );
  await open(page, `#/d/editvars?from=${fromMs}&to=${toMs}&tz=utc`);
  await page.getByTestId('dashboard-settings-button').click();
  const settings = page.getByTestId('dashboard-settings');
  await settings.getByTestId('variable-add').click();
  const form = settings.getByTestId('variable-form');
  await form.getByTestId('variable-name').fill('dc');
  await form.getByTestId('variable-label').fill('Data centre');
  await form.getByTestId('variable-query').fill('label_values(scry_temperature_celsius, dc)');
  await expect(form.getByTestId('variable-preview-value')).toHaveText(['ams', 'fra', 'nyc', 'sfo']);
  // The regex filters the preview live.
  await form.getByTestId('variable-regex').fill('/^(ams|nyc)$/');
  await expect(form.getByTestId('variable-preview-value')).toHaveText(['ams', 'nyc']);
  await form.getByTestId('variable-regex').fill('');
  await form.getByTestId('variable-sort').selectOption('2');
  await expect(form.getByTestId('variable-preview-value')).toHaveText(['sfo', 'nyc', 'fra', 'ams']);
  await form.getByTestId('variable-multi').check();
  await form.getByTestId('variable-include-all').check();
  // A bad query shows its error in the preview.
  await form.getByTestId('variable-query').fill('label_values(scry_temperature_celsius{, dc)');
  await expect(form.getByTestId('variable-preview-error')).toBeVisible();
  await form.getByTestId('variable-query').fill('label_values(scry_temperature_celsius, dc)');
  await form.getByTestId('variable-apply').click();
  await expect(settings.getByTestId('variable-row')).toHaveCount(1);

  // A second variable (custom), then moved above the first.
  await settings.getByTestId('variable-add').click();
  await form.getByTestId('variable-name').fill('dc');
  await expect(form.getByTestId('variable-problems')).toContainText('already used');
  await form.getByTestId('variable-name').fill('unit');
  await form.getByTestId('variable-type').selectOption('custom');
  await form.getByTestId('variable-query').fill('celsius, kelvin');
  await expect(form.getByTestId('variable-preview-value')).toHaveText(['celsius', 'kelvin']);
  await form.getByTestId('variable-apply').click();
  await expect(settings.getByTestId('variable-row')).toHaveCount(2);
  await settings.getByRole('button', { name: 'Move unit up' }).click();
  await expect(settings.getByTestId('variable-row')).toHaveText([/unit/, /dc/]);
  await settings.getByTestId('settings-close').click();

  const bar = page.getByTestId('variable-bar');
  await expect(bar.locator('[data-testid^="variable-"][data-value]')).toHaveCount(2);
  await expect(bar.locator('.var-picker').first()).toHaveAttribute('data-testid', 'variable-unit');
  await expect(page.getByTestId('variable-dc')).toContainText('Data centre');
  await expect(legend(page, 'Temperature')).toHaveCount(4);
  await pick(page, 'dc', 'fra');
  await page.keyboard.press('Escape');
  await expect(legend(page, 'Temperature')).toHaveText(['fra']);

  // Saved with the dashboard; deleting removes the picker.
  await page.getByTestId('save-dashboard').click();
  await page.getByTestId('dashboard-settings-button').click();
  await settings.getByRole('button', { name: 'Delete unit' }).click();
  await expect(settings.getByTestId('variable-row')).toHaveCount(1);
  await settings.getByTestId('settings-close').click();
  await expect(page.getByTestId('variable-unit')).toHaveCount(0);
});

test('a panel repeated per selected instance, each copy querying its own value', async ({
  page,
}) => {
  await importDashboard(
    page,
    chainedDashboard('repeat', [
      {
        id: 2,
        type: 'timeseries',
        title: 'Instance $instance',
        repeat: 'instance',
        repeatDirection: 'h',
        maxPerRow: 4,
        gridPos: { x: 0, y: 8, w: 8, h: 6 },
        targets: [{ refId: 'A', expr: EXPR, legendFormat: '{{instance}}' }],
      },
    ]),
  );
  const queries = rangeQueries(page);
  await openAt(page, 'repeat');
  // All: one copy per instance of the job.
  for (const i of ['api-1', 'api-2', 'api-3']) {
    await expect(panel(page, `Instance ${i}`)).toHaveAttribute('data-state', 'ok');
    await expect(legend(page, `Instance ${i}`)).toHaveText([i]);
    expect(queries).toContain(sent('api', i));
  }
  // Side by side: the three copies share a line.
  const ys = await Promise.all(
    ['api-1', 'api-2', 'api-3'].map(
      async (i) => (await panel(page, `Instance ${i}`).boundingBox())!.y,
    ),
  );
  expect(new Set(ys).size).toBe(1);

  const instance = page.getByTestId('variable-instance');
  await instance.getByTestId('variable-button').click();
  await instance.getByTestId('variable-select-none').click();
  await instance.locator('[data-testid="variable-option"][data-value="api-1"]').click();
  await instance.locator('[data-testid="variable-option"][data-value="api-3"]').click();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid="panel"][data-panel-title^="Instance "]')).toHaveCount(2);
  await expect(legend(page, 'Instance api-3')).toHaveText(['api-3']);
  await expect(panel(page, 'Instance api-2')).toHaveCount(0);

  // Another job: the copies follow its instances.
  await pick(page, 'job', 'web');
  await expect(legend(page, 'Instance web-1')).toHaveText(['web-1']);
  await expect(legend(page, 'Instance web-2')).toHaveText(['web-2']);
  await expect(page.locator('[data-testid="panel"][data-panel-title^="Instance "]')).toHaveCount(2);
});

test('textbox, constant, interval with auto, a huge All, and errors shown on the variable', async ({
  page,
}) => {
  const many = Array.from({ length: 205 }, (_, i) => `v${i}`).join(',');
  await importDashboard(
    page,
    JSON.stringify({
      scry: 1,
      uid: 'kinds',
      title: 'Variable kinds',
      variables: [
        { name: 'dc', type: 'textbox', query: 'ams' },
        { name: 'metric', type: 'constant', query: 'scry_temperature_celsius' },
        { name: 'win', type: 'interval', query: '1m,1h', auto: true, current: '$__auto' },
        {
          name: 'big',
          type: 'custom',
          query: many,
          multi: true,
          includeAll: true,
          current: '$__all',
        },
        { name: 'broken', type: 'query', query: 'label_values(scry_http_requests_total{, job)' },
        { name: 'a', type: 'query', query: 'label_values({x="$b"}, job)' },
        { name: 'b', type: 'query', query: 'label_values({x="$a"}, job)' },
      ],
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'Kinds',
          gridPos: { x: 0, y: 0, w: 24, h: 8 },
          targets: [
            {
              refId: 'A',
              expr: 'max_over_time($metric{dc="$dc"}[$win]) or vector(0) and on() absent(x{v=~"$big"})',
              legendFormat: '{{dc}}',
            },
          ],
        },
      ],
    }),
  );
  const queries = rangeQueries(page);
  await openAt(page, 'kinds');
  const bar = page.getByTestId('variable-bar');
  // Constants are not shown.
  await expect(page.getByTestId('variable-metric')).toHaveCount(0);
  await expect(bar.locator('.var-picker')).toHaveCount(6);
  // Auto interval for 6 h = 10m; All over 205 values is sent as .+ and says so.
  await expect(page.getByTestId('variable-win').getByTestId('variable-button')).toHaveText(/^auto/);
  await expect(page.getByTestId('variable-all-note')).toContainText('.+');
  const first =
    'max_over_time(scry_temperature_celsius{dc="ams"}[10m]) or vector(0) and on() absent(x{v=~".+"})';
  await expect.poll(() => queries).toContain(first);
  await expect(panel(page, 'Kinds')).toHaveAttribute('data-state', 'ok');

  // Errors stay on their variable: a bad query, a cycle.
  await expect(page.getByTestId('variable-broken').getByTestId('variable-error')).toBeVisible();
  await expect(page.getByTestId('variable-a').getByTestId('variable-error')).toContainText(
    /Circular dependency: \$a → \$b → \$a/,
  );
  await expect(page.getByTestId('variable-b').getByTestId('variable-error')).toContainText(
    /Circular dependency/,
  );

  // Text box: typed value + Enter; interval: a fixed pick.
  const box = page.getByTestId('variable-dc').locator('input');
  await box.fill('fra');
  await box.press('Enter');
  await expect(page).toHaveURL(/var-dc=fra/);
  await pick(page, 'win', '1h');
  await expect(page).toHaveURL(/var-win=1h/);
  await expect
    .poll(() => queries)
    .toContain(
      'max_over_time(scry_temperature_celsius{dc="fra"}[1h]) or vector(0) and on() absent(x{v=~".+"})',
    );
  await expect(legend(page, 'Kinds').filter({ hasText: 'fra' })).toHaveCount(1);
});

test('a new time range re-resolves the variables over it; the options follow the data', async ({
  page,
}) => {
  await importDashboard(page, chainedDashboard('ranged'));
  const lookups: { label: string; start: number }[] = [];
  page.on('request', (r) => {
    const m = /\/api\/v1\/label\/([^/]+)\/values/.exec(r.url());
    if (!m) return;
    const params =
      r.method() === 'POST'
        ? new URLSearchParams(r.postData() ?? '')
        : new URL(r.url()).searchParams;
    lookups.push({ label: m[1]!, start: Number(params.get('start')) });
  });
  const { fromMs, toMs } = fixtureWindow();
  await openAt(page, 'ranged');
  await expect(legend(page, 'Requests by instance')).toHaveCount(3);
  expect(lookups).toContainEqual({ label: 'instance', start: fromMs / 1000 });

  // The last hour of the window: looked up again over it (refresh "on time range change").
  const later = toMs - 3_600_000;
  await open(page, `#/d/ranged?from=${later}&to=${toMs}&tz=utc`);
  await expect.poll(() => lookups).toContainEqual({ label: 'instance', start: later / 1000 });
  await expect(legend(page, 'Requests by instance')).toHaveCount(3);

  // Long before the fixture: no jobs, the picker and the panel say so.
  const before = fromMs - 30 * 86_400_000;
  await open(page, `#/d/ranged?from=${before}&to=${before + 3_600_000}&tz=utc`);
  await expect(page.getByTestId('variable-job').getByTestId('variable-button')).toHaveText(/^None/);
  await expect(panel(page, 'Requests by instance')).toHaveAttribute('data-state', 'empty');
});

test('repeat is set in the panel editor: one copy per value, side by side', async ({ page }) => {
  await importDashboard(page, chainedDashboard('repeat-ui'));
  await openAt(page, 'repeat-ui');
  const original = panel(page, 'Requests by instance');
  await expect(original).toHaveAttribute('data-state', 'ok');
  await original.getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = page.getByTestId('panel-editor');
  await editor.getByTestId('panel-repeat').selectOption('instance');
  await editor.getByTestId('panel-max-per-row').selectOption('3');
  await editor.getByTestId('panel-apply').click();
  await expect(editor).toBeHidden();
  // All instances of job api: three copies, each with its own single value.
  await expect(panel(page, 'Requests by instance')).toHaveCount(3);
  const legends = await panel(page, 'Requests by instance')
    .getByTestId('legend-item')
    .allTextContents();
  expect(legends.sort()).toEqual(['api-1', 'api-2', 'api-3']);
});

test('View and Inspect on a repeated copy keep its value; the variable bar stays on screen', async ({
  page,
}) => {
  await importDashboard(
    page,
    chainedDashboard('viewcopy', [
      {
        id: 2,
        type: 'timeseries',
        title: 'Instance $instance',
        repeat: 'instance',
        maxPerRow: 3,
        gridPos: { x: 0, y: 8, w: 8, h: 6 },
        targets: [{ refId: 'A', expr: EXPR, legendFormat: '{{instance}}' }],
      },
      {
        id: 3,
        type: 'timeseries',
        title: 'Far below',
        gridPos: { x: 0, y: 14, w: 24, h: 40 },
        targets: [{ refId: 'A', expr: 'scry_temperature_celsius' }],
      },
    ]),
  );
  const queries = rangeQueries(page);
  await openAt(page, 'viewcopy');
  const copy = panel(page, 'Instance api-2');
  await expect(legend(page, 'Instance api-2')).toHaveText(['api-2']);

  // Sticky: scrolled to the bottom, the variable bar is still at the top of the window.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
  const bar = (await page.getByTestId('variable-bar').boundingBox())!;
  expect(bar.y).toBeGreaterThanOrEqual(0);
  expect(bar.y).toBeLessThan(200);
  await page.evaluate(() => window.scrollTo(0, 0));

  // Inspect the second copy: its own instance, not the first one's.
  await copy.getByRole('button', { name: 'Panel menu' }).click();
  await copy.getByRole('menuitem', { name: 'Inspect' }).click();
  await expect(page.getByTestId('inspect-expr')).toHaveText(sent('api', 'api-2'));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('query-inspector')).toHaveCount(0);

  // View the second copy: full screen with its own value, title and series.
  await copy.getByRole('button', { name: 'Panel menu' }).click();
  await copy.getByRole('menuitem', { name: 'View' }).click();
  await expect(page).toHaveURL(/[?&]viewPanel=2(~|%7E)api-2(&|$)/);
  await expect(page.getByTestId('panel-view')).toBeVisible();
  await expect(page.getByTestId('panel')).toHaveCount(1);
  await expect(copy).toHaveAttribute('data-state', 'ok');
  await expect(legend(page, 'Instance api-2')).toHaveText(['api-2']);
  expect(queries).toContain(sent('api', 'api-2'));

  // The link reopens the same copy; a copy no longer selected falls back to the panel itself.
  await page.reload();
  await expect(legend(page, 'Instance api-2')).toHaveText(['api-2']);
  await pick(page, 'job', 'web');
  await expect(page.getByTestId('panel')).toHaveCount(1);
  await expect(legend(page, 'Instance web-1')).toHaveText(['web-1']);
  await page.getByTestId('panel-view-close').click();
  await expect(panel(page, 'Instance web-2')).toHaveAttribute('data-state', 'ok');
});
