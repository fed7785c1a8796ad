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

async function coldFirstPaint(browser, url, { profile = false } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await ctx.addInitScript(INIT);
  const page = await ctx.newPage();
  let cdp;
  if (profile) {
    cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 0 });
    await page.waitForFunction(() => window.__benchDone !== undefined, null, {
      timeout: Number(process.env.BENCH_LOAD_TIMEOUT ?? 120_000),
    });
    const stopped = cdp ? (await cdp.send('Profiler.stop')).profile : undefined;
    // a task still running when the frame painted is counted once it ends
    await page.waitForTimeout(200);
    const m = await page.evaluate(() => ({
      paint: window.__benchDone,
      longest: window.__longest,
      inPage: window.__panelsInPage,
    }));
    if (stopped) printProfile(stopped, url, m.paint);
    if (process.env.BENCH_DEBUG) {
      // when each file and query started and ended (ms after navigation), to see what waits
      const rs = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((r) => [r.name.replace(location.origin, ''), r.startTime, r.responseEnd]),
      );
      for (const [n, a, b] of rs.slice(0, 30))
        console.log(`  ${a.toFixed(0).padStart(6)}–${b.toFixed(0).padEnd(6)} ${n.slice(0, 110)}`);
    }
    return m;
  } finally {
    await ctx.close();
  }
}

/**
 * BENCH_PROFILE=many: one more cold load of each dashboard under the CDP profiler (navigation to
 * first paint); prints the functions with the most self time and the most total time. Build
 * unminified for names: `npx vite build --minify false`.
 */
function printProfile(p, url, paint) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  // when each function first and last ran (ms after the profile started)
  const span = new Map();
  let at = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    at += ms;
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame.functionName;
      if (!f) continue;
      const s = span.get(f) ?? [at, at];
      s[1] = at;
      span.set(f, s);
    }
    const key = name(byId.get(id));
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const top = (m, n) =>
    [...m]
      .filter(([k]) => !/^\((root|program|idle|garbage collector)\)/.test(k) || m === self)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1).padStart(8)}  ${k}`)
      .join('\n');
  console.log(`\nCPU profile of one cold load of ${url} (first paint ${paint.toFixed(0)} ms)`);
  console.log(`self time (ms):\n${top(self, 25)}`);
  console.log(`total time (ms):\n${top(total, 40)}`);
  const phases = (
    process.env.BENCH_PHASES ??
    'parseJsonText,validateDashboard,PanelGrid,PanelShell,TextPanel,TimeSeriesPanel'
  )
    .split(',')
    .map(
      (f) =>
        `${f} ${
          span.has(f)
            ? span
                .get(f)
                .map((x) => x.toFixed(0))
                .join('–')
            : '-'
        }`,
    );
  console.log(`ran from–to (ms): ${phases.join(', ')}`);
}

/** Cold loads of both dashboards, interleaved: medians of first paint and longest task. */
export async function manyPanelsWorkload({
  browser,
  dist,
  prom,
  runs = Number(process.env.BENCH_MANY_RUNS ?? 5),
  warmup = 1,
}) {
  const load = os.loadavg();
  const overlay = {
    '/config.json': {
      datasources: [{ name: 'bench', url: prom.url, default: true, scrapeInterval: '15s' }],
      dashboards: ['dashboards/text.json', 'dashboards/ts.json'],
    },
    '/dashboards/text.json': hostileCorpus().many,
    '/dashboards/ts.json': timeSeriesBoard(),
  };
  // BENCH_COMPARE=<another dist>: the same loads of another build, interleaved (same load)
  const builds = [{ label: '', root: dist }];
  if (process.env.BENCH_COMPARE)
    builds.push({ label: ` (${process.env.BENCH_COMPARE})`, root: process.env.BENCH_COMPARE });
  const sites = [];
  for (const b of builds) sites.push(await serveStatic({ root: b.root, overlay }));
  const range = `from=${BENCH.startSec * 1000}&to=${BENCH.endSec * 1000}&tz=utc`;
  const boards = builds.flatMap((b, k) => [
    {
      name: `${MANY.toLocaleString('en')} text panels${b.label}`,
      url: `${sites[k].url}#/d/hostile-many`,
    },
    {
      name: `${MANY.toLocaleString('en')} time-series panels${b.label}`,
      url: `${sites[k].url}#/d/bench-many-ts?${range}`,
    },
  ]);
  const site = { close: () => Promise.all(sites.map((x) => x.close())) };
  const samples = boards.map(() => []);
  try {
    for (let i = 0; i < warmup + runs; i++)
      for (const [b, board] of boards.entries()) {
        const m = await coldFirstPaint(browser, board.url);
        process.stderr.write(`many run ${i} ${board.name}: ${m.paint.toFixed(0)} ms\n`);
        if (i >= warmup) samples[b].push(m);
      }
    if (process.env.BENCH_PROFILE === 'many')
      for (const board of boards) await coldFirstPaint(browser, board.url, { profile: true });
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
