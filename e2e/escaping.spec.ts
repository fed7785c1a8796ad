import { expect, test } from '@playwright/test';
import { SERVICES } from './fixture/env';
import {
  addDatasource,
  env,
  importDashboard,
  open,
  openAt,
  panel,
  promApi,
  rangeQueries,
  type Vector,
} from './support/app';
import { fixtureWindow } from './support/window';

// Issue 13: a variable is escaped for the place it stands in the PromQL. Every panel below is
// asked for the dotted `search.v2` (and `cart`, picked with it); `searchXv2` is the look-alike an
// unescaped dot would also match. The real Prometheus answers; its API is the oracle.

const M = 'scry_service_info';
const picked = ['cart', 'search.v2'];

/** title, expression, the expression sent, the services Prometheus must return */
const CASES: [string, string, string, string[]][] = [
  ['eq single', `${M}{service="$one"}`, `${M}{service="search.v2"}`, ['search.v2']],
  ['eq single quotes', `${M}{service='$one'}`, `${M}{service='search.v2'}`, ['search.v2']],
  ['eq raw string', `${M}{service=\`$one\`}`, `${M}{service=\`search.v2\`}`, ['search.v2']],
  ['eq raw format', `${M}{service="\${one:raw}"}`, `${M}{service="search.v2"}`, ['search.v2']],
  ['regex single', `${M}{service=~"$one"}`, `${M}{service=~"search\\\\.v2"}`, ['search.v2']],
  ['regex single quotes', `${M}{service=~'$one'}`, `${M}{service=~'search\\\\.v2'}`, ['search.v2']],
  [
    'regex format single',
    `sum by (service) (${M}{service=~"\${one:regex}"})`,
    `sum by (service) (${M}{service=~"search\\\\.v2"})`,
    ['search.v2'],
  ],
  ['regex multi', `${M}{service=~"$service"}`, `${M}{service=~"(cart|search\\\\.v2)"}`, picked],
  [
    'regex format multi',
    `${M}{service=~"\${service:regex}"}`,
    `${M}{service=~"(cart|search\\\\.v2)"}`,
    picked,
  ],
  [
    'regex raw string multi',
    `${M}{service=~\`$service\`}`,
    `${M}{service=~\`(cart|search\\.v2)\`}`,
    picked,
  ],
  // several values in an exact matcher: the matcher becomes =~
  ['eq multi', `${M}{service="$service"}`, `${M}{service=~"(cart|search\\\\.v2)"}`, picked],
  [
    'not regex multi',
    `${M}{service!~"$service"}`,
    `${M}{service!~"(cart|search\\\\.v2)"}`,
    ['checkout', 'searchXv2'],
  ],
  // :pipe keeps its meaning (no regex escaping), so the dot also matches the look-alike
  [
    'pipe format',
    `${M}{service=~'\${service:pipe}'}`,
    `${M}{service=~'cart|search.v2'}`,
    [...picked, 'searchXv2'],
  ],
  [
    'label_replace regex',
    `label_replace(${M}{service="$one"}, "svc", "$1", "service", "($one)")`,
    `label_replace(${M}{service="search.v2"}, "svc", "$1", "service", "(search\\\\.v2)")`,
    ['search.v2'],
  ],
];

const dashboard = JSON.stringify({
  scry: 1,
  uid: 'escaping',
  title: 'Escaping',
  variables: [
    { name: 'one', type: 'custom', query: 'search.v2' },
    {
      name: 'service',
      type: 'query',
      query: `label_values(${M}, service)`,
      multi: true,
      includeAll: true,
      refresh: 1,
    },
  ],
  panels: [
    ...CASES.map(([title, expr], i) => ({
      id: i + 1,
      type: 'timeseries',
      title,
      gridPos: { x: (i % 4) * 6, y: Math.floor(i / 4) * 6, w: 6, h: 6 },
      targets: [{ refId: 'A', expr, legendFormat: '{{service}}' }],
    })),
    {
      id: 100,
      type: 'timeseries',
      title: 'Copy $service',
      repeat: 'service',
      repeatDirection: 'h',
      maxPerRow: 2,
      gridPos: { x: 0, y: 40, w: 12, h: 6 },
      targets: [{ refId: 'A', expr: `${M}{service="$service"}`, legendFormat: '{{service}}' }],
    },
  ],
});

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

test('every context and format returns the series of a dotted value (real Prometheus)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(SERVICES).toEqual(expect.arrayContaining(['search.v2', 'searchXv2']));
  await importDashboard(page, dashboard);
  // leave the dashboard the import landed on (its default selection) before listening
  await open(page, '#/');
  await expect(page.getByRole('button', { name: 'New dashboard' })).toBeVisible();
  const queries = rangeQueries(page);
  await openAt(page, 'escaping', fixtureWindow(), picked.map((s) => `&var-service=${s}`).join(''));
  const { toMs } = fixtureWindow();
  for (const [title, , , services] of CASES) {
    const p = panel(page, title);
    await p.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(p, title).toHaveAttribute('data-state', 'ok');
    await expect(p.getByTestId('legend-item'), title).toHaveText(
      [...services].sort((a, b) => SERVICES.indexOf(a) - SERVICES.indexOf(b)),
    );
  }
  // What was sent, asked again of Prometheus: exactly these services (and no parse error).
  for (const [title, , expr, services] of CASES) {
    expect(queries, title).toContain(expr);
    const v = await promApi<Vector>('/api/v1/query', { query: expr, time: toMs / 1000 });
    expect(v.result.map((r) => r.metric.service).sort(), title).toEqual([...services].sort());
  }

  // The query inspector shows the final expression.
  const regexPanel = panel(page, 'regex format multi');
  await regexPanel.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await regexPanel.getByRole('button', { name: 'Panel menu' }).click();
  await page.getByRole('menuitem', { name: 'Inspect' }).click();
  await expect(page.getByTestId('inspect-expr')).toHaveText(
    `${M}{service=~"(cart|search\\\\.v2)"}`,
  );
  await page.keyboard.press('Escape');

  // A repeated copy for the dotted value queries it exactly (=) and shows its series.
  for (const s of picked) {
    const copy = panel(page, `Copy ${s}`);
    await copy.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(copy).toHaveAttribute('data-state', 'ok');
    await expect(copy.getByTestId('legend-item')).toHaveText([s]);
  }
});
