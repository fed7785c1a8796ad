import { expect, test, type Browser, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import {
  dashboardJson,
  env,
  importDashboard,
  panel,
  promApi,
  storedDashboards,
  type Vector,
} from './support/app';
import { DCS } from './fixture/env';
import { fixtureWindow } from './support/window';

// Sharing runs on the provisioned server: its config.json gives every browser the datasource
// "fixture", as a team's Scry would, so a fresh browser (no storage) can draw a shared dashboard.
const base = () => env('SCRY_PROVISIONED_URL');
const { fromMs, toMs } = fixtureWindow();
// two browser contexts per test on a shared machine
test.describe.configure({ timeout: 120_000 });

const board = (uid: string, title: string) =>
  dashboardJson(
    uid,
    title,
    [
      { title: 'Temperature', expr: 'scry_temperature_celsius{dc=~"$dc"}', legend: '{{dc}}' },
      {
        title: 'Average',
        type: 'stat',
        expr: 'avg(scry_temperature_celsius{dc=~"$dc"})',
        x: 12,
        y: 0,
      },
    ],
    {
      timezone: 'utc',
      time: { from: String(fromMs), to: String(toMs) },
      variables: [
        {
          type: 'custom',
          name: 'dc',
          query: DCS.join(','),
          multi: true,
          includeAll: true,
          current: '$__all',
        },
      ],
    },
  );

/** Opens the share dialog (toolbar) and returns the Link tab's link. */
async function shareLinkOf(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/^http/);
  return link.inputValue();
}

async function freshPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return ctx.newPage();
}

/** The tooltip's values per series at a relative x of a time-series panel, and its time. */
async function tooltipAt(page: Page, title: string, rel: number) {
  const p = panel(page, title);
  const box = (await p.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * rel, box.y + box.height / 2);
  const tooltip = p.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  const tMs = Number(await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms'));
  const values: Record<string, number> = {};
  for (const row of await tooltip.getByTestId('tooltip-row').all())
    values[(await row.locator('.tt-name').textContent())!] = Number(
      await row.locator('.tt-value').getAttribute('data-value'),
    );
  return { tMs, values };
}

test('a dashboard saved in one browser opens from its link in another, stored only on "Save a copy"', async ({
  page,
  browser,
}) => {
  await importDashboard(page, board('shared-board', 'Shared board'), base());
  // the view to share: two of the four dcs picked, the fixture's window, UTC
  await page.goto(
    `${base()}/#/d/shared-board?from=${fromMs}&to=${toMs}&tz=utc&var-dc=ams&var-dc=nyc`,
  );
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Average')).toHaveAttribute('data-state', 'ok');
  const statA = await panel(page, 'Average').getByTestId('stat-value').getAttribute('data-value');
  const tipA = await tooltipAt(page, 'Temperature', 0.6);

  const link = await shareLinkOf(page);
  expect(link).toMatch(/#\/s\/[A-Za-z0-9_-]+\?from=\d+&to=\d+&tz=utc&var-dc=ams&var-dc=nyc$/);
  await expect(page.getByTestId('share-link-why')).toContainText('carries the dashboard');
  await expect(page.getByTestId('share-link-length')).toHaveAttribute(
    'data-length',
    String(link.length),
  );

  // B: a new browser context, nothing stored
  const b = await freshPage(browser);
  await b.goto(link);
  await expect(b.getByTestId('shared-banner')).toBeVisible();
  await expect(b.getByTestId('dashboard-title')).toHaveText('Shared board');
  await expect(panel(b, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await expect(panel(b, 'Average').getByTestId('stat-value')).toHaveAttribute('data-value', statA!);
  expect(
    await b.getByTestId('panel').evaluateAll((ps) => ps.map((p) => p.dataset.panelTitle)),
  ).toEqual(['Temperature', 'Average']);
  expect(
    (await panel(b, 'Temperature').getByTestId('legend-item').allTextContents()).sort(),
  ).toEqual(['ams', 'nyc']);
  // the tooltips in A and B both show Prometheus' own values at their instant
  for (const tip of [tipA, await tooltipAt(b, 'Temperature', 0.6)]) {
    const at = await promApi<Vector>('/api/v1/query', {
      query: 'scry_temperature_celsius{dc=~"ams|nyc"}',
      time: tip.tMs / 1000,
    });
    expect(tip.values).toEqual(
      Object.fromEntries(at.result.map((s) => [s.metric.dc!, Number(s.value[1])])),
    );
  }

  // opened, looked at, reloaded: nothing stored
  await b.reload();
  await expect(panel(b, 'Temperature')).toHaveAttribute('data-state', 'ok');
  expect(await storedDashboards(b)).toEqual({});

  // "Save a copy" stores it under its uid and opens the stored one, same view
  await b.getByTestId('save-copy').click();
  await expect(b).toHaveURL(/#\/d\/shared-board\?from=\d+&to=\d+&tz=utc&var-dc=ams&var-dc=nyc$/);
  await expect(b.getByTestId('shared-banner')).toHaveCount(0);
  const stored = await storedDashboards(b);
  expect(Object.keys(stored)).toEqual(['shared-board']);
  expect(stored['shared-board']!.panels.map((p) => p.targets[0]!.expr)).toEqual([
    'scry_temperature_celsius{dc=~"$dc"}',
    'avg(scry_temperature_celsius{dc=~"$dc"})',
  ]);
  await b.context().close();
});

test('a 30-panel dashboard’s link stays under 8 000 characters', async ({ page }) => {
  // a realistic board: 30 different queries, legends and units, two variables, rows of 3
  const metrics = [
    'scry_http_requests_total',
    'scry_request_duration_seconds_bucket',
    'scry_temperature_celsius',
  ];
  const units = ['reqps', 's', 'celsius', 'percentunit', 'bytes', 'short'];
  const panels = Array.from({ length: 30 }, (_, i) => ({
    title: `Panel ${i + 1}: ${['Requests', 'Latency p99', 'Temperature', 'Errors', 'Saturation'][i % 5]} by ${['job', 'instance', 'dc'][i % 3]}`,
    expr:
      i % 3 === 1
        ? `histogram_quantile(0.${90 + (i % 10)}, sum by (le, job) (rate(${metrics[1]}{job=~"$job"}[$__rate_interval])))`
        : `sum by (${['job', 'instance', 'dc'][i % 3]}) (rate(${metrics[i % 3]}{job=~"$job", status!~"5.."}[${i + 1}m]))`,
    legend: `{{${['job', 'instance', 'dc'][i % 3]}}}`,
    unit: units[i % units.length],
    x: (i % 3) * 8,
    y: Math.floor(i / 3) * 8,
    w: 8,
  }));
  await importDashboard(
    page,
    dashboardJson('thirty', 'Thirty panels — service overview', panels, {
      variables: [
        {
          type: 'query',
          name: 'job',
          query: 'label_values(scry_http_requests_total, job)',
          multi: true,
          includeAll: true,
        },
        { type: 'custom', name: 'dc', query: DCS.join(',') },
      ],
    }),
    base(),
  );
  await page.goto(`${base()}/#/d/thirty?from=now-6h&to=now`);
  const link = await shareLinkOf(page);
  expect(link).toContain('#/s/');
  // measured for README ("Sharing"): the link of this board, with the app's address in front
  const payload = /#\/s\/([^?]+)/.exec(link)![1]!;
  console.log(`30-panel share link: ${link.length} characters (payload ${payload.length})`);
  expect(link.length).toBeLessThan(8000);
  await expect(page.getByTestId('share-link-warning')).toHaveCount(0);
});

/** A `#/s/` payload built outside Scry (what a hostile sender could put in a link). */
const payloadOf = (json: string) => deflateRawSync(Buffer.from(json)).toString('base64url');

test('a hostile link opens inert, or is refused with its reason; nothing is stored', async ({
  page,
}) => {
  const xss = [
    '<img src=x onerror="window.__xss=1">',
    '<script>window.__xss=1</script>',
    '"><svg onload="window.__xss=1">',
    'javascript:window.__xss=1',
  ];
  const hostile = `{"scry":1,"uid":"hostile","title":${JSON.stringify(xss[0]! + xss[2]!)},
    "__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},
    "tags":${JSON.stringify(xss)},
    "variables":[{"name":"v","type":"custom","query":${JSON.stringify(xss.join(','))},"label":${JSON.stringify(xss[1])}}],
    "panels":[
      {"id":1,"type":"text","title":${JSON.stringify(xss[1])},"description":${JSON.stringify(xss[0])},
       "gridPos":{"x":0,"y":0,"w":12,"h":6},
       "options":{"mode":"html","content":${JSON.stringify(xss.join('\n') + '<a href="javascript:window.__xss=1">x</a>')},"__proto__":{"polluted":1}}},
      {"id":2,"type":"timeseries","title":"$v","gridPos":{"x":12,"y":0,"w":12,"h":6},
       "targets":[{"refId":"A","expr":"scry_temperature_celsius","legendFormat":${JSON.stringify(xss[0])}}]}]}`;
  await page.goto(`${base()}/#/s/${payloadOf(hostile)}?from=${fromMs}&to=${toMs}`);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  await expect(page.getByTestId('dashboard-title')).toHaveText(xss[0]! + xss[2]!);
  await expect(panel(page, xss[1]!)).toBeVisible();
  // the sanitised text panel keeps no script, handler or javascript: link
  const text = panel(page, xss[1]!).getByTestId('text-panel');
  await expect(text).toBeVisible();
  expect(await text.locator('script, img[onerror], svg, a[href^="javascript"]').count()).toBe(0);
  await page.getByTestId('dashboard-title').hover();
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await storedDashboards(page)).toEqual({});

  // 10 000 levels deep: refused before anything is built, with the reason
  const deep = `{"scry":1,"uid":"deep","title":"t","panels":[],"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
  await page.goto(`${base()}/#/s/${payloadOf(deep)}`);
  await expect(page.getByTestId('shared-errors')).toContainText('nested deeper than 64 levels');
  // a link cut short by a chat tool
  const cut = payloadOf(dashboardJson('cut', 'Cut', [{ title: 'A', expr: 'up' }])).slice(0, 40);
  await page.goto(`${base()}/#/s/${cut}`);
  await expect(page.getByTestId('shared-errors')).toContainText(/damaged|Invalid JSON/);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await storedDashboards(page)).toEqual({});
});

test('kiosk hides the chrome (variables stay unless kiosk=full), Esc leaves it', async ({
  page,
}) => {
  await importDashboard(page, board('kiosk-board', 'Kiosk board'), base());
  await page.goto(`${base()}/#/d/kiosk-board?from=${fromMs}&to=${toMs}&tz=utc&kiosk`);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await expect(page.locator('header.topbar')).toBeHidden();
  await expect(page.getByTestId('dashboard-title')).toBeHidden();
  await expect(page.getByTestId('share')).toBeHidden();
  await expect(page.getByTestId('variable-dc')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('header.topbar')).toBeVisible();
  await expect(page.getByTestId('share')).toBeVisible();
  expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).has('kiosk')).toBe(false);

  await page.goto(`${base()}/#/d/kiosk-board?from=${fromMs}&to=${toMs}&tz=utc&kiosk=full`);
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('variable-dc')).toBeHidden();
  await expect(page.locator('header.topbar')).toBeHidden();
});

test('a single panel embeds in a 600×300 iframe: no chrome, it fills the frame', async ({
  page,
  browser,
}) => {
  await importDashboard(page, board('embed-board', 'Embed board'), base());
  await page.goto(`${base()}/#/d/embed-board?from=${fromMs}&to=${toMs}&tz=utc`);
  await expect(panel(page, 'Average')).toHaveAttribute('data-state', 'ok');
  // the panel's menu → Share → the embed snippet (this panel alone)
  await panel(page, 'Temperature').getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Share' }).click();
  await expect(page.getByTestId('share-panel-only')).toBeChecked();
  await expect(page.getByTestId('share-embed')).toHaveValue(/^<iframe/);
  const snippet = await page.getByTestId('share-embed').inputValue();
  expect(snippet).toMatch(
    /^<iframe src="[^"]+#\/s\/[^"]+viewPanel=1&amp;kiosk" width="600" height="300"/,
  );

  // a page elsewhere (a fresh browser, nothing stored) with only the snippet in it
  // (served by a loopback server of its own: another origin than the app's)
  const server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><title>Host</title><body style="margin:0">${snippet}</body>`),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const host = await freshPage(browser);
  await host.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const frame = host.frameLocator('iframe');
  const shown = frame.locator('[data-testid="panel"][data-panel-title="Temperature"]');
  await expect(shown).toHaveAttribute('data-state', 'ok');
  await expect(frame.locator('header.topbar')).toBeHidden();
  await expect(frame.getByTestId('dashboard-title')).toBeHidden();
  await expect(frame.getByTestId('shared-banner')).toBeHidden();
  await expect(frame.getByTestId('panel-view-close')).toBeHidden();
  await expect(frame.getByRole('button', { name: /Exit kiosk/ })).toHaveCount(0);
  await expect(frame.getByTestId('variable-dc')).toBeHidden();
  const box = (await shown.boundingBox())!;
  const iframe = (await host.locator('iframe').boundingBox())!;
  expect(Math.round(box.width)).toBe(600);
  expect(Math.round(box.height)).toBe(300);
  expect(Math.round(box.x - iframe.x)).toBe(0);
  expect(Math.round(box.y - iframe.y)).toBe(0);
  const inner = host.frames()[1]!;
  expect(
    await inner.evaluate(() => {
      const s = document.scrollingElement!;
      return [s.scrollWidth <= s.clientWidth, s.scrollHeight <= s.clientHeight];
    }),
  ).toEqual([true, true]);
  await host.context().close();
  server.close();
});

test('edits made on a shared link are asked about before leaving, and not after "Save a copy"', async ({
  page,
}) => {
  const json = dashboardJson('shared-edit', 'Shared edit', [{ title: 'A', expr: 'up' }]);
  await page.goto(`${base()}/#/s/${payloadOf(json)}`);
  await expect(page.getByTestId('shared-banner')).toBeVisible();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByTestId('dashboard-title-input').fill('Renamed here');
  page.removeAllListeners('dialog');
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.evaluate(() => (location.hash = '#/'));
  await expect
    .poll(() => asked)
    .toEqual([
      'This shared dashboard has changes that are not saved in this browser. Leave without saving a copy?',
    ]);
  await expect(page).toHaveURL(/#\/s\//);
  await expect(page.getByTestId('dashboard-title-input')).toHaveValue('Renamed here');
  // saved as a copy: the stored dashboard opens without a question
  await page.getByTestId('save-copy').click();
  await expect(page).toHaveURL(/#\/d\/shared-edit/);
  expect(asked).toHaveLength(1);
  expect((await storedDashboards(page))['shared-edit']!.title).toBe('Renamed here');
});
