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

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 2;

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
  try {
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
    for (const w of workloads) {
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
            'breakdown parse/frame/series/render/paint',
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
    }
  } finally {
    await browser.close();
    await site.close();
    await prom.stop();
  }
  console.log(
    `\nScry bench — ${RUNS} interleaved runs after ${WARMUP} warm-ups, Chromium headless (--disable-gpu), ${os.cpus().length} cores\n`,
  );
  console.log('| workload | response | Scry median (p90) | baseline median (p90) | ratio |');
  console.log('|---|---|---|---|---|');
  for (const r of results) {
    const ratio = median(r.scry) / median(r.base);
    console.log(
      `| ${r.name} | ${(r.bytes / 1e6).toFixed(2)} MB | ${median(r.scry).toFixed(1)} ms (${p90(r.scry).toFixed(1)}) | ${median(r.base).toFixed(1)} ms (${p90(r.base).toFixed(1)}) | **${ratio.toFixed(2)}** |`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
