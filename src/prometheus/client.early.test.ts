import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrometheusClient, type FetchFn } from './client';
import { dropEarlyRequests, EARLY_TTL_MS, earlyRequestCount } from './early';
import { PromError } from './errors';

const matrix = () =>
  new Response(
    JSON.stringify({
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: { a: '1' }, values: [[60, '2']] }] },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );

function recorder(respond: () => Response | Promise<Response> = matrix) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn: FetchFn = async (url, init) => {
    calls.push({ url, init });
    return respond();
  };
  return { fn, calls };
}

const q = { expr: 'sum(rate(x_total[1m]))', startSec: 0, endSec: 3600, stepSec: 15 };

afterEach(() => {
  dropEarlyRequests();
  vi.useRealTimers();
});

describe('early requests (sendEarly)', () => {
  it('the identical request takes the early answer: one request on the wire', async () => {
    const f = recorder();
    const c = new PrometheusClient(
      { url: 'http://p:9090', headers: { 'X-Scope-OrgID': 't' }, params: { dedup: 'true' } },
      f.fn,
    );
    c.sendEarly(q);
    c.sendEarly(q); // planned twice: still sent once
    expect(f.calls).toHaveLength(1);
    const a = await c.queryRange(q);
    expect(f.calls).toHaveLength(1);
    expect(a.data.result[0]!.values).toEqual([[60, '2']]);
    expect(earlyRequestCount()).toBe(0);
    // taken once: asking again is a new request
    await c.queryRange(q);
    expect(f.calls).toHaveLength(2);
    expect(f.calls[0]!.url).toBe(f.calls[1]!.url);
  });

  it('a different request (another step, another client’s headers) sends its own', async () => {
    const f = recorder();
    new PrometheusClient({ url: 'http://p:9090' }, f.fn).sendEarly(q);
    const other = new PrometheusClient({ url: 'http://p:9090', headers: { A: 'b' } }, f.fn);
    await other.queryRange(q);
    const same = new PrometheusClient({ url: 'http://p:9090' }, f.fn);
    await same.queryRange({ ...q, stepSec: 30 });
    expect(f.calls).toHaveLength(3);
    expect(earlyRequestCount()).toBe(1);
  });

  it('instant queries too', async () => {
    const f = recorder(
      () =>
        new Response(
          JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }),
        ),
    );
    const c = new PrometheusClient({ url: 'http://p:9090' }, f.fn);
    c.sendEarly({ expr: 'up', timeSec: 100 });
    await c.query({ expr: 'up', timeSec: 100 });
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]!.url).toContain('/api/v1/query?');
  });

  it('cancelling the request that took it aborts the early fetch', async () => {
    let signal: AbortSignal | undefined;
    const fn: FetchFn = (_url, init) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
      );
    };
    const c = new PrometheusClient({ url: 'http://p:9090' }, fn);
    c.sendEarly(q);
    const ctl = new AbortController();
    const asked = c.queryRange(q, { signal: ctl.signal });
    await Promise.resolve();
    ctl.abort();
    await expect(asked).rejects.toBeInstanceOf(PromError);
    expect(signal?.aborted).toBe(true);
  });

  it('an early request nobody takes is aborted after the TTL, or when dropped', () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const fn: FetchFn = (_url, init) => {
      signals.push(init.signal!);
      return new Promise<Response>(() => {});
    };
    const c = new PrometheusClient({ url: 'http://p:9090' }, fn);
    c.sendEarly(q);
    c.sendEarly({ ...q, stepSec: 30 });
    vi.advanceTimersByTime(EARLY_TTL_MS + 1);
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
    c.sendEarly({ ...q, stepSec: 60 });
    dropEarlyRequests();
    expect(signals[2]!.aborted).toBe(true);
    expect(earlyRequestCount()).toBe(0);
  });

  it('keeps to the datasource’s limit: the rest wait for a slot (freed once headers are in)', async () => {
    const pending: (() => void)[] = [];
    const calls: string[] = [];
    const fn: FetchFn = (url) => {
      calls.push(url);
      return new Promise<Response>((resolve) => pending.push(() => resolve(matrix())));
    };
    const c = new PrometheusClient({ url: 'http://p:9091', maxConcurrent: 1 }, fn);
    c.sendEarly(q);
    c.sendEarly({ ...q, stepSec: 30 });
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    pending[0]!();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(2);
    pending[1]!();
    // both taken: no third request
    await c.queryRange(q);
    await c.queryRange({ ...q, stepSec: 30 });
    expect(calls).toHaveLength(2);
  });
});
