import { describe, expect, it } from 'vitest';
import { PrometheusClient, type FetchFn } from './client';
import { PromError } from './errors';
import { Limiter } from './limiter';

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn: FetchFn = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fn, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('PrometheusClient', () => {
  it('sends GET with custom headers and returns data + warnings', async () => {
    const f = fakeFetch(() =>
      json({ status: 'success', data: { version: '2.42.0' }, warnings: ['w'] }),
    );
    const c = new PrometheusClient(
      { url: 'http://p:9090/', headers: { 'X-Scope-OrgID': 't1' } },
      f.fn,
    );
    const a = await c.buildInfo();
    const body = JSON.stringify({
      status: 'success',
      data: { version: '2.42.0' },
      warnings: ['w'],
    });
    expect(a).toEqual({ data: { version: '2.42.0' }, warnings: ['w'], bytes: body.length });
    expect(f.calls[0]!.url).toBe('http://p:9090/api/v1/status/buildinfo');
    expect((f.calls[0]!.init.headers as Record<string, string>)['X-Scope-OrgID']).toBe('t1');
  });

  it('asks for query statistics when the endpoint says so, and reads them from data.stats', async () => {
    const stats = {
      timings: { evalTotalTime: 0.0004, execTotalTime: 0.0005 },
      samples: { totalQueryableSamples: 2883, peakSamples: 12 },
    };
    const f = fakeFetch(() =>
      json({ status: 'success', data: { resultType: 'matrix', result: [], stats } }),
    );
    const on = new PrometheusClient({ url: 'http://p:9090', queryStats: true }, f.fn);
    const a = await on.queryRange({ expr: 'up', startSec: 0, endSec: 60, stepSec: 15 });
    expect(new URL(f.calls[0]!.url).searchParams.get('stats')).toBe('all');
    expect(a.stats).toEqual({ samples: 2883, peakSamples: 12, serverSec: 0.0005 });
    await on.query({ expr: 'up', timeSec: 60 });
    expect(new URL(f.calls[1]!.url).searchParams.get('stats')).toBe('all');
    const off = new PrometheusClient({ url: 'http://p:9090' }, f.fn);
    await off.queryRange({ expr: 'up', startSec: 0, endSec: 60, stepSec: 15 });
    expect(new URL(f.calls[2]!.url).searchParams.has('stats')).toBe(false);
  });

  it('sends long queries as a POST form body', async () => {
    const f = fakeFetch(() =>
      json({ status: 'success', data: { resultType: 'matrix', result: [] } }),
    );
    const c = new PrometheusClient({ url: 'http://p:9090' }, f.fn);
    const expr = 'sum(rate(x{a=~"' + 'v|'.repeat(1500) + 'v"}[5m]))';
    await c.queryRange({ expr, startSec: 0, endSec: 60, stepSec: 15 });
    const { url, init } = f.calls[0]!;
    expect(url).toBe('http://p:9090/api/v1/query_range');
    expect(init.method).toBe('POST');
    expect(new URLSearchParams(init.body as string).get('query')).toBe(expr);
    await c.queryRange({ expr: 'up', startSec: 0, endSec: 60, stepSec: 15 });
    expect(f.calls[1]!.init.method).toBe('GET');
    expect(f.calls[1]!.url).toContain('query=up&start=0&end=60&step=15');
  });

  it('reports Prometheus errors verbatim', async () => {
    const f = fakeFetch(() =>
      json(
        { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected "("' },
        400,
      ),
    );
    const c = new PrometheusClient({ url: 'http://p' }, f.fn);
    await expect(c.query({ expr: 'sum((', timeSec: 1 })).rejects.toMatchObject({
      kind: 'prometheus',
      message: 'bad_data: 1:5: parse error: unexpected "("',
    });
  });

  it('reports HTTP errors with status and body', async () => {
    const f = fakeFetch(
      () => new Response('no such tenant', { status: 401, statusText: 'Unauthorized' }),
    );
    const c = new PrometheusClient({ url: 'http://p' }, f.fn);
    const e = await c.buildInfo().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PromError);
    expect((e as PromError).message).toBe(
      'HTTP 401 Unauthorized from http://p/api/v1/status/buildinfo: no such tenant',
    );
  });

  it('says when the server is not Prometheus', async () => {
    const f = fakeFetch(
      () => new Response('<html>hi</html>', { headers: { 'content-type': 'text/html' } }),
    );
    const c = new PrometheusClient({ url: 'http://p' }, f.fn);
    await expect(c.buildInfo()).rejects.toMatchObject({ kind: 'not-prometheus' });
  });

  it('says when the server is unreachable', async () => {
    const f = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const c = new PrometheusClient({ url: 'http://127.0.0.1:1' }, f.fn);
    await expect(c.buildInfo()).rejects.toMatchObject({
      kind: 'unreachable',
      message:
        'Cannot reach http://127.0.0.1:1: fetch failed (is the URL right and the server running?)',
    });
  });

  it('times out slow servers', async () => {
    const f = fakeFetch(
      (_u, init) =>
        new Promise((_r, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
        ),
    );
    const c = new PrometheusClient({ url: 'http://slow', timeoutMs: 20 }, f.fn);
    await expect(c.buildInfo()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('aborts when the caller aborts', async () => {
    const f = fakeFetch(
      (_u, init) =>
        new Promise((_r, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
        ),
    );
    const c = new PrometheusClient({ url: 'http://slow2' }, f.fn);
    const ctl = new AbortController();
    const p = c.buildInfo({ signal: ctl.signal });
    ctl.abort();
    await expect(p).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('Limiter', () => {
  it('runs at most max tasks at once, in order', async () => {
    const l = new Limiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => () =>
      new Promise<void>((r) => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        setTimeout(() => {
          running--;
          r();
        }, 5);
      });
    await Promise.all([0, 1, 2, 3, 4].map((i) => l.run(task(i))));
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops a waiting task whose signal aborts', async () => {
    const l = new Limiter(1);
    let release!: () => void;
    const first = l.run(() => new Promise<void>((r) => (release = r)));
    const ctl = new AbortController();
    let ran = false;
    const second = l.run(async () => {
      ran = true;
    }, ctl.signal);
    expect(l.waiting).toBe(1);
    ctl.abort();
    await expect(second).rejects.toBeDefined();
    expect(l.waiting).toBe(0);
    release();
    await first;
    expect(ran).toBe(false);
  });
});

describe('requests in flight per datasource', () => {
  /** A server that answers only when told, counting the requests open at once. */
  function gatedServer() {
    const open: (() => void)[] = [];
    let inFlight = 0;
    let peak = 0;
    const fetchFn: FetchFn = () =>
      new Promise<Response>((resolve) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        open.push(() => {
          inFlight--;
          resolve(json({ status: 'success', data: { resultType: 'vector', result: [] } }));
        });
      });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    return { fetchFn, open, tick, peak: () => peak, inFlight: () => inFlight };
  }

  it('sends at most 6 at once by default; the rest wait their turn', async () => {
    const s = gatedServer();
    const c = new PrometheusClient({ url: 'http://limit-default:9090' }, s.fetchFn);
    const all = Array.from({ length: 10 }, (_x, i) => c.query({ expr: `q${i}`, timeSec: 1 }));
    await s.tick();
    expect(s.inFlight()).toBe(6);
    while (s.open.length) {
      s.open.shift()!();
      await s.tick();
      await s.tick();
    }
    await Promise.all(all);
    expect(s.peak()).toBe(6);
  });

  it('frees the slot once the headers are in: the next query goes out while a body is read', async () => {
    let release!: () => void;
    const fetched: string[] = [];
    const fetchFn: FetchFn = (url) => {
      fetched.push(new URL(url).searchParams.get('query') ?? '');
      if (fetched.length > 1) return Promise.resolve(json(vector));
      // the first answer's body arrives only when told
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"status":"success",'));
          release = () => {
            c.enqueue(new TextEncoder().encode('"data":{"resultType":"vector","result":[]}}'));
            c.close();
          };
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const vector = { status: 'success', data: { resultType: 'vector', result: [] } };
    const c = new PrometheusClient({ url: 'http://limit-headers:9090', maxConcurrent: 1 }, fetchFn);
    const first = c.query({ expr: 'first', timeSec: 1 });
    const second = c.query({ expr: 'second', timeSec: 1 });
    await expect(second).resolves.toMatchObject({ data: { result: [] } });
    expect(fetched).toEqual(['first', 'second']);
    release();
    await expect(first).resolves.toMatchObject({ data: { resultType: 'vector' } });
  });

  it("every client of one server shares the datasource's limit; another server has its own", async () => {
    const s = gatedServer();
    const a = new PrometheusClient(
      { url: 'http://limit-shared:9090', maxConcurrent: 2 },
      s.fetchFn,
    );
    const b = new PrometheusClient(
      { url: 'http://limit-shared:9090/', maxConcurrent: 2, headers: { 'X-Scope-OrgID': 't' } },
      s.fetchFn,
    );
    const other = new PrometheusClient(
      { url: 'http://limit-other:9090', maxConcurrent: 2 },
      s.fetchFn,
    );
    const all = [
      ...[1, 2, 3].map((i) => a.query({ expr: `a${i}`, timeSec: 1 })),
      ...[1, 2, 3].map((i) => b.query({ expr: `b${i}`, timeSec: 1 })),
    ];
    await s.tick();
    expect(s.inFlight()).toBe(2);
    const o = other.query({ expr: 'o', timeSec: 1 });
    await s.tick();
    expect(s.inFlight()).toBe(3);
    while (s.open.length) {
      s.open.shift()!();
      await s.tick();
      await s.tick();
    }
    await Promise.all([...all, o]);
    expect(s.peak()).toBe(3);
  });
});
