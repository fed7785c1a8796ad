// The dashboard workload (issue 12): the same N ≤ 10 range queries as a Scry dashboard, on
// Prometheus' own /classic/graph page and on a bare "floor" page (fetch 6 at a time + JSON.parse),
// each cold (a fresh browser context per load), interleaved run by run in one Chromium.
import { serveStatic } from '../scripts/server.mjs';
import { BENCH } from './data.mjs';
import { profileDashboardLoad } from './dashboardProfile.mjs';

/** Panels on the dashboard (the classic page's parser sorts g10 before g2: at most 10). */
export const PANELS = 10;

/** idx regex of panel k: idx 20k … 20k+19 of bench_value's 200 series. */
export function groupRegex(k) {
  if (k === 0) return '[0-9]|1[0-9]';
  if (k < 5) return `${2 * k}[0-9]|${2 * k + 1}[0-9]`;
  return `1[${2 * (k - 5)}${2 * (k - 5) + 1}][0-9]`;
}

export const exprOf = (k) => `bench_value{idx=~"${groupRegex(k)}"}`;

/** A Scry dashboard of PANELS time-series panels; `fixedStep` pins every query's step. */
export function dashboardFor(uid, fixedStep) {
  return {
    scry: 1,
    uid,
    title: `Bench ${uid}`,
    time: { from: String(BENCH.startSec * 1000), to: String(BENCH.endSec * 1000) },
    timezone: 'utc',
    panels: Array.from({ length: PANELS }, (_v, k) => ({
      id: k + 1,
      type: 'timeseries',
      title: `group ${k}`,
      // two columns of five, all on the first 1080 px screen (the classic page shows all too)
      gridPos: { x: (k % 2) * 12, y: Math.floor(k / 2) * 6, w: 12, h: 6 },
      targets: [
        {
          refId: 'A',
          expr: exprOf(k),
          legendFormat: '{{idx}}',
          ...(fixedStep ? { interval: `${fixedStep}s` } : {}),
        },
      ],
    })),
  };
}

// Installed in every measured page before its own scripts: records when the page is "done"
// (its condition holds, then the next frame has been painted and a task has run).
export const INIT = `(() => {
  const conds = {
    scry: () => {
      const ps = document.querySelectorAll('[data-testid="panel"]');
      return ps.length === ${PANELS} && [...ps].every((p) => p.dataset.state === 'ok' && p.querySelector('canvas'));
    },
    classic: () => {
      const s = document.querySelectorAll('.eval_stats');
      return s.length === ${PANELS} && [...s].every((e) => e.textContent.includes('Load time'));
    },
    floor: () => window.__floorDone === true,
  };
  const kind = location.pathname.includes('/classic/') ? 'classic' : location.pathname.includes('/floor-') ? 'floor' : 'scry';
  let fired = false;
  const check = () => {
    if (fired || !conds[kind]()) return;
    fired = true;
    requestAnimationFrame(() => setTimeout(() => { window.__benchDone = performance.now(); }, 0));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__benchCheck = check;
})();`;

/** The floor: a bare page that runs the given requests 6 at a time and JSON.parses each. */
function floorPage(requests) {
  return `<!doctype html><meta charset="utf-8"><title>floor</title><script>
const q = ${JSON.stringify(requests)};
let next = 0;
async function worker() {
  while (next < q.length) {
    const r = q[next++];
    const res = await fetch(r.url, r.body ? { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: r.body } : {});
    JSON.parse(await res.text());
  }
}
Promise.all(Array.from({ length: 6 }, worker)).then(() => { window.__floorDone = true; window.__benchCheck(); });
</script>`;
}

/** Classic /classic/graph URL for the captured queries (same expr, start, end, step). */
function classicUrl(promUrl, queries) {
  const p = new URLSearchParams();
  queries.forEach((q, i) => {
    const end = new Date(q.end * 1000).toISOString().slice(0, 16).replace('T', ' ');
    p.set(`g${i}.expr`, q.query);
    p.set(`g${i}.tab`, '0');
    p.set(`g${i}.range_input`, `${q.end - q.start}s`);
    p.set(`g${i}.end_input`, end);
    p.set(`g${i}.step_input`, String(q.step));
  });
  return `${promUrl}/classic/graph?${p}`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The query_range parameters of a request (GET or POST). */
function rangeParams(req) {
  const u = new URL(req.url());
  const p = req.method() === 'POST' ? new URLSearchParams(req.postData() ?? '') : u.searchParams;
  return {
    query: p.get('query'),
    start: Number(p.get('start')),
    end: Number(p.get('end')),
    step: Number(p.get('step')),
  };
}

/**
 * One cold load of `url` in a fresh context: time to done, the requests to Prometheus (count,
 * wire bytes of their bodies, the query_range parameters), first query start, JS loaded, heap.
 */
export async function coldLoad(browser, url, promOrigin) {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await ctx.addInitScript(INIT);
  const page = await ctx.newPage();
  const prom = [];
  const js = [];
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.origin === promOrigin && u.pathname.startsWith('/api/')) prom.push(r);
    else if (u.pathname.endsWith('.js')) js.push(u.pathname);
  });
  // main-thread time (tasks, script, layout + style) from navigation to done: less sensitive to
  // other processes' load than wall time, which waits while the CPU runs someone else
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'commit', timeout: 0 });
  try {
    await page.waitForFunction(() => window.__benchDone !== undefined, null, {
      timeout: Number(process.env.BENCH_LOAD_TIMEOUT ?? 300_000),
    });
  } catch (e) {
    const state = await page.evaluate(() => ({
      panels: [...document.querySelectorAll('[data-testid="panel"]')].map(
        (p) => `${p.dataset.state}${p.querySelector('canvas') ? '+canvas' : ''}`,
      ),
      classic: [...document.querySelectorAll('.eval_stats')].map((x) => x.textContent),
      text: document.body?.innerText.slice(0, 300),
    }));
    throw new Error(`${url}: not done: ${JSON.stringify(state)}`, { cause: e });
  }
  const timing = await page.evaluate((origin) => {
    const res = performance.getEntriesByType('resource');
    const first = (pred) => {
      const e = res.filter(pred).sort((a, b) => a.startTime - b.startTime)[0];
      return e ? e.startTime : NaN;
    };
    return {
      done: window.__benchDone,
      firstQuery: first((e) => e.name.startsWith(origin + '/api/v1/query')),
      config: first((e) => e.name.endsWith('/config.json')),
      dashboardJson: first((e) => e.name.includes('/dashboards/')),
      // the app's own start-up marks (performance.mark('scry:…')), first of each name
      marks: Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('scry:'))
          .reverse()
          .map((m) => [m.name.slice(5), Math.round(m.startTime)]),
      ),
    };
  }, promOrigin);
  const metric = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]),
  );
  const cpu = {
    task: metric.TaskDuration,
    script: metric.ScriptDuration,
    layout: metric.LayoutDuration + metric.RecalcStyleDuration,
  };
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let bytes = 0;
  for (const r of prom) bytes += (await r.sizes()).responseBodySize;
  const queries = prom
    .filter((r) => new URL(r.url()).pathname === '/api/v1/query_range')
    .map(rangeParams);
  await ctx.close();
  return { ...timing, requests: prom.length, bytes, queries, heap, js, cpu };
}

export { entrySize } from '../scripts/entry-size.mjs';

/**
 * Runs the workload: for the fixed step and for Scry's default step, Scry vs /classic/graph vs
 * the floor, `runs` cold loads each after `warmup`, interleaved.
 */
export async function dashboardWorkload({ browser, prom, dist, runs, warmup }) {
  const promOrigin = new URL(prom.url).origin;
  const overlay = {
    '/config.json': {
      datasources: [{ name: 'bench', url: prom.url, default: true, scrapeInterval: '15s' }],
      dashboards: ['dashboards/fixed.json', 'dashboards/default.json'],
    },
    '/dashboards/fixed.json': dashboardFor('bench-fixed', BENCH.stepSec),
    '/dashboards/default.json': dashboardFor('bench-default', null),
  };
  const site = await serveStatic({ root: dist, overlay });
  // BENCH_COMPARE=<another dist>: that build's cold loads too, interleaved (same machine load)
  const other = process.env.BENCH_COMPARE
    ? await serveStatic({ root: process.env.BENCH_COMPARE, overlay })
    : undefined;
  const sides = other ? ['scry', 'before', 'classic', 'floor'] : ['scry', 'classic', 'floor'];
  const range = `from=${BENCH.startSec * 1000}&to=${BENCH.endSec * 1000}&tz=utc`;
  const modes = [];
  try {
    // BENCH_DASH_MODES=fixed (or default) runs one mode only
    const only = process.env.BENCH_DASH_MODES?.split(',');
    for (const mode of ['fixed', 'default'].filter((m) => !only || only.includes(m))) {
      const scryUrl = `${site.url}#/d/bench-${mode}?${range}`;
      // Scry's own requests define the workload for the classic page and the floor.
      const probe = await coldLoad(browser, scryUrl, promOrigin);
      const queries = [...new Map(probe.queries.map((q) => [q.query, q])).values()];
      if (queries.length !== PANELS)
        throw new Error(`expected ${PANELS} distinct queries, Scry sent ${queries.length}`);
      overlay[`/floor-${mode}.html`] = floorPage(
        queries.map((q) => ({
          url: `${prom.url}/api/v1/query_range?${new URLSearchParams({
            query: q.query,
            start: String(q.start),
            end: String(q.end),
            step: String(q.step),
          })}`,
        })),
      );
      const urls = {
        scry: scryUrl,
        ...(other ? { before: `${other.url}#/d/bench-${mode}?${range}` } : {}),
        classic: classicUrl(prom.url, queries),
        floor: `${site.url}floor-${mode}.html`,
      };
      if (process.env.BENCH_PROFILE === 'dashboard') {
        await profileDashboardLoad(browser, urls.scry);
        await profileDashboardLoad(browser, urls.floor);
      }
      if (runs === 0) continue; // BENCH_DASH_RUNS=0: the profile alone
      const samples = Object.fromEntries(sides.map((s) => [s, []]));
      for (let i = 0; i < warmup + runs; i++) {
        // rotate the order so no side always runs first after the previous one's load
        const order = [...sides];
        for (let r = 0; r < i % sides.length; r++) order.push(order.shift());
        for (const side of order) {
          const m = await coldLoad(browser, urls[side], promOrigin);
          process.stderr.write(
            `${mode} run ${i} ${side}: ${m.done.toFixed(0)} ms (main thread ${m.cpu.task.toFixed(0)} ms: script ${m.cpu.script.toFixed(0)}, style + layout ${m.cpu.layout.toFixed(0)})\n`,
          );
          // BENCH_DEBUG=1: the start-up timeline of each Scry load
          if (process.env.BENCH_DEBUG && (side === 'scry' || side === 'before'))
            process.stderr.write(
              `  config.json ${m.config.toFixed(0)} · dashboard JSON ${m.dashboardJson.toFixed(0)} · first query ${m.firstQuery.toFixed(0)} · marks ${JSON.stringify(m.marks)}\n`,
            );
          if (i >= warmup) samples[side].push(m);
        }
      }
      modes.push({ mode, step: queries[0].step, queries, samples });
    }
  } finally {
    await site.close();
    await other?.close();
  }
  return modes.map(({ mode, step, samples }) => {
    const pick = (side, f) => median(samples[side].map(f));
    const row = (side) => ({
      done: pick(side, (m) => m.done),
      requests: pick(side, (m) => m.requests),
      bytes: pick(side, (m) => m.bytes),
      firstQuery: pick(side, (m) => m.firstQuery),
      mainThread: pick(side, (m) => m.cpu.task),
      heap: pick(side, (m) => m.heap),
      config: pick(side, (m) => m.config),
      dashboardJson: pick(side, (m) => m.dashboardJson),
      js: samples[side][0]?.js ?? [],
    });
    return {
      mode,
      step,
      runs: samples.scry.length,
      ...Object.fromEntries(Object.keys(samples).map((side) => [side, row(side)])),
      // BENCH_COMPARE: per run, this build over the one before (loaded next to each other, so
      // under about the same load); the median of those ratios
      ...(samples.before
        ? {
            paired: Object.fromEntries(
              ['done', 'firstQuery', 'mainThread'].map((k) => {
                const get = (m) => (k === 'mainThread' ? m.cpu.task : m[k]);
                return [k, median(samples.scry.map((m, i) => get(m) / get(samples.before[i])))];
              }),
            ),
          }
        : {}),
      spread: Object.fromEntries(
        Object.entries(samples).map(([side, ms]) => [side, ms.map((m) => Math.round(m.done))]),
      ),
    };
  });
}
