import { describe, expect, it } from 'vitest';
import type { InstantResult } from './types';
import { probeExpr, probeSeries, probeText, selectorsOf, seriesWarning } from './seriesProbe';

describe('selectorsOf', () => {
  it('finds every distinct selector, inside ranges, functions and binary operations', () => {
    expect(
      selectorsOf(
        'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) + up',
      ),
    ).toEqual(['http_requests_total{code=~"5.."}', 'http_requests_total', 'up']);
    expect(selectorsOf('x offset 1h')).toEqual(['x']);
    expect(selectorsOf('{__name__=~"a.*"}')).toEqual(['{__name__=~"a.*"}']);
  });

  it('nothing to count in numbers, or in what does not parse', () => {
    expect(selectorsOf('1 + 2')).toEqual([]);
    expect(selectorsOf('sum(rate(x[5m])')).toEqual([]);
    expect(selectorsOf('  ')).toEqual([]);
  });
});

describe('probeExpr', () => {
  it('adds up each selector’s count, a selector without series adding 0', () => {
    expect(probeExpr(['a', 'b{c="d"}'])).toBe(
      '(count(a) or vector(0)) + (count(b{c="d"}) or vector(0))',
    );
    expect(probeExpr([])).toBeNull();
  });
});

const client = (result: InstantResult | Error, seen: string[] = []) => ({
  query: (q: { expr: string; timeSec: number }) => {
    seen.push(`${q.expr} @${q.timeSec}`);
    return result instanceof Error
      ? Promise.reject(result)
      : Promise.resolve({ data: result, warnings: [] });
  },
});

describe('probeSeries', () => {
  it('asks one instant query at the given time and reads its number', async () => {
    const seen: string[] = [];
    const n = await probeSeries(
      client({ resultType: 'vector', result: [{ metric: {}, value: [100, '5000'] }] }, seen),
      'rate(x[5m])',
      100,
    );
    expect(n).toBe(5000);
    expect(seen).toEqual(['(count(x) or vector(0)) @100']);
  });

  it('cannot tell on an error, an odd answer or no selector (the query then runs unwarned)', async () => {
    expect(await probeSeries(client(new Error('boom')), 'x', 1)).toBeUndefined();
    expect(
      await probeSeries(client({ resultType: 'scalar', result: [1, '3'] }), 'x', 1),
    ).toBeUndefined();
    expect(await probeSeries(client(new Error('unused')), '1 + 1', 1)).toBeUndefined();
  });
});

describe('seriesWarning', () => {
  it('warns above the limit only, with the count and the limit; 0 never warns', () => {
    expect(seriesWarning(5000, 1000)).toBe(
      'This query touches about 5,000 series (counted at the end of the range), above the warning limit of 1,000 (Settings). It may be slow, and heavy for Prometheus: narrow it with label matchers first.',
    );
    expect(seriesWarning(1000, 1000)).toBeNull();
    expect(seriesWarning(5000, 0)).toBeNull();
    expect(seriesWarning(undefined, 10)).toBeNull();
  });
});

describe('probeText', () => {
  it('gives the interval built-ins a duration, so a panel query parses and its selectors count', () => {
    const t = probeText('rate(x[$__rate_interval]) + rate(y[${__interval}]) + z[$__range]');
    expect(selectorsOf(t)).toEqual(['x', 'y', 'z']);
  });
});
