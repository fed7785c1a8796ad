// BENCH_PROFILE=dashboard: where a cold Scry dashboard load spends its time. One more cold load
// (fresh context) under a Chromium trace (main-thread tasks + V8 CPU samples on one clock), plus
// what the page itself saw: resource timing of every request (entry JS, config.json, dashboard
// JSON, each query_range), when each panel reached data-state="ok" with a canvas, and long tasks.
// Prints a timeline relative to navigation start. Build unminified for names:
// `npx vite build --minify false` (BENCHMARKS.md).
import { INIT, PANELS, groupRegex } from './dashboard.mjs';

// Installed before the page's scripts, besides INIT: when each panel became ok, and long tasks.
const PROBE = `(() => {
  window.__panelOk = {};
  window.__longTasks = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  new MutationObserver(() => {
    for (const p of document.querySelectorAll('[data-testid="panel"]')) {
      const t = p.dataset.panelTitle;
      if (!(t in window.__panelOk) && p.dataset.state === 'ok' && p.querySelector('canvas'))
        window.__panelOk[t] = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

/** Trace events that name the kind of main-thread work (see `report`). */
const KINDS = new Set([
  'ParseHTML',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'EvaluateScript',
  'FunctionCall',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'MajorGC',
  'MinorGC',
  'ParseAuthorStyleSheet',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
]);

const short = (url) => {
  try {
    const u = new URL(url);
    if (u.pathname.endsWith('/query_range')) {
      const q = u.searchParams.get('query') ?? '';
      const k = [...Array(PANELS).keys()].find((i) => q.includes(`"${groupRegex(i)}"`));
      return `query_range group ${k ?? '?'}`;
    }
    return u.pathname.split('/').pop() || u.pathname;
  } catch {
    return url;
  }
};

/** The CPU samples of the trace's profiles: [{ ts (µs, trace clock), pid, frame }]. */
function samplesOf(events) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile') {
      profiles.set(`${e.pid}:${e.id}`, {
        pid: e.pid,
        t: e.args.data.startTime,
        nodes: new Map(),
        out: [],
      });
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(`${e.pid}:${e.id}`);
      if (!p) continue;
      const d = e.args.data;
      for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      const samples = d.cpuProfile?.samples ?? [];
      samples.forEach((id, i) => {
        p.t += d.timeDeltas[i] ?? 0;
        p.out.push({ ts: p.t, pid: p.pid, id });
      });
    }
  }
  const all = [];
  for (const p of profiles.values()) {
    const parentOf = (n) => (n.parent === undefined ? undefined : p.nodes.get(n.parent));
    for (const s of p.out) {
      const n = p.nodes.get(s.id);
      if (!n) continue;
      const f = n.callFrame;
      const name = `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? 0) + 1}`;
      // the stack's named functions, innermost first (for total time)
      const stack = [];
      for (let x = n; x; x = parentOf(x)) {
        const g = x.callFrame;
        if (g.functionName) stack.push(`${g.functionName} ${(g.url ?? '').split('/').pop()}`);
      }
      all.push({ ts: s.ts, pid: s.pid, name, stack });
    }
  }
  return all.sort((a, b) => a.ts - b.ts);
}

export async function profileDashboardLoad(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await ctx.addInitScript(INIT);
  await ctx.addInitScript(PROBE);
  const page = await ctx.newPage();
  await browser.startTracing(page, { categories: CATEGORIES.split(',') });
  await page.goto(url, { waitUntil: 'commit', timeout: 0 });
  await page.waitForFunction(() => window.__benchDone !== undefined, null, { timeout: 300_000 });
  await page.waitForTimeout(100);
  const seen = await page.evaluate(() => ({
    done: window.__benchDone,
    panelOk: window.__panelOk,
    longTasks: window.__longTasks,
    res: performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      start: e.startTime,
      ttfb: e.responseStart,
      end: e.responseEnd,
      bytes: e.encodedBodySize,
      wire: e.transferSize,
    })),
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await ctx.close();
  report(url, seen, trace.traceEvents ?? trace);
}

function report(url, seen, events) {
  const ms = (x) => x.toFixed(0).padStart(6);
  console.log(`\nProfile of one cold load of ${url}: done at ${seen.done.toFixed(0)} ms`);
  console.log('\nRequests (ms after navigation start): start  first byte  end  bytes(body)');
  const queries = [];
  for (const r of [...seen.res].sort((a, b) => a.start - b.start)) {
    const name = short(r.name);
    if (name.startsWith('query_range')) queries.push({ ...r, name });
    console.log(
      `${ms(r.start)} ${ms(r.ttfb)} ${ms(r.end)}  ${String(r.bytes).padStart(8)}  ${name}`,
    );
  }
  console.log('\nPanels: response end → ok with canvas');
  for (const q of queries) {
    const title = q.name.replace('query_range ', '');
    const ok = seen.panelOk[title];
    console.log(
      `${title}: response ${ms(q.end)}  ok ${ok === undefined ? '     -' : ms(ok)}  (+${ok === undefined ? '?' : (ok - q.end).toFixed(0)} ms)`,
    );
  }
  console.log(
    `\nLong tasks (start+duration ms): ${seen.longTasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(' ')}`,
  );

  // The renderer that ran the page: the one whose main thread sent the query_range requests.
  const sends = events.filter(
    (e) => e.name === 'ResourceSendRequest' && /query_range/.test(e.args?.data?.url ?? ''),
  );
  if (!sends.length) return console.log('(trace: no ResourceSendRequest for query_range)');
  const { pid, tid } = sends[0];
  // zero: the first query's send in the trace is the page's first query_range start
  const firstQuery = Math.min(...queries.map((q) => q.start));
  const nav = events.find(
    (e) =>
      e.pid === pid &&
      e.name === 'navigationStart' &&
      /^http/.test(e.args?.data?.documentLoaderURL ?? ''),
  );
  const zero = nav ? nav.ts : Math.min(...sends.map((e) => e.ts)) - firstQuery * 1000;
  const rel = (ts) => (ts - zero) / 1000;
  const end = seen.done;

  // main-thread busy time (top-level tasks) per 100 ms window, with the samples' top functions
  const W = 100;
  const windows = Array.from({ length: Math.ceil(end / W) + 1 }, () => ({
    busy: 0,
    fns: new Map(),
    kinds: new Map(),
  }));
  // the time of event `e` inside each window, given to `add(window, ms)`
  const spread = (e, add) => {
    let s = rel(e.ts);
    const f = rel(e.ts + (e.dur ?? 0));
    while (s < f && s < end) {
      const w = Math.max(0, Math.floor(s / W));
      const until = Math.min(f, (w + 1) * W);
      if (windows[w]) add(windows[w], until - Math.max(s, 0));
      s = until;
    }
  };
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X') continue;
    if (e.name === 'RunTask') spread(e, (w, d) => (w.busy += d));
    // what kind of work the main thread did (compiling, evaluating modules, parsing HTML, style,
    // layout, GC): the CPU samples name only JavaScript functions
    else if (KINDS.has(e.name))
      spread(e, (w, d) => w.kinds.set(e.name, (w.kinds.get(e.name) ?? 0) + d));
  }
  const samples = samplesOf(events).filter((s) => s.pid === pid);
  let prev;
  const self = new Map();
  const total = new Map();
  for (const s of samples) {
    const t = rel(s.ts);
    const dt = prev === undefined ? 0 : Math.min(t - prev, 5);
    prev = t;
    if (t < 0 || t > end || /^\((idle|program|root)\)/.test(s.name)) continue;
    const w = windows[Math.floor(t / W)];
    if (w) w.fns.set(s.name, (w.fns.get(s.name) ?? 0) + dt);
    self.set(s.name, (self.get(s.name) ?? 0) + dt);
    for (const k of new Set(s.stack)) total.set(k, (total.get(k) ?? 0) + dt);
  }
  console.log(`\nMain thread per ${W} ms (busy ms, top self functions):`);
  windows.forEach((w, i) => {
    if (i * W > end) return;
    const top = [...w.fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(' · ');
    const kinds = [...w.kinds]
      .filter(([, v]) => v >= 5)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', ');
    console.log(`${ms(i * W)} ${ms(w.busy)}  ${top}${kinds ? `  [${kinds}]` : ''}`);
  });
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1).padStart(8)}  ${k}`)
      .join('\n');
  console.log(`\nSelf time to done (ms):\n${top(self, 30)}`);
  console.log(`\nTotal time to done (ms):\n${top(total, 40)}`);
}
