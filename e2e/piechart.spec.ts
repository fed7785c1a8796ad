// Pie charts (issue 13): both Grafana pie types import as Scry's pie chart, and what the legend
// and tooltip show equals the Prometheus API's answer for the same range, reduced.
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
import { fixtureWindow } from './support/window';

const EXPR = 'sum by (dc) (scry_temperature_celsius)';

test.beforeEach(async ({ page }) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

/** A Grafana 10 dashboard with the core pie chart (donut) and the legacy plugin's pie. */
const grafanaDashboard = JSON.stringify({
  uid: 'pies',
  title: 'Pies',
  schemaVersion: 38,
  panels: [
    {
      id: 1,
      type: 'piechart',
      title: 'Core donut',
      gridPos: { x: 0, y: 0, w: 12, h: 9 },
      fieldConfig: {
        defaults: { unit: 'celsius', color: { mode: 'palette-classic' } },
        overrides: [
          {
            matcher: { id: 'byName', options: 'fra' },
            properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: '#8000ff' } }],
          },
        ],
      },
      options: {
        pieType: 'donut',
        reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
        legend: { displayMode: 'table', placement: 'right', values: ['value', 'percent'] },
        displayLabels: ['percent'],
      },
      targets: [{ refId: 'A', expr: EXPR, legendFormat: '{{dc}}' }],
    },
    {
      id: 2,
      type: 'grafana-piechart-panel',
      title: 'Legacy pie',
      gridPos: { x: 12, y: 0, w: 12, h: 9 },
      pieType: 'pie',
      valueName: 'avg',
      format: 'celsius',
      decimals: 2,
      legendType: 'Under graph',
      legend: { show: true, values: true, percentage: true },
      combine: { threshold: 0, label: 'Others' },
      targets: [{ refId: 'A', expr: EXPR, legendFormat: '{{dc}}' }],
    },
  ],
});

interface LegendRow {
  name: string;
  value: number;
  percent: string;
}

async function legendRows(page: Page, title: string): Promise<LegendRow[]> {
  const items = panel(page, title).getByTestId('pie-legend-item');
  const out: LegendRow[] = [];
  for (const li of await items.all()) {
    out.push({
      name: (await li.getAttribute('data-name'))!,
      value: Number(await li.getAttribute('data-value')),
      percent: (await li.getByTestId('pie-legend-percent').textContent())!,
    });
  }
  return out;
}

const percent = (f: number) => `${f * 100 < 10 ? (f * 100).toFixed(1) : (f * 100).toFixed(0)} %`;

test('Grafana pie charts (core donut and legacy plugin) show the API values, shares and tooltip', async ({
  page,
}) => {
  await importDashboard(page, grafanaDashboard);
  await open(page, '#/');
  const sent = rangeRequests(page, (p) => Object.fromEntries(p));
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/pies?from=${fromMs}&to=${toMs}&tz=utc`);
  for (const t of ['Core donut', 'Legacy pie'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Core donut').getByTestId('pie-panel')).toHaveAttribute(
    'data-pie-type',
    'donut',
  );
  await expect(panel(page, 'Legacy pie').getByTestId('pie-panel')).toHaveAttribute(
    'data-pie-type',
    'pie',
  );

  const p = sent.find((s) => s.query === EXPR);
  expect(p, 'the pies sent their query').toBeDefined();
  const m = await promApi<Matrix>('/api/v1/query_range', {
    query: EXPR,
    start: p!.start!,
    end: p!.end!,
    step: p!.step!,
  });
  expect(m.result.length).toBeGreaterThan(1);
  const series = m.result.map((s) => ({
    dc: s.metric.dc!,
    values: s.values.map((v) => Number(v[1])),
  }));

  for (const [title, reduce] of [
    ['Core donut', (v: number[]) => v.at(-1)!],
    ['Legacy pie', (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length],
  ] as const) {
    const expected = series
      .map((s) => ({ name: s.dc, value: reduce(s.values) }))
      .sort((a, b) => b.value - a.value);
    const total = expected.reduce((a, s) => a + s.value, 0);
    const shown = await legendRows(page, title);
    // the core pie keeps the query's order (Grafana's, unless its legend sorts); legacy sorts
    const order =
      title === 'Legacy pie'
        ? expected
        : [...expected].sort((a, b) => a.name.localeCompare(b.name));
    expect(shown.map((r) => r.name)).toEqual(order.map((e) => e.name));
    for (const e of expected) {
      const row = shown.find((r) => r.name === e.name)!;
      expect(Math.abs(row.value - e.value)).toBeLessThanOrEqual(1e-9 * Math.abs(e.value));
      expect(row.percent).toBe(percent(e.value / total));
    }
  }

  // the tooltip of the slice right of the donut's centre: the first slice (from 12 o'clock)
  const donut = panel(page, 'Core donut');
  const canvas = donut.getByTestId('pie-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.1);
  await expect(donut.getByTestId('pie-tooltip')).toBeVisible();
  const first = (await legendRows(page, 'Core donut'))[0]!;
  await expect(donut.getByTestId('pie-tooltip-name')).toHaveText(first.name);
  await expect(donut.getByTestId('pie-tooltip-value')).toHaveText(/°C$/);
  // the byName colour override was carried over: its legend swatch is the fixed colour
  await expect(donut.locator('[data-name="fra"] .swatch')).toHaveCSS(
    'background-color',
    'rgb(128, 0, 255)',
  );
  await page.screenshot({ path: test.info().outputPath('pies.png') });
});
