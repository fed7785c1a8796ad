// Incremental refresh (issue 12): on auto-refresh ticks of a relative range a panel asks only for
// the new tail of its window and merges it; after several ticks what it shows equals a full
// fetch of its window from the real Prometheus (live scrapes, and a series present at every step).
import { expect, test, type Page } from '@playwright/test';
import {
  addDatasource,
  dashboardJson,
  env,
  importDashboard,
  open,
  promApi,
  rangeRequests,
  type Matrix,
  type Vector,
} from './support/app';
import { hoverSeries, valueAt } from './support/tooltip';

test.use({ viewport: { width: 1440, height: 900 } });

interface Sent {
  expr: string;
  startSec: number;
  endSec: number;
  stepSec: number;
}

/** Every query_range request from now on. */
const sentRanges = (page: Page): Sent[] =>
  rangeRequests(page, (p) => ({
    expr: p.get('query') ?? '',
    startSec: Number(p.get('start')),
    endSec: Number(p.get('end')),
    stepSec: Number(p.get('step')),
  }));

const LIVE = 'scrape_duration_seconds';
const CLOCK = 'vector(time() % 97)';

test('auto refresh asks only for the tail; after several ticks the panels equal a full fetch', async ({
  page,
}) => {
  // the window must hold two minutes of live scrapes (early in the run Prometheus is younger)
  test.setTimeout(240_000);
  await expect(async () => {
    const v = await promApi<Vector>('/api/v1/query', {
      query: 'count_over_time(up{job="cat-service"}[2m])',
    });
    expect(Number(v.result[0]?.value[1] ?? 0)).toBeGreaterThanOrEqual(115);
  }).toPass({ intervals: [5000], timeout: 150_000 });
  await addDatasource(page, { name: 'live', url: env('PROM_URL'), scrapeInterval: '1s' });
  await importDashboard(
    page,
    dashboardJson('tail', 'Tail', [
      { title: 'Live', expr: LIVE, legend: '{{job}}', w: 24, y: 0 },
      { title: 'Clock', expr: CLOCK, legend: 'clock', w: 24, y: 8 },
    ]),
  );
  // leave the page the import opened (the dashboard at its default 6 h): its queries may still go
  // out after the recorder starts, and would pass for the first request of the 2 min window
  await page.goto('about:blank');
  const sent = sentRanges(page);
  await open(page, '#/d/tail?from=now-2m&to=now&refresh=1s&tz=utc');

  // the first request of each query covers the window (2 min at the 1 s scrape interval); the
  // ticks after it ask only from the previous end minus the overlap (60 s) on
  const of = (expr: string) => sent.filter((s) => s.expr === expr);
  await expect(async () => {
    for (const expr of [LIVE, CLOCK]) {
      const [first, ...ticks] = of(expr);
      expect(first, `${expr} was asked`).toBeDefined();
      expect(first!.endSec - first!.startSec).toBe(120);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      for (const t of ticks) {
        expect(t.stepSec).toBe(1);
        expect(t.endSec - t.startSec).toBeLessThan(70);
      }
    }
  }).toPass({ timeout: 40_000 });

  // stop the clock: the panels keep what the last tick merged
  await page.evaluate(() => {
    location.hash = location.hash.replace(/&refresh=[^&]*/, '');
  });
  let count = -1;
  await expect(async () => {
    const now = sent.length;
    const settled = now === count;
    count = now;
    expect(settled).toBe(true);
  }).toPass({ intervals: [2500], timeout: 20_000 });

  for (const [title, expr, name] of [
    ['Live', LIVE, (l: Record<string, string>) => l.job!],
    ['Clock', CLOCK, () => 'clock'],
  ] as const) {
    const last = of(expr).at(-1)!;
    const full = await promApi<Matrix>('/api/v1/query_range', {
      query: expr,
      start: last.endSec - 120,
      end: last.endSec,
      step: last.stepSec,
    });
    // the kept part, the seam where the tail starts (~60 s before the end), and the tail
    for (const fx of [0.05, 0.3, 0.47, 0.5, 0.53, 0.75, 0.95]) {
      const { tMs, values } = await hoverSeries(page, title, fx);
      expect(values.size, `${title} at ${tMs}`).toBeGreaterThan(0);
      expect(values, `${title} at ${new Date(tMs).toISOString()}`).toEqual(
        valueAt(full, tMs, name),
      );
    }
  }
});
