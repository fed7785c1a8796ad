#!/usr/bin/env node
// "Is it a cat?": a tiny HTTP service instrumented with prom-client, the live half of Scry's
// fixture and demo. It classifies pictures (pretends to), exposes /metrics, and generates its own
// traffic so dashboards always have something to show.
//
//   node demo/cat-service.mjs [--port N] [--host 127.0.0.1] [--no-traffic] [--rps 20]
import http from 'node:http';
import client from 'prom-client';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const host = opt('host', '127.0.0.1');
const port = Number(opt('port', process.env.PORT ?? 0));
const rps = Number(opt('rps', 20));

const registry = new client.Registry();
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
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Latency in ms: log-normal around 40 ms with a slow tail, worse at every 5th minute. */
function latencyMs() {
  const u = Math.random() || 1e-9;
  const v = Math.random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const slow = new Date().getMinutes() % 5 === 0 ? 3 : 1;
  return Math.min(3000, Math.exp(Math.log(40) + 0.7 * normal) * slow);
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/metrics') {
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(await registry.metrics());
    return;
  }
  const path = ['/classify', '/healthz', '/'].includes(url.pathname) ? url.pathname : 'other';
  const end = duration.startTimer({ method: req.method ?? 'GET', path });
  inProgress.inc({ path });
  let status = 200;
  let body = '';
  try {
    if (path === '/classify') {
      await sleep(latencyMs());
      const size = Number(url.searchParams.get('size') ?? 100_000);
      lastSize.observe(size);
      if (Math.random() < 0.02) {
        status = 500;
        body = 'the cat ran away\n';
      } else {
        const verdict = Math.random() < 0.6 ? 'cat' : 'not_cat';
        cats.inc({ verdict });
        body = JSON.stringify({ verdict }) + '\n';
      }
    } else if (path === '/healthz') body = 'ok\n';
    else if (path === '/') body = 'Is it a cat? POST /classify?size=N\n';
    else {
      status = 404;
      body = 'not found\n';
    }
  } finally {
    inProgress.dec({ path });
    requests.inc({ method: req.method ?? 'GET', path, status: String(status) });
    end();
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

/** Own traffic: ~rps requests a second, mostly classifications, some health checks and 404s. */
function traffic(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const once = () => {
    const r = Math.random();
    const target =
      r < 0.8
        ? `/classify?size=${Math.round(20_000 + Math.random() * 400_000)}`
        : r < 0.97
          ? '/healthz'
          : '/missing';
    const req = http.request(`${base}${target}`, {
      method: target.startsWith('/classify') ? 'POST' : 'GET',
      agent,
    });
    req.on('response', (res) => res.resume());
    req.on('error', () => {});
    req.end();
  };
  setInterval(() => {
    // wobble the rate a little so the request-rate chart is not a flat line
    const n = Math.max(1, Math.round((rps / 10) * (1 + 0.3 * Math.sin(Date.now() / 60_000))));
    for (let i = 0; i < n; i++) once();
  }, 100).unref?.();
}

// Exit at once: the self-traffic keeps keep-alive sockets open, so server.close() would wait.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
