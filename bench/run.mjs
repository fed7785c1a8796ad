#!/usr/bin/env node
// npm run bench: Scry's pipeline vs bare baselines, measured in the same headless Chromium run
// against a real Prometheus on loopback. Prints medians, p90 and ratios; see BENCHMARKS.md.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, cpSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { BENCH, openMetricsLines } from './data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 2;

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function blocks() {
  const dir = path.join(tmp, 'bench-blocks-v1');
  if (existsSync(path.join(dir, 'done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(tmp, 'bench.om');
  const out = createWriteStream(file);
  for (const line of openMetricsLines()) if (!out.write(line + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const r = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, dir], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('promtool failed');
  rmSync(file);
  await (await import('node:fs/promises')).writeFile(path.join(dir, 'done'), '');
  return dir;
}

async function startPrometheus(blockDir) {
  const port = await freePort();
  const data = mkdtempSync(path.join(os.tmpdir(), 'scry-bench-'));
  cpSync(blockDir, data, { recursive: true, filter: (p) => !p.endsWith('done') });
  const cfg = path.join(data, 'prometheus.yml');
  await (
    await import('node:fs/promises')
  ).writeFile(cfg, 'global:\n  scrape_interval: 15s\nscrape_configs: []\n');
  const proc = spawn(
    'prometheus',
    [
      `--config.file=${cfg}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`${url}/-/ready`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () => (proc.kill('SIGTERM'), rmSync(data, { recursive: true, force: true })),
  };
}

async function serveDir(dir) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.map': 'application/json',
  };
  const server = http.createServer(async (req, res) => {
    let p = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!p.startsWith(dir)) return res.writeHead(403).end();
    if (p.endsWith('/')) p = path.join(p, 'index.html');
    try {
      const body = await readFile(p);
      res
        .writeHead(200, { 'content-type': types[path.extname(p)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

async function main() {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('bench page build failed');
  const prom = await startPrometheus(await blocks());
  const site = await serveDir(path.join(tmp, 'bench-dist'));
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
    site.close();
    prom.stop();
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
