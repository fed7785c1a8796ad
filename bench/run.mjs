#!/usr/bin/env node
// npm run bench: Scry's pipeline vs bare baselines, measured in the same headless Chromium run
// against a real Prometheus on loopback. Prints medians, p90 and ratios; see BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { ensureBlocks, root, startPrometheus, tmpDir as tmp } from '../e2e/fixture/stack.mjs';
import { serveStatic } from '../scripts/server.mjs';
import { BENCH, openMetricsLines } from './data.mjs';
import { PANELS, dashboardWorkload, entrySize } from './dashboard.mjs';
import { printRefresh, refreshWorkload } from './refresh.mjs';
import { manyPanelsWorkload, printManyPanels } from './manyPanels.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 2;
/** `BENCH_ONLY=panel`, `dashboard`, `refresh` or `many` runs one part (`heatmap`: that panel workload alone). */
const ONLY = process.env.BENCH_ONLY ?? '';
const DASH_RUNS = Number(process.env.BENCH_DASH_RUNS ?? 5);
const dist = path.join(root, 'dist');

const blocks = () => ensureBlocks('bench-blocks-v1', openMetricsLines());

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

async function main() {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('bench page build failed');
  const prom = await startPrometheus({ blocksDir: await blocks(), quiet: true });
  const site = await serveStatic({ root: path.join(tmp, 'bench-dist') });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const results = [];
  let dash = [];
  let refresh;
  let many;
  try {
    if (ONLY === '' || ONLY === 'dashboard')
      dash = await dashboardWorkload({ browser, prom, dist, runs: DASH_RUNS, warmup: 1 });
    if (ONLY === '' || ONLY === 'refresh') refresh = await refreshWorkload({ browser, dist });
    if (ONLY === '' || ONLY === 'many') many = await manyPanelsWorkload({ browser, dist, prom });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(site.url);
    const workloads = [
      {
        name: 'timeseries 200 series × 1 441 points',
        expr: 'bench_value',
        scry: 'scry',
        baseline: 'baseline',
      },
      {
        name: 'heatmap 40 buckets × 1 441 steps',
        expr: 'rate(bench_latency_seconds_bucket[1m])',
        scry: 'heatmap',
        baseline: 'heatmapBaseline',
      },
    ];
    const panelWorkloads =
      ONLY === '' || ONLY === 'panel' ? workloads : workloads.filter((w) => w.scry === ONLY);
    for (const w of panelWorkloads) {
      const grid = { startSec: BENCH.startSec, endSec: BENCH.endSec, stepSec: BENCH.stepSec };
      const body = new URLSearchParams({
        query: w.expr,
        start: String(grid.startSec),
        end: String(grid.endSec),
        step: String(grid.stepSec),
      }).toString();
      const size = await page.evaluate(
        ([u, b]) => window.scryBench.load(u, b),
        [`${prom.url}/api/v1/query_range`, body],
      );
      const a = [];
      const b = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const ta = await page.evaluate(([fn, g]) => window.scryBench[fn](g), [w.scry, grid]);
        const tb = await page.evaluate((fn) => window.scryBench[fn](), w.baseline);
        if (process.env.BENCH_DEBUG)
          console.log(
            w.scry === 'heatmap'
              ? 'breakdown parse/frame/buckets/quantiles/render/paint'
              : 'breakdown parse/frame/series/render/paint',
            await page.evaluate(() => window.lastBreakdown.map((x) => x.toFixed(1)).join(' ')),
            'baseline',
            tb.toFixed(1),
          );
        if (i >= WARMUP) {
          a.push(ta);
          b.push(tb);
        }
      }
      results.push({ name: w.name, bytes: size, scry: a, base: b });
      if (process.env.BENCH_PROFILE === w.scry) await profile(page, w, grid);
    }
  } finally {
    await browser.close();
    await site.close();
    await prom.stop();
  }
  console.log(
    `\nScry bench — ${RUNS} interleaved runs after ${WARMUP} warm-ups, Chromium headless (--disable-gpu), ${os.cpus().length} cores\n`,
  );
  if (results.length) {
    console.log('| workload | response | Scry median (p90) | baseline median (p90) | ratio |');
    console.log('|---|---|---|---|---|');
  }
  for (const r of results) {
    const ratio = median(r.scry) / median(r.base);
    console.log(
      `| ${r.name} | ${(r.bytes / 1e6).toFixed(2)} MB | ${median(r.scry).toFixed(1)} ms (${p90(r.scry).toFixed(1)}) | ${median(r.base).toFixed(1)} ms (${p90(r.base).toFixed(1)}) | **${ratio.toFixed(2)}** |`,
    );
  }
  if (dash.length) printDashboard(dash);
  if (refresh) printRefresh(refresh);
  if (many) printManyPanels(many);
}

function printDashboard(dash) {
  const e = entrySize(dist);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `\nDashboard: ${PANELS} time-series panels × 20 series, 6 h; cold loads (fresh context each), medians of ${dash[0].runs} interleaved runs\n`,
  );
  console.log(
    '| step | page | cold load | ÷ classic | ÷ floor | requests | bytes (wire) | first query | main thread | heap after load |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const d of dash)
    for (const side of ['scry', 'before', 'classic', 'floor']) {
      if (!d[side]) continue;
      const m = d[side];
      const cell = (x) => (side === 'scry' ? `**${x.toFixed(2)}**` : x.toFixed(2));
      console.log(
        `| ${d.mode} (${d.step} s) | ${side} | ${m.done.toFixed(0)} ms | ${cell(m.done / d.classic.done)} | ${cell(m.done / d.floor.done)} | ${m.requests} | ${kb(m.bytes)} | ${m.firstQuery.toFixed(0)} ms | ${m.mainThread.toFixed(0)} ms | ${(m.heap / 1e6).toFixed(1)} MB |`,
      );
    }
  for (const d of dash)
    if (d.paired)
      console.log(
        `${d.mode}: this build ÷ the one before, median of the runs' own ratios (each pair loaded one after the other): cold load ${d.paired.done.toFixed(2)}, first query ${d.paired.firstQuery.toFixed(2)}, main thread ${d.paired.mainThread.toFixed(2)}`,
      );
  for (const d of dash)
    console.log(
      `runs (${d.mode}): ${Object.entries(d.spread)
        .map(([side, ms]) => `${side} ${ms.join(' ')}`)
        .join(' · ')} ms`,
    );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const s = dash[0].scry;
  const loadedJs = [...new Set(s.js)].reduce((t, f) => t + e.gzOf(f), 0);
  console.log(
    `\nScry start-up (medians): config.json requested at ${s.config.toFixed(0)} ms, dashboard JSON at ${s.dashboardJson.toFixed(0)} ms, first query at ${s.firstQuery.toFixed(0)} ms after navigation`,
  );
  console.log(
    `Entry (index.html's script + modulepreloads, gzip -9): ${kb(e.jsGzip)} JS in ${e.files} files + ${kb(e.cssGzip)} CSS; JS a dashboard view loaded: ${kb(loadedJs)}; all JS in dist: ${kb(e.allJsGzip)}`,
  );
}

/**
 * BENCH_PROFILE=<workload fn> (e.g. heatmap): a CPU profile (CDP Profiler, 100 µs sampling) of
 * 10 more runs of Scry's path; prints the functions with the most self time.
 */
async function profile(page, w, grid) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 10; i++)
    await page.evaluate(([fn, g]) => window.scryBench[fn](g), [w.scry, grid]);
  const { profile: p } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = p.timeDeltas;
  p.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nCPU profile of 10 × ${w.name} (self time, ms; total ${total.toFixed(0)} ms):`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
