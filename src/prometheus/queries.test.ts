import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../sourceFiles.testing';
import type { PrometheusClient } from './client';
import {
  fetchingServerData,
  alertsQuery,
  buildInfoQuery,
  exemplarsQuery,
  fetchTarget,
  flagsQuery,
  invalidateServerData,
  labelValuesQuery,
  metadataQuery,
  promKeys,
  seriesQuery,
  targetQuery,
  variableLookupQuery,
  windowRange,
} from './queries';
import type { MatrixSeries } from './types';

const plan = {
  refId: 'A',
  expr: 'x',
  instant: false,
  startSec: 0,
  endSec: 30,
  stepSec: 15,
  intervalMs: 15_000,
  rateIntervalMs: 60_000,
};

function client(result: MatrixSeries[]): PrometheusClient {
  return {
    queryRange: () => Promise.resolve({ data: { resultType: 'matrix', result }, warnings: [] }),
  } as unknown as PrometheusClient;
}

describe('fetchTarget', () => {
  it('attaches the native histograms as a HistogramFrame (frames hold only floats)', async () => {
    const native: MatrixSeries = {
      metric: { __name__: 'h' },
      histograms: [[15, { count: '2', sum: '1', buckets: [[0, '0', '1', '2']] }]],
    };
    const float: MatrixSeries = { metric: { __name__: 'f' }, values: [[0, '1']] };
    const r = await fetchTarget(client([native, float]), plan, new AbortController().signal);
    expect(r.histograms?.refId).toBe(plan.refId);
    expect([...r.histograms!.times]).toEqual([15]);
    expect(r.histograms?.series).toEqual([
      {
        labels: { __name__: 'h' },
        histograms: [{ count: 2, sum: 1, buckets: [{ rule: 0, lower: 0, upper: 1, count: 2 }] }],
      },
    ]);
    expect(r.frame?.series.map((s) => s.labels.__name__)).toEqual(['f']);
  });

  it('leaves `histograms` out for float-only answers', async () => {
    const r = await fetchTarget(
      client([{ metric: {}, values: [[0, '1']] }]),
      plan,
      new AbortController().signal,
    );
    expect('histograms' in r).toBe(false);
  });
});

describe('windowRange', () => {
  it('passes absolute windows through and resolves a lookback at the given now', () => {
    expect(windowRange(undefined, 0)).toEqual({});
    expect(windowRange({ startSec: 1, endSec: 2 }, 0)).toEqual({ startSec: 1, endSec: 2 });
    expect(windowRange({ lookbackMs: 3_600_000 }, 1_700_000_000_500)).toEqual({
      startSec: 1_700_000_000 - 3600,
      endSec: 1_700_000_001,
    });
    expect(windowRange({ lookbackMs: 0 }, 1_700_000_000_000)).toEqual({});
  });
});

describe('server queries', () => {
  const answer = <T>(data: T) => Promise.resolve({ data, warnings: [] });
  const client = {
    metadata: () => answer({}),
    labelValues: () => answer(['up']),
    series: () => answer([{ __name__: 'up' }]),
    alerts: () => answer({ alerts: [] }),
    buildInfo: () => answer({ version: '3.0.0' }),
    call: (path: string) => answer(path.endsWith('/query_exemplars') ? null : {}),
  } as unknown as PrometheusClient;
  const src = { client, cacheKey: 'k' };
  const exemplars = { expr: 'x_bucket', startSec: 0, endSec: 60 };

  it('keeps every key under ["prom", dsKey], so Refresh refetches all of them (Explore too)', async () => {
    const qc = new QueryClient();
    const all = [
      metadataQuery(src).queryKey,
      labelValuesQuery(src, '__name__', { window: { startSec: 0, endSec: 60 } }).queryKey,
      seriesQuery(src, { match: ['up'] }).queryKey,
      alertsQuery(src).queryKey,
      buildInfoQuery(src).queryKey,
      flagsQuery(src).queryKey,
      exemplarsQuery(src, exemplars).queryKey,
    ];
    for (const key of all) expect(key.slice(0, 2)).toEqual(['prom', 'k']);
    await qc.fetchQuery(metadataQuery(src));
    await qc.fetchQuery(labelValuesQuery(src, '__name__', { window: { startSec: 0, endSec: 60 } }));
    await qc.fetchQuery(seriesQuery(src, { match: ['up'] }));
    await qc.fetchQuery(alertsQuery(src));
    await qc.fetchQuery(buildInfoQuery(src));
    await qc.fetchQuery(flagsQuery(src));
    expect(await qc.fetchQuery(exemplarsQuery(src, exemplars))).toEqual([]);
    await qc.fetchQuery(variableLookupQuery('k', 'labels', { match: ['up'] }, () => answer([])));
    await invalidateServerData(qc);
    const states = qc.getQueryCache().getAll();
    expect(states).toHaveLength(all.length + 1);
    expect(states.every((q) => q.state.isInvalidated)).toBe(true);
  });

  it('gives identical requests one key and different ones their own', () => {
    const plan = { refId: 'A', expr: 'up', instant: false, startSec: 0, endSec: 60, stepSec: 15 };
    expect(targetQuery(src, plan).queryKey).toEqual(
      targetQuery(src, { ...plan, refId: 'B' }).queryKey,
    );
    expect(targetQuery(src, plan).queryKey).toEqual(['prom', 'k', 'range', 'up', 0, 60, 15]);
    expect(targetQuery(src, { ...plan, instant: true }).queryKey).toEqual([
      'prom',
      'k',
      'instant',
      'up',
      60,
    ]);
    expect(labelValuesQuery(src, 'job', { match: ['a'] }).queryKey).not.toEqual(
      labelValuesQuery(src, 'job', { match: ['b'] }).queryKey,
    );
    expect(targetQuery(undefined, plan).enabled).toBe(false);
  });
});

describe('fetchingServerData', () => {
  it('is true while a server query is in flight, and only for server data', async () => {
    const qc = new QueryClient();
    expect(fetchingServerData(qc)).toBe(false);
    let done!: () => void;
    void qc.fetchQuery({ queryKey: ['other'], queryFn: () => new Promise<number>(() => {}) });
    expect(fetchingServerData(qc)).toBe(false);
    const p = qc.fetchQuery({
      queryKey: promKeys.datasource('ds'),
      queryFn: () => new Promise<number>((r) => (done = () => r(1))),
    });
    expect(fetchingServerData(qc)).toBe(true);
    done();
    await p;
    expect(fetchingServerData(qc)).toBe(false);
  });
});

describe('the one home of query keys', () => {
  // A key written anywhere else would escape Refresh or split the cache: every TanStack key is
  // built by promKeys (this module), never as an array literal in a caller.
  it('has no query key literal outside prometheus/queries.ts', () => {
    const offenders = sourceFiles()
      .filter((f) => f.path !== 'prometheus/queries.ts')
      .filter((f) => /queryKey\s*:\s*\[|\[\s*'(prom|explore)'\s*,/.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});

describe('incremental refresh (targetQuery)', () => {
  /** a server whose series `x` has the value 2·t at every t, recording what it was asked */
  function counting() {
    const asked: { startSec: number; endSec: number }[] = [];
    const c = {
      queryRange: (p: { startSec: number; endSec: number; stepSec: number }) => {
        asked.push({ startSec: p.startSec, endSec: p.endSec });
        const values: [number, string][] = [];
        for (let t = p.startSec; t <= p.endSec; t += p.stepSec) values.push([t, String(2 * t)]);
        return Promise.resolve({
          data: { resultType: 'matrix', result: [{ metric: { __name__: 'x' }, values }] },
          warnings: [],
        });
      },
    } as unknown as PrometheusClient;
    return { asked, src: { client: c, cacheKey: 'ds' } };
  }
  const at = (startSec: number) => ({ ...plan, expr: 'x', startSec, endSec: startSec + 3600 });

  it('fetches only the tail of a window moved forward on the grid; the frame equals a full fetch', async () => {
    const qc = new QueryClient();
    const { asked, src } = counting();
    await qc.fetchQuery(targetQuery(src, at(0)));
    const r = await qc.fetchQuery(targetQuery(src, at(45)));
    // the previous end (3600) minus ten steps (150 s), on the grid
    expect(asked).toEqual([
      { startSec: 0, endSec: 3600 },
      { startSec: 3450, endSec: 3645 },
    ]);
    const full = await fetchTarget(counting().src.client, at(45), new AbortController().signal);
    expect([...r.frame!.times]).toEqual([...full.frame!.times]);
    expect([...r.frame!.series[0]!.values]).toEqual([...full.frame!.series[0]!.values]);
    expect(r.plan).toEqual(at(45));
  });

  it('fetches in full after Refresh (stale answers are not extended) and for another step', async () => {
    const qc = new QueryClient();
    const { asked, src } = counting();
    await qc.fetchQuery(targetQuery(src, at(0)));
    await invalidateServerData(qc);
    await qc.fetchQuery(targetQuery(src, at(45)));
    await qc.fetchQuery(targetQuery(src, { ...at(60), stepSec: 30 }));
    expect(asked).toEqual([
      { startSec: 0, endSec: 3600 },
      { startSec: 45, endSec: 3645 },
      { startSec: 60, endSec: 3660 },
    ]);
  });
});
