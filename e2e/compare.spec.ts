import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  panel,
  promApi,
  rangeRequests,
  storedDashboards,
  type Matrix,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

// Compare to the past on the backfilled fixture (6 h of data): the last 4 h compared with 1 h
// before, so both windows are inside the fixture's history. The oracle for every "then" value is
// the Prometheus API's own `offset` query.

const HOUR = 3_600_000;
const TEMP = 'scry_temperature_celsius{dc="ams"}';
const TEMP_1H_AGO = 'scry_temperature_celsius{dc="ams"} offset 1h';

function range() {
  const { toMs } = fixtureWindow();
  return { fromMs: toMs - 4 * HOUR, toMs };
}

const DASH = dashboardJson('compare', 'Compare', [
  {
    title: 'Temperature',
    expr: TEMP,
    legend: '{{dc}}',
    w: 16,
    h: 9,
    options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean'] } },
  },
  { title: 'Now', expr: TEMP, type: 'stat', instant: true, x: 16, w: 8, h: 9, y: 0 },
]);

test.beforeEach(async ({ page }) => {
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

async function instant(expr: string, timeMs: number): Promise<number> {
  const v = await promApi<Vector>('/api/v1/query', { query: expr, time: timeMs / 1000 });
  expect(v.result).toHaveLength(1);
  return Number(v.result[0]!.value[1]);
}

/** Hovers the chart at `fx` of its width: the present time and value, and the past row. */
async function hoverPast(page: Page, fx: number) {
  const p = panel(page, 'Temperature');
  await page.mouse.move(0, 0);
  const box = (await p.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * fx, box.y + box.height / 2);
  const tooltip = p.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  const tMs = Number(await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms'));
  const now = Number(await tooltip.locator('.tt-row .tt-value').getAttribute('data-value'));
  const past = tooltip.getByTestId('tooltip-past');
  await expect(past).toHaveCount(1);
  return {
    tMs,
    now,
    then: Number(await past.getAttribute('data-then')),
    thenMs: Number(await past.getAttribute('data-then-time-ms')),
    text: (await past.textContent()) ?? '',
    pct: Number(await past.getAttribute('data-pct')),
  };
}

const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

test('compare 1 h: the tooltip shows the value then, equal to the API offset query, at its real time', async ({
  page,
}) => {
  const { fromMs, toMs } = range();
  await importDashboard(page, DASH);
  await open(page, '#/');
  const sent = rangeRequests(page, (p) => ({
    query: p.get('query'),
    start: Number(p.get('start')),
    end: Number(p.get('end')),
    step: p.get('step'),
  }));
  await open(page, `#/d/compare?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('compare-select').selectOption('1h');
  await expect(page).toHaveURL(/[?&]compare=1h(&|$)/);
  const chart = panel(page, 'Temperature');
  await expect(chart.getByTestId('legend-past-item')).toHaveText('ams (1 h ago)');

  // the past is the same range query moved back by the offset, on the same step
  await expect.poll(() => sent.filter((r) => r.query === TEMP).length).toBeGreaterThanOrEqual(2);
  const reqs = sent.filter((r) => r.query === TEMP);
  const present = reqs.find((r) => r.end * 1000 > toMs - HOUR)!;
  expect(reqs).toContainEqual({ ...present, start: present.start - 3600, end: present.end - 3600 });

  // the legend's mean: now vs then, over the same grid as the API's range answers
  const mean = async (expr: string) => {
    const m = await promApi<Matrix>('/api/v1/query_range', {
      query: expr,
      start: present.start,
      end: present.end,
      step: present.step!,
    });
    const v = m.result[0]!.values.map(([, x]) => Number(x));
    return v.reduce((a, b) => a + b, 0) / v.length;
  };
  const [meanNow, meanThen] = [await mean(TEMP), await mean(TEMP_1H_AGO)];
  const calcDelta = chart.getByTestId('legend-calc-delta');
  await expect(calcDelta).toHaveCount(1);
  expect(Number(await calcDelta.getAttribute('data-pct'))).toBeCloseTo(
    ((meanNow - meanThen) / Math.abs(meanThen)) * 100,
    6,
  );

  for (const fx of [0.3, 0.75]) {
    const h = await hoverPast(page, fx);
    expect(h.thenMs).toBe(h.tMs - HOUR);
    expect(h.then).toBe(await instant(TEMP_1H_AGO, h.tMs));
    expect(h.now).toBe(await instant(TEMP, h.tMs));
    // its real time; the date only where it differs from the hovered one
    const then = utc(h.thenMs);
    const sameDay = then.slice(0, 10) === utc(h.tMs).slice(0, 10);
    expect(h.text).toContain(`1 h ago · ${sameDay ? then.slice(11) : then}`);
    expect(h.pct).toBeCloseTo(((h.now - h.then) / Math.abs(h.then)) * 100, 9);
    expect(h.text).toMatch(h.now > h.then ? /▲ \+.* · \+[\d.]+ %/ : /▼ −.* · −[\d.]+ %/);
  }

  // the stat: the value now vs the value an hour before, signed
  const stat = panel(page, 'Now').getByTestId('stat-compare');
  const now = await instant(TEMP, toMs);
  const then = await instant(TEMP_1H_AGO, toMs);
  await expect(stat).toHaveAttribute('data-then', String(then));
  const pct = ((now - then) / Math.abs(then)) * 100;
  expect(Number(await stat.getAttribute('data-pct'))).toBeCloseTo(pct, 9);
  await expect(stat).toHaveText(
    pct > 0 ? /^vs 1 h ago: ▲ \+[\d.]+ %$/ : /^vs 1 h ago: ▼ −[\d.]+ %$/,
  );
  await expect(stat).toHaveClass(pct > 0 ? /delta-up/ : /delta-down/);

  // the inspector lists the past request beside the present one, with its own range
  await chart.getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  const iso = (sec: number) => new Date(sec * 1000).toISOString();
  const target = (refId: string) =>
    page.locator(`[data-testid="inspect-target"][data-ref-id="${refId}"]`);
  await expect(target('A').getByTestId('inspect-step')).toHaveText(
    `${iso(present.start)} → ${iso(present.end)}, step ${present.step}s`,
  );
  await expect(target('A (1 h ago)').getByTestId('inspect-step')).toHaveText(
    `${iso(present.start - 3600)} → ${iso(present.end - 3600)}, step ${present.step}s`,
  );
  await expect(target('A (1 h ago)').getByTestId('inspect-expr')).toHaveText(TEMP);
});

test('&compare= round-trips through the URL, and is saved with the dashboard in edit mode', async ({
  page,
}) => {
  const { fromMs, toMs } = range();
  await importDashboard(page, DASH);
  const url = `#/d/compare?from=${fromMs}&to=${toMs}&tz=utc`;

  // a link with &compare= opens compared
  await open(page, `${url}&compare=2h`);
  await expect(page.getByTestId('compare-select')).toHaveValue('2h');
  await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toHaveText(
    'ams (2 h ago)',
  );
  await expect(panel(page, 'Now').getByTestId('stat-compare')).toContainText('vs 2 h ago:');
  // Off leaves the URL (the dashboard's saved setting is off)
  await page.getByTestId('compare-select').selectOption('off');
  await expect(page).not.toHaveURL(/compare=/);
  await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toHaveCount(0);
  await expect(panel(page, 'Now').getByTestId('stat-compare')).toHaveCount(0);

  // a custom offset, typed; a bad one is refused where it was typed
  await page.getByTestId('compare-select').selectOption('custom');
  await page.getByTestId('compare-custom').fill('soon');
  await page.getByTestId('compare-custom').press('Enter');
  await expect(page.getByTestId('compare-error')).toContainText('"soon" is not a duration');
  await page.getByTestId('compare-custom').fill('90m');
  await page.getByTestId('compare-custom').press('Enter');
  await expect(page).toHaveURL(/[?&]compare=1h30m(&|$)/);
  await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toHaveText(
    'ams (1 h 30 min ago)',
  );

  // a bad value in a link is named, and the saved setting (off) applies
  await open(page, `${url}&compare=yesterday`);
  await expect(page.getByTestId('compare-error')).toContainText('"yesterday" is not a duration');
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toHaveCount(0);

  // in edit mode the choice is the dashboard's: saved, and shown after a reload without &compare=
  await open(page, url);
  await page.getByTestId('edit-toggle').click();
  await page.getByTestId('compare-select').selectOption('1h');
  await expect(page).not.toHaveURL(/compare=/);
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
  expect((await storedDashboards(page)).compare).toMatchObject({ compare: '1h' });
  await open(page, url);
  await expect(page.getByTestId('compare-select')).toHaveValue('1h');
  await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toHaveText(
    'ams (1 h ago)',
  );
  // &compare=off in a link turns the saved comparison off for that view only
  await open(page, `${url}&compare=off`);
  await expect(page.getByTestId('compare-select')).toHaveValue('off');
  await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toHaveCount(0);
});

test('a panel compares on its own: its setting overrides the dashboard', async ({ page }) => {
  const { fromMs, toMs } = range();
  await importDashboard(
    page,
    dashboardJson('compare-panel', 'Compare panel', [
      { title: 'Own', expr: TEMP, legend: '{{dc}}' },
      { title: 'Dashboard', expr: TEMP, legend: '{{dc}}', x: 12, y: 0 },
    ]).replace('"id":1,', '"id":1,"compare":"1h",'),
  );
  await open(page, `#/d/compare-panel?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(page, 'Own').getByTestId('legend-past-item')).toHaveText('ams (1 h ago)');
  await expect(panel(page, 'Dashboard')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Dashboard').getByTestId('legend-past-item')).toHaveCount(0);
  await page.getByTestId('compare-select').selectOption('1w');
  // the fixture has no data a week back: the dashboard's panel has no past line, the panel
  // with its own setting keeps 1 h
  await expect(panel(page, 'Own').getByTestId('legend-past-item')).toHaveText('ams (1 h ago)');
});

test('below 1 280 px the comparison is chosen in the time picker', async ({ page }) => {
  const { fromMs, toMs } = range();
  await importDashboard(page, DASH);
  await page.setViewportSize({ width: 1000, height: 800 });
  await open(page, `#/d/compare?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(page.getByTestId('compare-badge')).toHaveCount(0);
  await page.getByTestId('time-picker').click();
  await page.getByTestId('compare-select-in-picker').selectOption('1h');
  await expect(page).toHaveURL(/[?&]compare=1h(&|$)/);
  await expect(page.getByTestId('compare-badge')).toHaveText('vs 1h');
  await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toHaveText(
    'ams (1 h ago)',
  );
});

for (const theme of ['light', 'dark'] as const)
  test(`screenshots at 1 000 and 1 440 px in ${theme}`, async ({ page }, info) => {
    const { fromMs, toMs } = range();
    await importDashboard(page, DASH);
    await open(page, '#/');
    await page.getByTestId('theme-picker').selectOption(theme);
    await open(page, `#/d/compare?from=${fromMs}&to=${toMs}&tz=utc&compare=1h`);
    await expect(panel(page, 'Temperature').getByTestId('legend-past-item')).toBeVisible();
    await expect(panel(page, 'Now').getByTestId('stat-compare')).toBeVisible();
    for (const width of [1000, 1440]) {
      await page.setViewportSize({ width, height: 700 });
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      await page.waitForTimeout(300);
      await hoverPast(page, 0.6);
      // below 1 280 px the picker lives in the time picker, whose button says a comparison is on
      await expect(page.getByTestId('compare-badge')).toBeVisible({ visible: width < 1280 });
      await expect(page.getByTestId('compare-select')).toBeVisible({ visible: width >= 1280 });
      const path = info.outputPath(`compare-${theme}-${width}.png`);
      await page.screenshot({ path });
      await info.attach(`compare-${theme}-${width}`, { path, contentType: 'image/png' });
      // the toolbar stays on one line with the picker in it
      const rows = await page.locator('.dash-toolbar').evaluate((el) => {
        const mids = new Set<number>();
        for (const c of el.children) {
          const h = c as HTMLElement;
          if (h.classList.contains('var-bar') || h.offsetParent === null) continue;
          const r = h.getBoundingClientRect();
          if (r.width > 0 && r.height > 0) mids.add(Math.round((r.top + r.bottom) / 2 / 8));
        }
        return mids.size;
      });
      expect(rows, `toolbar rows at ${width} px`).toBe(1);
    }
  });
