import { expect, type Page, type Locator, type Request } from '@playwright/test';
import { fixtureWindow } from './window';

/** Environment handed over by e2e/global-setup.ts. */
export function env(
  name:
    | 'SCRY_URL'
    | 'SCRY_PROVISIONED_URL'
    | 'PROM_URL'
    | 'CAT_URL'
    | 'SCRY_BACKENDS_URL'
    | 'VM_URL'
    | 'PROXY_URL'
    | 'SCRY_FAULTS_URL'
    | 'FAULTS_URL',
): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run the suite with "npx playwright test" (global setup starts the fixture)`,
    );
  return v.replace(/\/+$/, '');
}

/** Opens Scry (fresh browser storage per test context) at a hash route. */
export async function open(page: Page, hash = '#/', base = env('SCRY_URL')) {
  await page.goto(`${base}/${hash}`);
}

/** Opens a dashboard at an absolute range (default: the fixture's window), in UTC. */
export async function openAt(
  page: Page,
  uid: string,
  { fromMs, toMs }: { fromMs: number; toMs: number } = fixtureWindow(),
  extra = '',
) {
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc${extra}`);
}

/** Adds a datasource through the UI and returns to the list. */
export async function addDatasource(
  page: Page,
  d: { name: string; url: string; scrapeInterval?: string },
) {
  await open(page, '#/datasources');
  const form = page.getByRole('form', { name: 'Datasource' });
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add datasource' }).click();
  await form.getByLabel('Name').fill(d.name);
  await form.getByLabel('URL').fill(d.url);
  await form.getByLabel('Scrape interval').fill(d.scrapeInterval ?? '15s');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(`[data-testid="datasource-row"][data-name="${d.name}"]`)).toBeVisible();
}

export function panel(page: Page, title: string): Locator {
  return page.locator(`[data-testid="panel"][data-panel-title="${title}"]`);
}

/** An instant query's vector answer (promApi's `data`). */
export type Vector = {
  resultType: 'vector';
  result: { metric: Record<string, string>; value: [number, string] }[];
};

/** A range query's matrix answer of float series (promApi's `data`). */
export type Matrix = {
  resultType: 'matrix';
  result: { metric: Record<string, string>; values: [number, string][] }[];
};

/** Every query_range request the page sends from now on (GET or POST), as `pick` reads its parameters. */
export function rangeRequests<T>(page: Page, pick: (params: URLSearchParams) => T): T[] {
  const seen: T[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().includes('/api/v1/query_range')) return;
    seen.push(
      pick(
        r.method() === 'POST'
          ? new URLSearchParams(r.postData() ?? '')
          : new URL(r.url()).searchParams,
      ),
    );
  });
  return seen;
}

/** Every query_range expression the page sends from now on (GET or POST). */
export function rangeQueries(page: Page): string[] {
  return rangeRequests(page, (p) => p.get('query') ?? '');
}

/** Calls the Prometheus HTTP API directly (the oracle for what Scry shows). */
export async function promApi<T>(
  path: string,
  params: Record<string, string | number>,
): Promise<T> {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${env('PROM_URL')}${path}?${qs}`);
  const body = (await res.json()) as {
    status: string;
    data: T;
    error?: string;
    errorType?: string;
  };
  if (body.status !== 'success') throw new Error(`${body.errorType}: ${body.error}`);
  return body.data;
}

/**
 * Replaces the text of a PromQL editor (data-testid="query-expr"): CodeMirror once its lazy chunk
 * has loaded (typed into `.cm-content`), the plain textarea stand-in otherwise.
 */
export async function typeExpr(editor: Locator, expr: string) {
  const page = editor.page();
  const cm = editor.locator('.cm-content');
  try {
    await cm.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    await editor.fill(expr);
    return;
  }
  await cm.click();
  await page.keyboard.press('ControlOrMeta+a');
  if (expr) await page.keyboard.insertText(expr);
  else await page.keyboard.press('Delete');
}

/** Creates a dashboard with the given time-series panels through the UI, saves it, returns its uid. */
export async function createDashboard(
  page: Page,
  title: string,
  panels: { title: string; expr: string; legend?: string; unit?: string }[],
): Promise<string> {
  await open(page, '#/');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await expect(page).toHaveURL(/#\/d\/[a-z0-9]+/);
  const uid = /#\/d\/([a-z0-9]+)/.exec(page.url())![1]!;
  await page.getByTestId('dashboard-title-input').fill(title);
  for (const [i, p] of panels.entries()) {
    if (i === 0) await page.getByRole('button', { name: 'Add a panel' }).click();
    else await page.getByTestId('add-panel').click();
    const editor = page.getByTestId('panel-editor');
    await editor.getByTestId('panel-title-input').fill(p.title);
    await typeExpr(editor.getByTestId('query-expr').first(), p.expr);
    if (p.legend) await editor.getByTestId('query-legend').first().fill(p.legend);
    if (p.unit) await editor.getByTestId('panel-unit').selectOption(p.unit);
    await editor.getByTestId('panel-apply').click();
    await expect(editor).toBeHidden();
  }
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByTestId('save-dashboard')).toBeHidden();
  return uid;
}

/**
 * A minimal Scry dashboard JSON (for importing in tests): time-series panels unless a panel
 * says its `type`; `options`, `fieldConfig` (merged over the unit) and `instant` pass through.
 */
export function dashboardJson(
  uid: string,
  title: string,
  panels: {
    title: string;
    expr: string;
    legend?: string;
    y?: number;
    h?: number;
    w?: number;
    x?: number;
    unit?: string;
    type?: string;
    options?: Record<string, unknown>;
    fieldConfig?: Record<string, unknown>;
    instant?: boolean;
    datasource?: string;
  }[],
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    scry: 1,
    uid,
    title,
    panels: panels.map((p, i) => ({
      id: i + 1,
      type: p.type ?? 'timeseries',
      title: p.title,
      gridPos: { x: p.x ?? 0, y: p.y ?? i * 8, w: p.w ?? 12, h: p.h ?? 8 },
      fieldConfig: { unit: p.unit ?? 'short', ...p.fieldConfig },
      ...(p.options ? { options: p.options } : {}),
      ...(p.datasource ? { datasource: p.datasource } : {}),
      targets: p.expr
        ? [
            {
              refId: 'A',
              expr: p.expr,
              legendFormat: p.legend ?? '',
              ...(p.instant ? { instant: true } : {}),
            },
          ]
        : [],
    })),
    ...extra,
  });
}

/** Imports dashboard JSON through the import page and lands on the dashboard. */
export async function importDashboard(page: Page, json: string, base = env('SCRY_URL')) {
  await open(page, '#/import', base);
  await page.getByTestId('import-text').fill(json);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\//);
}

/** The dashboards as stored in the page's IndexedDB (uid → dashboard JSON), read in the page. */
export async function storedDashboards(page: Page): Promise<Record<string, StoredDashboard>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, StoredDashboard>>((resolve, reject) => {
        const open = indexedDB.open('scry');
        // no database yet: leave it uncreated (the app creates it with its stores)
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve({}) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('dashboards').objectStore('dashboards').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            db.close();
            const out: Record<string, StoredDashboard> = {};
            for (const r of req.result as { uid: string; revision: number; json: string }[])
              out[r.uid] = { ...(JSON.parse(r.json) as StoredDashboard), revision: r.revision };
            resolve(out);
          };
        };
      }),
  );
}

/** What `storedDashboards` returns per uid (the fields tests look at). */
export interface StoredDashboard {
  uid: string;
  title: string;
  version: number;
  revision: number;
  panels: {
    id: number;
    title: string;
    targets: { expr: string }[];
    panels?: { id: number }[];
    gridPos: { x: number; y: number; w: number; h: number };
  }[];
}
