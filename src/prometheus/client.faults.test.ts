import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './answer';
import { PrometheusClient, type FetchFn, type RetryNotice } from './client';
import { failureMessage, PromError } from './errors';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function client(respond: (call: number, url: string) => Response | Promise<Response>, extra = {}) {
  const urls: string[] = [];
  const fn: FetchFn = async (url) => {
    urls.push(url);
    return respond(urls.length, url);
  };
  // a URL of its own per test: limiters are shared per URL
  const c = new PrometheusClient(
    { url: `http://f${String(Math.random()).slice(2)}.test`, ...extra },
    fn,
  );
  return { c, urls };
}

const range = { expr: 'up', startSec: 0, endSec: 60, stepSec: 15 };
const matrix = (result: unknown) => ({ status: 'success', data: { resultType: 'matrix', result } });

async function failure(p: Promise<unknown>): Promise<PromError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PromError);
  return e as PromError;
}

describe('malformed answers are named in words, never as JS exceptions', () => {
  const cases: [string, unknown, RegExp][] = [
    ['result an object', matrix({ a: 1 }), /"result" of a matrix is an object, not a list/],
    ['result null', matrix(null), /"result" of a matrix is null/],
    ['data null', { status: 'success', data: null }, /"data" is null/],
    ['data missing', { status: 'success' }, /"data" is missing/],
    ['series without labels', matrix([{ values: [] }]), /series 1 has "metric" missing/],
    ['values not a list', matrix([{ metric: {}, values: 3 }]), /"values" a number/],
    ['sample not a pair', matrix([{ metric: {}, values: [[1]] }]), /sample 1 of series 1/],
    [
      'vector for a range query',
      { status: 'success', data: { resultType: 'vector', result: [] } },
      /must return a matrix, not "vector"/,
    ],
  ];
  for (const [name, body, words] of cases) {
    it(name, async () => {
      const { c } = client(() => json(body));
      const e = await failure(c.queryRange(range));
      expect(e.kind).toBe('bad-answer');
      expect(e.message).toMatch(/^Prometheus answered with something that is not its API \(/);
      expect(e.message).toMatch(words);
      expect(e.message).not.toMatch(/is not a function|Cannot read|undefined/);
    });
  }

  it('reads values sent as numbers instead of strings', async () => {
    const { c } = client(() => json(matrix([{ metric: {}, values: [[0, 1.5]] }])));
    const a = await c.queryRange(range);
    expect(a.data.result[0]!.values![0]).toEqual([0, 1.5]);
  });

  it('truncated JSON is called cut off, with its size, and not blamed on the URL', async () => {
    const full = JSON.stringify(matrix([{ metric: { a: 'x'.repeat(2000) }, values: [] }]));
    const { c } = client(() => new Response(full.slice(0, 1500)));
    const e = await failure(c.queryRange(range));
    expect(e.message).toBe(
      'Prometheus answered with something that is not its API (the JSON ends early: the body was cut off after 1.5 kB)',
    );
    expect(e.message).not.toMatch(/URL|\/graph/);
  });

  it('an HTML error page shows its title, not its markup', async () => {
    const { c } = client(
      () =>
        new Response(
          '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1><hr>nginx</body></html>',
          { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } },
        ),
    );
    const e = await failure(c.queryRange(range));
    expect(e.message).toMatch(
      /^The server failed: HTTP 502 Bad Gateway from http:\/\/f\d+\.test\/api\/v1\/query_range: 502 Bad Gateway$/,
    );
  });

  it('a connection cut mid-body says so and how far it got', async () => {
    let sent = 0;
    const { c } = client(() => {
      const stream = new ReadableStream<Uint8Array>({
        pull(ctl) {
          if (sent++ === 0) ctl.enqueue(new TextEncoder().encode('{"status":"success","data":{'));
          else ctl.error(new TypeError('network error'));
        },
      });
      return new Response(stream);
    });
    const e = await failure(c.queryRange(range));
    expect(e.kind).toBe('interrupted');
    expect(e.message).toMatch(
      /broke while the answer was arriving \(after 28 bytes: network error\)/,
    );
  });

  it('anything else thrown is worded, not shown as its JS text', () => {
    expect(failureMessage(new TypeError('i.data.result.filter is not a function'))).toBe(
      'Prometheus answered with something that is not its API (Scry could not read it: TypeError while reading the answer)',
    );
  });
});

describe('time budget and retries', () => {
  it("sends the datasource's timeout as Prometheus' timeout parameter", async () => {
    const { c, urls } = client(() => json(matrix([])), { timeoutMs: 5000 });
    await c.queryRange(range);
    await c.query({ expr: 'up', timeSec: 1 });
    expect(new URL(urls[0]!).searchParams.get('timeout')).toBe('5s');
    expect(new URL(urls[1]!).searchParams.get('timeout')).toBe('5s');
    const d = client(() => json(matrix([])));
    await d.c.queryRange(range);
    expect(new URL(d.urls[0]!).searchParams.get('timeout')).toBe('60s');
  });

  it('429 with Retry-After is retried after that wait, and says so', async () => {
    const notices: RetryNotice[] = [];
    const { c, urls } = client((n) =>
      n === 1
        ? json({ status: 'error', errorType: 'unavailable', error: 'slow down' }, 429, {
            'retry-after': '0',
          })
        : json(matrix([])),
    );
    const a = await c.queryRange(range, { onRetry: (r) => notices.push(r) });
    expect(a.data.result).toEqual([]);
    expect(urls).toHaveLength(2);
    expect(notices).toEqual([{ status: 429, delayMs: 0, attempt: 1 }]);
  });

  it('503 is retried at most twice, then shown with the reason', async () => {
    const { c, urls } = client(
      () =>
        new Response('busy', {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'retry-after': '0' },
        }),
    );
    const e = await failure(c.queryRange(range));
    expect(urls).toHaveLength(3);
    expect(e.message).toMatch(
      /^The server failed: HTTP 503 Service Unavailable .*: busy \(still refused after 2 retries\)$/,
    );
  });

  it('a Retry-After beyond 30 s is not waited for', async () => {
    const { c, urls } = client(
      () => new Response('no', { status: 429, headers: { 'retry-after': '120' } }),
    );
    const e = await failure(c.queryRange(range));
    expect(urls).toHaveLength(1);
    expect(e.message).toMatch(
      /^Too many requests: HTTP 429 .*\(the server asks to wait 120 s, longer than Scry waits\)$/,
    );
  });

  it('without Retry-After a 429 is not retried', async () => {
    const { c, urls } = client(() => new Response('no', { status: 429 }));
    await failure(c.queryRange(range));
    expect(urls).toHaveLength(1);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', Date.UTC(2026, 0, 1))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('a cancel with a reason surfaces that reason', async () => {
    const ctl = new AbortController();
    const fn: FetchFn = (_u, init) =>
      new Promise((_r, reject) =>
        init.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
      );
    const c = new PrometheusClient({ url: 'http://cancel-reason' }, fn);
    const p = c.queryRange(range, { signal: ctl.signal });
    ctl.abort(new PromError('cancelled', 'Cancelled: you stopped this query'));
    const e = await failure(p);
    expect(e.kind).toBe('cancelled');
  });
});
