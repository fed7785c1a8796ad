// Bytes per auto-refresh tick (issue 12): one panel of 20 series over `now-6h` at a 5 s step,
// refreshing every 5 s, against a Prometheus holding the last 6 h 10 min of those series. The first
// load fetches the window; each tick should fetch only the tail (prometheus/tail.ts).
import { rmSync } from 'node:fs';
import { ensureBlocks, startPrometheus } from '../e2e/fixture/stack.mjs';
import { serveStatic } from '../scripts/server.mjs';

const SERIES = 20;
const STEP_SEC = 5;
const SPAN_SEC = 6 * 3600 + 600;
const TICKS = 6;

function* lines(endSec) {
  yield '# HELP tick_value A float gauge per idx for the refresh benchmark.';
  yield '# TYPE tick_value gauge';
  const startSec = endSec - SPAN_SEC;
  for (let i = 0; i < SERIES; i++)
    for (let t = startSec; t <= endSec; t += STEP_SEC)
      yield `tick_value{idx="${i}"} ${(100 + i + 40 * Math.sin(t / 600 + i)).toFixed(4)} ${t}`;
  yield '# EOF';
}

const dashboard = {
  scry: 1,
  uid: 'bench-refresh',
  title: 'Bench refresh',
  panels: [
    {
      id: 1,
      type: 'timeseries',
      title: 'ticks',
      gridPos: { x: 0, y: 0, w: 24, h: 10 },
      // 6 h at 5 s = 4 320 points: above the panel width, so the step is the min step
      maxDataPoints: 5000,
      targets: [{ refId: 'A', expr: 'tick_value', legendFormat: '{{idx}}', interval: '5s' }],
    },
  ],
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Loads the dashboard, waits for TICKS refresh ticks; wire bytes of the first load and of each tick. */
export async function refreshWorkload({ browser, dist }) {
  const nowSec = Math.floor(Date.now() / 1000);
  const name = `refresh-blocks-${nowSec}`;
  const blocks = await ensureBlocks(name, lines(nowSec - (nowSec % STEP_SEC)));
  const prom = await startPrometheus({ blocksDir: blocks, quiet: true });
  const site = await serveStatic({
    root: dist,
    overlay: {
      '/config.json': {
        datasources: [{ name: 'bench', url: prom.url, default: true, scrapeInterval: '5s' }],
        dashboards: ['dashboards/refresh.json'],
      },
      '/dashboards/refresh.json': dashboard,
    },
  });
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await ctx.newPage();
    const sent = [];
    page.on('requestfinished', async (r) => {
      const u = new URL(r.url());
      if (u.pathname !== '/api/v1/query_range') return;
      const p = r.method() === 'POST' ? new URLSearchParams(r.postData() ?? '') : u.searchParams;
      const { responseBodySize } = await r.sizes();
      sent.push({
        span: Number(p.get('end')) - Number(p.get('start')),
        step: Number(p.get('step')),
        bytes: responseBodySize,
      });
    });
    await page.goto(`${site.url}#/d/bench-refresh?from=now-6h&to=now&refresh=5s`);
    const deadline = Date.now() + (TICKS + 6) * 5000 + 30_000;
    while (sent.length < TICKS + 1 && Date.now() < deadline) await page.waitForTimeout(500);
    if (sent.length < TICKS + 1)
      throw new Error(`refresh bench: ${sent.length} range requests, expected ${TICKS + 1}`);
    const [full, ...ticks] = sent;
    const tick = median(ticks.map((t) => t.bytes));
    return {
      step: full.step,
      fullSpan: full.span,
      fullBytes: full.bytes,
      tickSpan: median(ticks.map((t) => t.span)),
      tickBytes: tick,
      ratio: tick / full.bytes,
      ticks: ticks.length,
    };
  } finally {
    await ctx.close();
    await site.close();
    await prom.stop();
    rmSync(blocks, { recursive: true, force: true });
  }
}

/** The BENCHMARKS.md lines for a refreshWorkload result. */
export function printRefresh(r) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `\nAuto refresh: 1 panel × ${SERIES} series, now-6h at ${r.step} s, refresh 5 s; median of ${r.ticks} ticks\n`,
  );
  console.log('| request | window asked | bytes (wire) | ÷ full fetch |');
  console.log('|---|---|---|---|');
  console.log(`| first load (full) | ${r.fullSpan} s | ${kb(r.fullBytes)} | 1 |`);
  console.log(
    `| refresh tick (tail) | ${r.tickSpan} s | ${kb(r.tickBytes)} | **${r.ratio.toFixed(3)}** |`,
  );
}
