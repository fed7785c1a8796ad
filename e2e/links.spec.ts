import { expect, test, type Page } from '@playwright/test';
import { DCS } from './fixture/env';
import {
  addDatasource,
  env,
  importDashboard,
  open,
  openAt,
  panel,
  promApi,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

// Issue 13 (links): Grafana's dashboard links, panel links and data links, imported and opened
// against the real fixture Prometheus. Every href is asserted exactly: variables and the time
// range carried over, values percent-encoded, never an opener, never a javascript: URL.

const M = 'scry_temperature_celsius';
const NOTE = 'x y&z/é';
const NOTE_ENC = encodeURIComponent(NOTE);
const XSS_TITLE = '<img src=x onerror="window.__xss=1">';
const DS = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };

const variables = [
  {
    type: 'custom',
    name: 'dc',
    query: DCS.join(','),
    current: { text: 'ams', value: 'ams' },
  },
  {
    type: 'textbox',
    name: 'note',
    query: 'default',
    current: { text: 'default', value: 'default' },
  },
];

const target = {
  uid: 'links-target',
  title: 'Links target',
  tags: ['links'],
  schemaVersion: 39,
  templating: { list: variables },
  panels: [
    {
      type: 'stat',
      title: 'Temperature',
      datasource: DS,
      gridPos: { x: 0, y: 0, w: 8, h: 5 },
      targets: [{ refId: 'A', expr: `${M}{dc="$dc"}` }],
    },
  ],
};

const source = {
  uid: 'links-source',
  title: 'Links source',
  tags: ['links'],
  schemaVersion: 39,
  templating: { list: variables },
  links: [
    {
      type: 'link',
      title: 'Target',
      tooltip: 'The other dashboard',
      url: '/d/links-target/links-target?orgId=1',
      includeVars: true,
      keepTime: true,
      icon: 'dashboard',
    },
    {
      type: 'dashboards',
      title: 'Related',
      tags: ['links'],
      asDropdown: true,
      includeVars: true,
      keepTime: false,
    },
    { type: 'link', title: XSS_TITLE, url: 'javascript:window.__xss=1' },
  ],
  panels: [
    {
      type: 'timeseries',
      title: 'Temps',
      datasource: DS,
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      links: [
        {
          title: 'Runbook $dc',
          url: 'https://runbook.example/t?dc=${dc}&note=$note&${__url_time_range}',
          targetBlank: true,
        },
        { title: XSS_TITLE, url: 'java\nscript:window.__xss=1' },
      ],
      fieldConfig: {
        defaults: {
          unit: 'celsius',
          links: [
            {
              title: 'Explore ${__field.labels.dc}',
              url: 'https://explore.example/?dc=${__field.labels.dc}&v=${__value.raw}&t=${__value.time}',
            },
          ],
        },
        overrides: [],
      },
      targets: [{ refId: 'A', expr: `${M}{dc="$dc"}`, legendFormat: '{{dc}}' }],
    },
    {
      type: 'table',
      title: 'Table',
      datasource: DS,
      gridPos: { x: 12, y: 0, w: 12, h: 8 },
      fieldConfig: {
        defaults: {
          links: [
            {
              title: 'Details ${__field.labels.dc}',
              url: 'https://details.example/${__field.labels.dc}?v=${__value.raw}&note=${note}&${__url_time_range}',
            },
          ],
        },
        overrides: [],
      },
      targets: [{ refId: 'A', expr: M, instant: true, format: 'table' }],
    },
    {
      type: 'table-old',
      title: 'Old table',
      datasource: DS,
      gridPos: { x: 0, y: 8, w: 12, h: 8 },
      transform: 'table',
      styles: [
        {
          pattern: 'dc',
          type: 'string',
          link: true,
          linkUrl: 'https://old.example/dc/$__cell?value=$__cell_3&note=$note',
          linkTooltip: 'Open $__cell',
          linkTargetBlank: true,
        },
        { pattern: '/.*/', type: 'number', unit: 'celsius', decimals: 3 },
        {
          pattern: 'Value',
          type: 'number',
          unit: 'celsius',
          decimals: 3,
          colorMode: 'cell',
          thresholds: ['20'],
          colors: ['#0000ff', '#ff0000'],
        },
      ],
      targets: [{ refId: 'A', expr: M, instant: true, format: 'table' }],
    },
    {
      type: 'stat',
      title: 'Stat links',
      datasource: DS,
      gridPos: { x: 12, y: 8, w: 12, h: 8 },
      fieldConfig: {
        defaults: {
          links: [
            {
              title: 'Go ${__field.labels.dc}',
              url: 'https://stat.example/${__field.labels.dc}?v=${__value.raw}&note=${note}',
            },
            { title: 'Runbook', url: 'https://runbook.example/${__field.name}' },
          ],
        },
        overrides: [],
      },
      options: { reduceOptions: { calcs: ['lastNotNull'] } },
      targets: [{ refId: 'A', expr: M, instant: true, legendFormat: '{{dc}}' }],
    },
  ],
};

const { fromMs, toMs } = fixtureWindow();
const TIME = `from=${fromMs}&to=${toMs}`;

/** The fixture's temperatures at the window's end, by data centre (the Prometheus API). */
async function temperatures(): Promise<Record<string, string>> {
  const v = await promApi<Vector>('/api/v1/query', { query: M, time: toMs / 1000 });
  return Object.fromEntries(v.result.map((r) => [r.metric.dc!, String(Number(r.value[1]))]));
}

async function openSource(page: Page, extra = '') {
  await openAt(page, 'links-source', undefined, `&var-dc=nyc&var-note=${NOTE_ENC}${extra}`);
  await expect(panel(page, 'Table')).toHaveAttribute('data-state', 'ok');
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
  await importDashboard(page, JSON.stringify(target));
  await importDashboard(page, JSON.stringify(source));
});

test('dashboard, panel and data links carry variables and time, encoded (real Prometheus)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const temps = await temperatures();
  expect(Object.keys(temps).sort()).toEqual([...DCS].sort());
  await openSource(page);

  // dashboard link: Grafana's /d/<uid> made Scry's, keepTime then includeVars
  const links = page.getByTestId('dashboard-links');
  const toTarget = links.getByRole('link', { name: 'Target', exact: true });
  const targetHref = `#/d/links-target?orgId=1&${TIME}&var-dc=nyc&var-note=${NOTE_ENC}`;
  await expect(toTarget).toHaveAttribute('href', targetHref);
  await expect(toTarget).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(toTarget).toHaveAttribute('title', `The other dashboard\n${targetHref}`);
  await expect(toTarget).not.toHaveAttribute('target', /./);

  // the javascript: link is drawn without an href; its title stays text
  const blocked = links.getByTestId('dashboard-link').filter({ hasText: XSS_TITLE });
  await expect(blocked).toHaveCount(1);
  await expect(blocked).not.toHaveAttribute('href', /./);

  // a "dashboards" link: the stored dashboards with its tags, the current one left out
  await page.getByTestId('dashboard-link-dropdown').click();
  const related = page.getByRole('menuitem');
  await expect(related).toHaveCount(1);
  await expect(related).toHaveAccessibleName('Links target');
  await expect(related).toHaveAttribute('href', `#/d/links-target?var-dc=nyc&var-note=${NOTE_ENC}`);
  await page.keyboard.press('Escape');
  await page.getByTestId('dashboard-title').click();

  // panel links: interpolated with the variables and $__url_time_range
  const temps_ = panel(page, 'Temps');
  await temps_.getByTestId('panel-links-button').click();
  const runbook = temps_.getByTestId('panel-link').filter({ hasText: 'Runbook nyc' });
  await expect(runbook).toHaveAttribute(
    'href',
    `https://runbook.example/t?dc=nyc&note=${NOTE_ENC}&${TIME}`,
  );
  await expect(runbook).toHaveAttribute('target', '_blank');
  await expect(runbook).toHaveAttribute('rel', 'noopener noreferrer');
  const evil = temps_.getByTestId('panel-link').filter({ hasText: XSS_TITLE });
  await expect(evil).not.toHaveAttribute('href', /./);
  await temps_.getByTestId('panel-links-button').click();

  // table data links: every cell, ${__field.labels.dc} and ${__value.raw} from Prometheus
  const table = panel(page, 'Table');
  for (const dc of DCS) {
    const cell = table.locator('tr', { hasText: dc }).locator('td[data-column="Value"] a');
    await expect(cell).toHaveAttribute(
      'href',
      `https://details.example/${dc}?v=${temps[dc]}&note=${NOTE_ENC}&${TIME}`,
    );
    await expect(cell).toHaveAttribute('rel', 'noopener noreferrer');
  }

  // old table style: $__cell and $__cell_N (Time, __name__, dc, Value) on the dc column only
  const old = panel(page, 'Old table');
  for (const dc of DCS) {
    const cell = old.locator(`td[data-column="dc"] a`, { hasText: dc });
    const href = `https://old.example/dc/${dc}?value=${temps[dc]}&note=${NOTE_ENC}`;
    await expect(cell).toHaveAttribute('href', href);
    await expect(cell).toHaveAttribute('title', `Open ${dc}\n${href}`);
    await expect(cell).toHaveAttribute('target', '_blank');
  }
  await expect(old.locator('td[data-column="Value"] a')).toHaveCount(0);
  // the Value style's colour thresholds: blue below 20, red from 20 on (cell background)
  for (const dc of DCS) {
    const cell = old.locator('tr', { hasText: dc }).locator('td[data-column="Value"]');
    await expect(cell).toHaveCSS(
      'background-color',
      Number(temps[dc]) < 20 ? 'rgb(0, 0, 255)' : 'rgb(255, 0, 0)',
    );
  }

  // time series tooltip: the hovered series' data links, clickable once pinned
  const plot = temps_.locator('.u-over');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = temps_.getByTestId('tooltip');
  const link = tooltip.getByTestId('tooltip-link');
  await expect(link).toHaveText('Explore nyc');
  const t = await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms');
  const v = await tooltip.locator('.tt-value').getAttribute('data-value');
  const point = await promApi<Vector>('/api/v1/query', {
    query: `${M}{dc="nyc"}`,
    time: Number(t) / 1000,
  });
  expect(String(Number(point.result[0]!.value[1]))).toBe(v);
  await expect(link).toHaveAttribute('href', `https://explore.example/?dc=nyc&v=${v}&t=${t}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(tooltip).toHaveClass(/pinned/);
  // the pointer can travel to the pinned tooltip's link
  const lb = (await link.boundingBox())!;
  await page.mouse.move(lb.x + 4, lb.y + lb.height / 2, { steps: 5 });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

  // following the dashboard link opens the other dashboard with the variables and time applied
  await toTarget.click();
  await expect(page).toHaveURL(new RegExp(`#/d/links-target\\?orgId=1&${TIME}&var-dc=nyc`));
  await expect(page.getByTestId('variable-dc')).toHaveAttribute('data-value', 'nyc');
  await expect(page.getByTestId('variable-note').locator('input')).toHaveValue(NOTE);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});

test('stat data links: a value opens its links, with its labels and value from Prometheus', async ({
  page,
}) => {
  const temps = await temperatures();
  await openSource(page);
  const stat = panel(page, 'Stat links');
  await expect(stat).toHaveAttribute('data-state', 'ok');
  for (const dc of DCS) {
    const tile = stat.locator(`[data-testid="stat"][data-name="${dc}"]`);
    await expect(tile.getByTestId('stat-value')).toHaveAttribute('data-value', temps[dc]!);
    await tile.getByTestId('value-links-button').click();
    const items = tile.getByTestId('value-link');
    await expect(items).toHaveText([`Go ${dc}`, 'Runbook']);
    await expect(items.first()).toHaveAttribute(
      'href',
      `https://stat.example/${dc}?v=${temps[dc]}&note=${NOTE_ENC}`,
    );
    await expect(items.nth(1)).toHaveAttribute('href', `https://runbook.example/${dc}`);
    await expect(items.first()).toHaveAttribute('rel', 'noopener noreferrer');
    // a press elsewhere closes the menu
    await page.getByTestId('dashboard-title').click();
    await expect(tile.getByTestId('value-links-menu')).toHaveCount(0);
  }
});

test('dashboard links are edited in the settings', async ({ page }) => {
  await openSource(page);
  await page.getByTestId('edit-toggle').click();
  await page.getByTestId('dashboard-settings-button').click();
  const settings = page.getByTestId('link-settings');
  await expect(settings.getByTestId('link-form')).toHaveCount(3);
  await settings.getByTestId('link-add').click();
  const added = settings.getByTestId('link-form').nth(3);
  await added.getByTestId('link-title').fill('Docs $dc');
  await added.getByTestId('link-url').fill('javascript:alert(1)');
  await expect(added.getByTestId('link-problem')).toHaveText(
    'Only http(s) and relative links open (not javascript:, data: …)',
  );
  await added.getByTestId('link-url').fill('https://docs.example/$dc');
  await expect(added.getByTestId('link-problem')).toHaveCount(0);
  await added.getByTestId('link-keep-time').check();
  const docs = page.getByTestId('dashboard-links').getByRole('link', { name: 'Docs nyc' });
  await expect(docs).toHaveAttribute('href', `https://docs.example/nyc?${TIME}`);
  // removing the javascript: one
  await settings.getByTestId('link-form').nth(2).getByTestId('link-delete').click();
  await expect(settings.getByTestId('link-form')).toHaveCount(3);
  await expect(page.getByTestId('dashboard-link').filter({ hasText: XSS_TITLE })).toHaveCount(0);
});

test('screenshots: links at 1 000 and 1 440 px, light and dark', async ({ page }, info) => {
  test.setTimeout(120_000);
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1000, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      await openSource(page, `&theme=${theme}`);
      await page.getByTestId('dashboard-link-dropdown').click();
      await page.screenshot({ path: info.outputPath(`links-${theme}-${width}.png`) });
      await page.keyboard.press('Escape');
      await page.getByTestId('dashboard-title').click();
      const box = (await panel(page, 'Temps').locator('.u-over').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
      await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
      await expect(panel(page, 'Temps').getByTestId('tooltip')).toHaveClass(/pinned/);
      await page.screenshot({ path: info.outputPath(`links-tooltip-${theme}-${width}.png`) });
      await page.keyboard.press('Escape');
      const stat = panel(page, 'Stat links');
      await stat
        .locator('[data-testid="stat"][data-name="fra"]')
        .getByTestId('value-links-button')
        .hover();
      await stat
        .locator('[data-testid="stat"][data-name="fra"]')
        .getByTestId('value-links-button')
        .click();
      await page.screenshot({ path: info.outputPath(`links-stat-${theme}-${width}.png`) });
      await page.getByTestId('dashboard-title').click();
    }
  }
  await open(page, '#/');
});
