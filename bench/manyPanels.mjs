// First paint of a 10 000-panel dashboard (issue 10: it once froze the tab 16 s; goal ≤ 2 s).
// Two provisioned dashboards of 10 000 panels, each opened cold (a fresh browser context per
// load): the hostile corpus' text panels, and time-series panels each asking the real Prometheus
// a small range query. "First paint" is navigation → the first panel's content on screen and the
// next frame painted; the longest main-thread task until then says whether the tab froze.
import os from 'node:os';
import { hostileCorpus } from '../scripts/hostile-corpus.mjs';
import { serveStatic } from '../scripts/server.mjs';
import { BENCH } from './data.mjs';

export const MANY = 10_000;

/** 10 000 time-series panels, 4 a row, panel k asking for bench_value{idx="k mod 200"}. */
function timeSeriesBoard() {
  return {
    scry: 1,
    uid: 'bench-many-ts',
    title: `${MANY} time series`,
    timezone: 'utc',
    panels: Array.from({ length: MANY }, (_x, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: `Panel ${i + 1}`,
      gridPos: { x: (i % 4) * 6, y: Math.floor(i / 4) * 4, w: 6, h: 4 },
      targets: [{ refId: 'A', expr: `bench_value{idx="${i % 200}"}` }],
    })),
  };
}

// Installed before the page's scripts: the longest task, and when the first panel is on screen.
const INIT = `(() => {
  window.__longest = 0;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const first = () => {
    const p = document.querySelector('[data-testid="panel"][data-panel-title="Panel 1"]');
    if (!p || !document.querySelector('[data-testid="many-panels-notice"]')) return false;
    return p.dataset.state === 'ok' && !!(p.querySelector('canvas') || p.querySelector('[data-testid="text-panel"]')?.textContent);
  };
  let fired = false;
  const check = () => {
    if (fired || !first()) return;
    fired = true;
    requestAnimationFrame(() => setTimeout(() => {
      window.__benchDone = performance.now();
      window.__panelsInPage = document.querySelectorAll('[data-testid="panel"]').length;
    }, 0));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function coldFirstPaint(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await ctx.addInitScript(INIT);
  const page = await ctx.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 0 });
    await page.waitForFunction(() => window.__benchDone !== undefined, null, {
      timeout: Number(process.env.BENCH_LOAD_TIMEOUT ?? 120_000),
    });
    // a task still running when the frame painted is counted once it ends
    await page.waitForTimeout(200);
    return await page.evaluate(() => ({
      paint: window.__benchDone,
      longest: window.__longest,
      inPage: window.__panelsInPage,
    }));
  } finally {
    await ctx.close();
  }
}

/** Cold loads of both dashboards, interleaved: medians of first paint and longest task. */
export async function manyPanelsWorkload({ browser, dist, prom, runs = 5, warmup = 1 }) {
  const load = os.loadavg();
  const site = await serveStatic({
    root: dist,
    overlay: {
      '/config.json': {
        datasources: [{ name: 'bench', url: prom.url, default: true, scrapeInterval: '15s' }],
        dashboards: ['dashboards/text.json', 'dashboards/ts.json'],
      },
      '/dashboards/text.json': hostileCorpus().many,
      '/dashboards/ts.json': timeSeriesBoard(),
    },
  });
  const range = `from=${BENCH.startSec * 1000}&to=${BENCH.endSec * 1000}&tz=utc`;
  const boards = [
    { name: `${MANY.toLocaleString('en')} text panels`, url: `${site.url}#/d/hostile-many` },
    {
      name: `${MANY.toLocaleString('en')} time-series panels`,
      url: `${site.url}#/d/bench-many-ts?${range}`,
    },
  ];
  const samples = boards.map(() => []);
  try {
    for (let i = 0; i < warmup + runs; i++)
      for (const [b, board] of boards.entries()) {
        const m = await coldFirstPaint(browser, board.url);
        process.stderr.write(`many run ${i} ${board.name}: ${m.paint.toFixed(0)} ms\n`);
        if (i >= warmup) samples[b].push(m);
      }
  } finally {
    await site.close();
  }
  return {
    runs,
    load: { before: load, after: os.loadavg() },
    cores: os.cpus().length,
    rows: boards.map((board, b) => ({
      name: board.name,
      paint: median(samples[b].map((m) => m.paint)),
      paintMax: Math.max(...samples[b].map((m) => m.paint)),
      longest: median(samples[b].map((m) => m.longest)),
      inPage: median(samples[b].map((m) => m.inPage)),
    })),
  };
}

/** The BENCHMARKS.md lines for a manyPanelsWorkload result. */
export function printManyPanels(r) {
  const la = (l) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(
    `\nMany panels: first paint of a ${MANY.toLocaleString('en')}-panel dashboard, cold loads, medians of ${r.runs} interleaved runs (goal ≤ 2 000 ms); load average ${la(r.load.before)} before, ${la(r.load.after)} after, ${r.cores} cores\n`,
  );
  console.log('| dashboard | first paint (max) | longest main-thread task | panels in the page |');
  console.log('|---|---|---|---|');
  for (const row of r.rows)
    console.log(
      `| ${row.name} | **${row.paint.toFixed(0)} ms** (${row.paintMax.toFixed(0)}) | ${row.longest.toFixed(0)} ms | ${row.inPage} |`,
    );
}
