#!/usr/bin/env node
// `npm start`: serves the production build (dist/) and, when Debian's `prometheus` is installed,
// the live demo: the "is it a cat?" service scraped by a Prometheus on a free loopback port,
// provisioned as datasource "demo" with a dashboard (config.json served beside index.html). The
// demo Prometheus starts with the service's last 24 h backfilled (demo/backfill.mjs), so the
// dashboard is full from the first second; live scrapes continue where the history ends.
//
//   node scripts/start.mjs [--port 3000] [--host 127.0.0.1] [--no-demo]
//   env: SCRY_PORT, SCRY_HOST, SCRY_DEMO=0
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from './server.mjs';
import {
  hasBinary,
  root,
  startCatService,
  startPrometheus,
  tmpDir,
} from '../e2e/fixture/stack.mjs';
import { DEMO_LABELS, DEMO_RULES, DEMO_STEP_MS, backfillDemo } from '../demo/backfill.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const explicitPort = opt('port') ?? process.env.SCRY_PORT;
const host = opt('host') ?? process.env.SCRY_HOST ?? '127.0.0.1';
const demoWanted = !args.includes('--no-demo') && process.env.SCRY_DEMO !== '0';
const dist = path.join(root, 'dist');

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/ has no build: run `npm start` (it builds first) or `npm run build`.');
  process.exit(1);
}

const stops = [];
async function shutdown(code = 0) {
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function startDemo() {
  if (!demoWanted) return { overlay: {}, note: 'Demo off (--no-demo / SCRY_DEMO=0).' };
  if (!hasBinary('prometheus'))
    return {
      overlay: {},
      note:
        'Demo off: the `prometheus` binary is not installed. `sudo apt-get install prometheus` ' +
        'and run `npm start` again for a live demo.',
    };
  const t0 = Date.now();
  const blocks = path.join(tmpDir, `demo-blocks-${process.pid}`);
  rmSync(blocks, { recursive: true, force: true });
  const historyEnd = await backfillDemo(blocks, t0);
  const cat = await startCatService();
  stops.push(cat.stop);
  // A fresh data directory each time: the history is rebuilt for the new "now", and a kept head
  // would overlap it.
  const prom = await startPrometheus({
    blocksDir: blocks,
    targets: [{ job: DEMO_LABELS.job, target: new URL(cat.url).host, labels: DEMO_LABELS }],
    scrapeInterval: `${DEMO_STEP_MS / 1000}s`,
    rules: DEMO_RULES,
    // the live service's latency histogram carries exemplars (trace ids of its own traffic)
    features: ['exemplar-storage'],
  }).finally(() => rmSync(blocks, { recursive: true, force: true }));
  stops.push(prom.stop);
  const lag = Math.round((t0 - historyEnd) / 1000);
  // Keep what a deployer put in dist/config.json; add the demo beside it.
  const own = readJson(path.join(dist, 'config.json')) ?? {};
  const datasources = Array.isArray(own.datasources) ? own.datasources : [];
  const config = {
    ...own,
    datasources: [
      ...datasources,
      {
        name: 'demo',
        type: 'prometheus',
        url: prom.url,
        default: !datasources.some((d) => d && d.default),
        scrapeInterval: `${DEMO_STEP_MS / 1000}s`,
      },
    ],
    dashboards: [...(Array.isArray(own.dashboards) ? own.dashboards : []), 'dashboards/demo.json'],
  };
  return {
    overlay: {
      '/config.json': config,
      '/dashboards/demo.json': readFileSync(path.join(root, 'demo/dashboard.json'), 'utf8'),
    },
    note:
      `Demo: Prometheus ${prom.url} scraping the "is it a cat?" service ${cat.url} ` +
      `(datasource "demo"); the last 24 h backfilled up to ${lag} s before start ` +
      `(ready in ${((Date.now() - t0) / 1000).toFixed(1)} s).`,
  };
}

async function listen(overlay) {
  const first = Number(explicitPort ?? 3000);
  for (let port = first; port < first + 20; port++) {
    try {
      return await serveStatic({ root: dist, host, port, overlay });
    } catch (e) {
      if (explicitPort || e.code !== 'EADDRINUSE') throw e;
    }
  }
  return serveStatic({ root: dist, host, port: 0, overlay });
}

try {
  const demo = await startDemo();
  const site = await listen(demo.overlay);
  stops.push(site.close);
  console.log(`\nScry is running: ${site.url}`);
  console.log(demo.note);
  console.log('Press Ctrl+C to stop.\n');
} catch (e) {
  console.error(`Scry could not start: ${e instanceof Error ? e.message : String(e)}`);
  await shutdown(1);
}
