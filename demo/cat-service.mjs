#!/usr/bin/env node
// "Is it a cat?": a tiny HTTP service instrumented with prom-client, the live half of Scry's
// fixture and demo. It classifies pictures (pretends to), exposes /metrics, and generates its own
// traffic so dashboards always have something to show. Traffic, latency, errors and the picture
// store follow model.mjs (daily pattern, the 09:00 UTC deploy, the 17:20 UTC 5xx burst), the
// model the demo's 24 h backfill is computed from.
//
// /metrics speaks OpenMetrics, so the latency histogram carries exemplars: a request with a W3C
// `traceparent` header (the self-traffic sends one) leaves its trace id and duration on the
// bucket it fell in. `GET /?delay_ms=N` answers after N ms (at most 5 s): a request of known
// latency, for tests and demos of one traced request.
//
//   node demo/cat-service.mjs [--port N] [--host 127.0.0.1] [--no-traffic] [--rps 20]
import http from 'node:http';
import client from 'prom-client';
import {
  BASE_RPS,
  CAT_SHARE,
  LATENCY_BUCKETS,
  PATHS,
  PICTURE,
  STORE,
  errorRatio,
  latencyModel,
  requestRate,
  sampleLatency,
  storeBytes,
} from './model.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const host = opt('host', '127.0.0.1');
const port = Number(opt('port', process.env.PORT ?? 0));
const rps = Number(opt('rps', BASE_RPS));

// OpenMetrics: the only exposition format that carries exemplars
const registry = new client.Registry(client.openMetricsContentType);
client.collectDefaultMetrics({ register: registry });

const requests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests served, by method, path and status code.',
  labelNames: ['method', 'path', 'status'],
  registers: [registry],
});
const duration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method and path.',
  labelNames: ['method', 'path'],
  buckets: LATENCY_BUCKETS,
  registers: [registry],
  enableExemplars: true,
});
// `GET /` exists from the start (at zero), so the first traced request to it is an increase
// that rate() sees, not the first sample of a new series
duration.zero({ method: 'GET', path: '/' });
const inProgress = new client.Gauge({
  name: 'http_requests_in_progress',
  help: 'HTTP requests being served right now, by path.',
  labelNames: ['path'],
  registers: [registry],
});
const cats = new client.Counter({
  name: 'cat_classifications_total',
  help: 'Pictures classified, by verdict.',
  labelNames: ['verdict'],
  registers: [registry],
});
const lastSize = new client.Summary({
  name: 'cat_picture_size_bytes',
  help: 'Size of the pictures received.',
  percentiles: [0.5, 0.9, 0.99],
  maxAgeSeconds: 60,
  ageBuckets: 5,
  registers: [registry],
});

new client.Gauge({
  name: 'cat_picture_store_bytes',
  help: 'Bytes in the picture store (cleaned at 00:00 UTC).',
  registers: [registry],
  collect() {
    this.set(Math.round(storeBytes(Date.now())));
  },
});
new client.Gauge({
  name: 'cat_picture_store_capacity_bytes',
  help: 'Size of the picture store.',
  registers: [registry],
  collect() {
    this.set(STORE.capacityBytes);
  },
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The trace id of a W3C `traceparent` header (`00-<32 hex>-<16 hex>-<flags>`), if valid. */
function traceIdOf(header) {
  const m = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(String(header ?? '').trim());
  return m && !/^0+$/.test(m[1]) ? m[1] : undefined;
}

const hex = (bytes) =>
  Array.from({ length: bytes }, () =>
    Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0'),
  ).join('');

/** Latency in ms of one classification now, drawn from the model. */
function latencyMs() {
  const m = latencyModel(Date.now());
  return 1000 * sampleLatency(m, Math.random(), Math.random(), Math.random());
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/metrics') {
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(await registry.metrics());
    return;
  }
  const path = ['/classify', '/healthz', '/'].includes(url.pathname) ? url.pathname : 'other';
  const labels = { method: req.method ?? 'GET', path };
  const traceId = traceIdOf(req.headers.traceparent);
  const t0 = process.hrtime.bigint();
  inProgress.inc({ path });
  let status = 200;
  let body = '';
  try {
    if (path === '/classify') {
      await sleep(latencyMs());
      const size = Number(url.searchParams.get('size') ?? 100_000);
      lastSize.observe(size);
      if (Math.random() < errorRatio(Date.now())) {
        status = 500;
        body = 'the cat ran away\n';
      } else {
        const verdict = Math.random() < CAT_SHARE ? 'cat' : 'not_cat';
        cats.inc({ verdict });
        body = JSON.stringify({ verdict }) + '\n';
      }
    } else if (path === '/healthz') body = 'ok\n';
    else if (path === '/') {
      const delay = Math.min(5000, Math.max(0, Number(url.searchParams.get('delay_ms')) || 0));
      if (delay) await sleep(delay);
      body = 'Is it a cat? POST /classify?size=N\n';
    } else {
      status = 404;
      body = 'not found\n';
    }
  } finally {
    inProgress.dec({ path });
    requests.inc({ method: req.method ?? 'GET', path, status: String(status) });
    const value = Number(process.hrtime.bigint() - t0) / 1e9;
    duration.observe(
      traceId ? { value, labels, exemplarLabels: { trace_id: traceId } } : { value, labels },
    );
  }
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(body);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    res.writeHead(500).end(String(e));
  });
});
server.keepAliveTimeout = 5000;

server.listen(port, host, () => {
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  // The first line on stdout is the address, for whoever started us.
  console.log(`http://${host}:${actual}`);
  if (!flag('no-traffic')) traffic(`http://${host}:${actual}`);
});

/**
 * Own traffic: the model's request rate (scaled by --rps), split between classifications, health
 * checks and 404s as model.mjs's PATHS say.
 */
function traffic(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const [classify, health] = PATHS;
  const once = () => {
    const r = Math.random();
    const target =
      r < classify.share
        ? `/classify?size=${Math.round(PICTURE.min + Math.random() * (PICTURE.max - PICTURE.min))}`
        : r < classify.share + health.share
          ? '/healthz'
          : '/missing';
    const req = http.request(`${base}${target}`, {
      method: target.startsWith('/classify') ? 'POST' : 'GET',
      agent,
      // a traced request, as a tracing SDK would send it: its trace id becomes an exemplar
      headers: { traceparent: `00-${hex(16)}-${hex(8)}-01` },
    });
    req.on('response', (res) => res.resume());
    req.on('error', () => {});
    req.end();
  };
  let last = Date.now();
  let carry = 0;
  setInterval(() => {
    // requests due since the last tick (timers run late on a busy machine), fractions carried
    const now = Date.now();
    carry += ((requestRate(now) * rps) / BASE_RPS) * ((now - last) / 1000);
    last = now;
    const n = Math.floor(carry);
    carry -= n;
    for (let i = 0; i < n; i++) once();
  }, 100).unref?.();
}

// Exit at once: the self-traffic keeps keep-alive sockets open, so server.close() would wait.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
