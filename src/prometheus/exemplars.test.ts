import { describe, expect, it } from 'vitest';
import type { PrometheusClient } from './client';
import { fetchExemplars, parseExemplars } from './exemplars';

// the answer's shape as Prometheus' HTTP API documents it (query_exemplars)
const ANSWER = [
  {
    seriesLabels: { __name__: 'lat_bucket', job: 'api', le: '0.25' },
    exemplars: [
      { labels: { trace_id: 'b' }, value: '0.2', timestamp: 1600096950.1 },
      { labels: { trace_id: 'a' }, value: '0.12', timestamp: 1600096945.479 },
    ],
  },
  {
    seriesLabels: { __name__: 'lat_bucket', job: 'api', le: '+Inf' },
    exemplars: [{ labels: { trace_id: 'c', span_id: 's' }, value: '3', timestamp: 1600096947 }],
  },
];

describe('parseExemplars', () => {
  it('reads every exemplar with its series, labels, value and real time, oldest first', () => {
    const ex = parseExemplars(ANSWER);
    expect(ex.map((e) => e.labels.trace_id)).toEqual(['a', 'c', 'b']);
    expect(ex[0]).toEqual({
      seriesLabels: { __name__: 'lat_bucket', job: 'api', le: '0.25' },
      labels: { trace_id: 'a' },
      value: 0.12,
      timeSec: 1600096945.479,
    });
    expect(ex[1]!.labels).toEqual({ trace_id: 'c', span_id: 's' });
    expect(ex[1]!.seriesLabels.le).toBe('+Inf');
  });

  it('reads null (nothing matched) and series without exemplars as none', () => {
    expect(parseExemplars(null)).toEqual([]);
    expect(parseExemplars([])).toEqual([]);
    expect(parseExemplars([{ seriesLabels: {}, exemplars: [] }])).toEqual([]);
  });

  it('names what is wrong with a malformed answer', () => {
    expect(() => parseExemplars({})).toThrow(/"data" is not a list of series/);
    expect(() => parseExemplars([{ exemplars: [] }])).toThrow(
      /exemplar series 1: "seriesLabels" is not a set of labels/,
    );
    expect(() =>
      parseExemplars([{ seriesLabels: {}, exemplars: [{ labels: {}, value: '1' }] }]),
    ).toThrow(/exemplar 1 of series 1 has no numeric "timestamp"/);
    expect(() => parseExemplars([{ seriesLabels: { a: 1 }, exemplars: [] }])).toThrow(
      /label "a" is not a text/,
    );
  });
});

describe('fetchExemplars', () => {
  it('asks query_exemplars for the expression over the range', async () => {
    const calls: [string, string][] = [];
    const client = {
      call: (path: string, p: URLSearchParams) => {
        calls.push([path, p.toString()]);
        return Promise.resolve({ data: ANSWER, warnings: [] });
      },
    } as unknown as PrometheusClient;
    const ex = await fetchExemplars(client, {
      expr: 'lat_bucket{job="api"}',
      startSec: 10,
      endSec: 70,
    });
    expect(ex).toHaveLength(3);
    expect(calls).toEqual([
      ['/api/v1/query_exemplars', 'query=lat_bucket%7Bjob%3D%22api%22%7D&start=10&end=70'],
    ]);
  });
});
