// Per-series overrides and the second y axis (issue 13): a Grafana dashboard with the mirrored
// in/out chart every ops dashboard has — the legacy graph's `seriesOverrides` and the time
// series' `fieldConfig.overrides` — imports into Scry's overrides. The mirrored series is drawn
// below zero while its tooltip shows the API's own (positive) value, the right axis carries its
// unit, the override colour is the legend swatch's; the editor's Overrides section edits them.
import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  env,
  importDashboard,
  open,
  panel,
  promApi,
  rangeRequests,
  type Matrix,
} from './support/app';
import { hoverSeries, valueAt } from './support/tooltip';
import { fixtureWindow } from './support/window';

const BY_METHOD = 'sum by (method) (rate(scry_http_requests_total{job="api"}[5m]))';
const TEMP = 'avg(scry_temperature_celsius)';

test.beforeEach(async ({ page }) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

const targets = [
  { refId: 'A', expr: BY_METHOD, legendFormat: '{{method}}' },
  { refId: 'B', expr: TEMP, legendFormat: 'temperature' },
];

/** Grafana 7 graph (seriesOverrides, aliasColors) and Grafana 10 time series (overrides). */
const grafanaDashboard = JSON.stringify({
  uid: 'overrides',
  title: 'Overrides',
  schemaVersion: 38,
  panels: [
    {
      id: 1,
      type: 'graph',
      title: 'Legacy graph',
      gridPos: { x: 0, y: 0, w: 12, h: 10 },
      yaxes: [
        { format: 'reqps', show: true },
        { format: 'celsius', show: true },
      ],
      lines: true,
      linewidth: 1,
      aliasColors: { GET: '#8000ff' },
      seriesOverrides: [
        { alias: '/POST/', transform: 'negative-Y' },
        { alias: 'temperature', yaxis: 2, color: '#ff8000' },
      ],
      legend: { show: true },
      targets,
    },
    {
      id: 2,
      type: 'timeseries',
      title: 'Time series',
      gridPos: { x: 12, y: 0, w: 12, h: 10 },
      fieldConfig: {
        defaults: { unit: 'reqps', custom: { drawStyle: 'line', lineWidth: 1 } },
        overrides: [
          {
            matcher: { id: 'byRegexp', options: '/POST/' },
            properties: [{ id: 'custom.transform', value: 'negative-Y' }],
          },
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [
              { id: 'custom.axisPlacement', value: 'right' },
              { id: 'unit', value: 'celsius' },
              { id: 'color', value: { mode: 'fixed', fixedColor: '#ff8000' } },
            ],
          },
          {
            matcher: { id: 'byName', options: 'GET' },
            properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: '#8000ff' } }],
          },
        ],
      },
      options: { legend: { displayMode: 'list', placement: 'bottom' } },
      targets,
    },
  ],
});

const TITLES = ['Legacy graph', 'Time series'];

async function openBoard(page: Page, extra = '') {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/overrides?from=${fromMs}&to=${toMs}&tz=utc${extra}`);
  for (const t of TITLES) await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
}

/** The Prometheus API's answer to what the panel sent for `expr`. */
async function apiAnswer(sent: URLSearchParams[], expr: string): Promise<Matrix> {
  await expect.poll(() => sent.some((p) => p.get('query') === expr)).toBe(true);
  const p = sent.find((s) => s.get('query') === expr)!;
  return promApi<Matrix>('/api/v1/query_range', {
    query: expr,
    start: p.get('start')!,
    end: p.get('end')!,
    step: p.get('step')!,
  });
}

test('imported negative-Y and right-axis overrides: mirrored plot, API values, right unit, colours', async ({
  page,
}) => {
  await importDashboard(page, grafanaDashboard);
  await open(page, '#/');
  const sent = rangeRequests(page, (p) => p);
  await openBoard(page);
  const byMethod = await apiAnswer(sent, BY_METHOD);
  const temp = await apiAnswer(sent, TEMP);
  expect(byMethod.result.map((s) => s.metric.method).sort()).toEqual(['GET', 'POST']);

  for (const title of TITLES) {
    const p = panel(page, title);
    // the tooltip shows the API's values, the mirrored POST too (positive, as Prometheus has it)
    for (const fx of [0.3, 0.7]) {
      const { tMs, values } = await hoverSeries(page, title, fx);
      const want = valueAt(byMethod, tMs, (l) => l.method!);
      for (const [k, v] of valueAt(temp, tMs, () => 'temperature')) want.set(k, v);
      expect(values, `${title} at ${fx}`).toEqual(want);
      expect(values.get('POST')!).toBeGreaterThan(0);
    }
    await page.mouse.move(0, 0);

    // two axes: req/s on the left reaching below zero (the mirrored series), °C on the right
    const plot = p.locator('.ts-plot');
    await expect(plot).toHaveAttribute('data-y-axis-right', /°C/);
    const right = (await plot.getAttribute('data-y-axis-right'))!.split('|');
    expect(
      right.every((l) => l.endsWith(' °C')),
      right.join(', '),
    ).toBe(true);
    const left = (await plot.getAttribute('data-y-axis-left'))!.split('|');
    expect(
      left.every((l) => l.endsWith(' req/s')),
      left.join(', '),
    ).toBe(true);
    expect(
      left.some((l) => /^[-−]\d/.test(l)),
      `negative ticks in ${left.join(', ')}`,
    ).toBe(true);
    expect(
      left.some((l) => /^\d/.test(l) && !l.startsWith('0 ')),
      left.join(', '),
    ).toBe(true);

    // the override colours are the legend swatches'
    const swatch = (name: string) =>
      p.getByTestId('legend-item').filter({ hasText: name }).locator('.swatch');
    await expect(swatch('GET')).toHaveCSS('background-color', 'rgb(128, 0, 255)');
    await expect(swatch('temperature')).toHaveCSS('background-color', 'rgb(255, 128, 0)');
  }
});

test('the editor lists the overrides with what they match, and a new one applies at once', async ({
  page,
}) => {
  await importDashboard(page, grafanaDashboard);
  await openBoard(page);
  await panel(page, 'Time series').getByLabel('Panel menu').click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = page.getByTestId('panel-editor');
  const section = editor.getByTestId('overrides');
  await expect(section.getByTestId('override')).toHaveCount(3);
  await expect(section.getByTestId('override-count')).toHaveText([
    'matches 1 series',
    'matches 1 series',
    'matches 1 series',
  ]);
  await expect(section.getByTestId('override-property')).toHaveCount(5);

  // a typed regex that is not one says so where it is typed
  const first = section.getByTestId('override-match').first();
  await first.fill('/POST(/');
  await expect(section.getByTestId('override-error')).toContainText('Not a regular expression');
  await first.fill('/POST|GET/');
  await expect(section.getByTestId('override-count').first()).toHaveText('matches 2 series');

  // a new override: hide GET from the legend, graph and tooltip; the preview follows
  const preview = editor.locator('.preview');
  await expect(preview.getByTestId('legend-item')).toHaveCount(3);
  await section.getByTestId('override-add').click();
  const added = section.getByTestId('override').last();
  await added.getByTestId('override-match').fill('GET');
  await expect(added.getByTestId('override-count')).toHaveText('matches 1 series');
  await added.getByTestId('override-add-property').selectOption('custom.hideFrom');
  await expect(preview.getByTestId('legend-item')).toHaveCount(2);
  await expect(preview.getByTestId('legend-item').filter({ hasText: 'GET' })).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const)
  test(`screenshots of the chart and the Overrides section in ${theme}`, async ({ page }, info) => {
    await importDashboard(page, grafanaDashboard);
    await openBoard(page, `&theme=${theme}`);
    for (const width of [1000, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      const path = info.outputPath(`overrides-${theme}-${width}.png`);
      await page.screenshot({ path });
      await info.attach(`overrides-${theme}-${width}`, { path, contentType: 'image/png' });
    }
    await panel(page, 'Time series').getByLabel('Panel menu').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const section = page.getByTestId('panel-editor').getByTestId('overrides');
    await section.scrollIntoViewIfNeeded();
    for (const width of [1000, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      await section.scrollIntoViewIfNeeded();
      const path = info.outputPath(`editor-${theme}-${width}.png`);
      await page.screenshot({ path });
      await info.attach(`editor-${theme}-${width}`, { path, contentType: 'image/png' });
    }
  });
