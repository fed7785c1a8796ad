import { describe, expect, it, vi } from 'vitest';
import type { PrometheusClient } from '../prometheus/client';
import type { InstantResult } from '../prometheus/types';
import {
  applyVariableRegex,
  dedupeOptions,
  fetchQueryOptions,
  parseVariableQuery,
  parseVariableRegex,
  processOptions,
  queryResultRows,
  seriesText,
  sortOptions,
  type VariableClient,
  type VariableOption,
} from './query';

// The real client can be passed wherever a VariableClient is expected (compile-time check).
export const acceptsRealClient = (c: PrometheusClient): VariableClient => c;

const opts = (...values: string[]): VariableOption[] => values.map((v) => ({ text: v, value: v }));
const texts = (o: VariableOption[]) => o.map((x) => x.text);

describe('parseVariableQuery', () => {
  const parse = (q: string) => {
    const r = parseVariableQuery(q);
    if (!r.ok) throw new Error(r.error);
    return r.query;
  };
  it('label_names', () => {
    expect(parse('label_names()')).toEqual({ kind: 'label_names' });
    expect(parse('  label_names( )  ')).toEqual({ kind: 'label_names' });
    expect(parse('label_names(node_.*)')).toEqual({
      kind: 'label_names',
      match: '{__name__=~"node_.*"}',
    });
    expect(parse('label_names(up{job="a"})')).toEqual({
      kind: 'label_names',
      match: 'up{job="a"}',
    });
  });
  it('label_values with and without a metric/selector', () => {
    expect(parse('label_values(job)')).toEqual({ kind: 'label_values', label: 'job' });
    expect(parse('label_values(up, instance)')).toEqual({
      kind: 'label_values',
      label: 'instance',
      match: 'up',
    });
    expect(parse('label_values(up{job=~"a,b", env="x"},instance)')).toEqual({
      kind: 'label_values',
      label: 'instance',
      match: 'up{job=~"a,b", env="x"}',
    });
    expect(parse('label_values(__name__)')).toEqual({ kind: 'label_values', label: '__name__' });
  });
  it('rejects a label_values with an invalid label', () => {
    expect(parseVariableQuery('label_values(up, 1abc)').ok).toBe(false);
    expect(parseVariableQuery('label_values()').ok).toBe(false);
  });
  it('metrics and query_result', () => {
    expect(parse('metrics(node_.*)')).toEqual({ kind: 'metrics', regex: 'node_.*' });
    expect(parse('query_result(topk(5, sum by (instance) (rate(x[5m]))))')).toEqual({
      kind: 'query_result',
      expr: 'topk(5, sum by (instance) (rate(x[5m])))',
    });
    expect(parseVariableQuery('metrics()').ok).toBe(false);
    expect(parseVariableQuery('query_result()').ok).toBe(false);
  });
  it('anything else is a series selector; empty is an error', () => {
    expect(parse('up{job="a"}')).toEqual({ kind: 'series', match: 'up{job="a"}' });
    expect(parseVariableQuery('   ')).toEqual({ ok: false, error: 'The query is empty' });
  });
});

function fakeClient(): VariableClient & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    labelNames: vi.fn(async (q) => {
      calls.push(['labelNames', q]);
      return { data: ['__name__', 'instance', 'job'] };
    }),
    labelValues: vi.fn(async (label, q) => {
      calls.push(['labelValues', label, q]);
      if (label === '__name__') return { data: ['node_cpu', 'up', 'node_mem', 'go_gc'] };
      return { data: ['a', 'b'] };
    }),
    series: vi.fn(async (q) => {
      calls.push(['series', q]);
      const data: Record<string, string>[] = [
        { __name__: 'up', job: 'x', instance: 'h:1' },
        { job: 'y' },
      ];
      return { data };
    }),
    query: vi.fn(async (q) => {
      calls.push(['query', q]);
      const data: InstantResult = {
        resultType: 'vector',
        result: [
          { metric: { __name__: 'up', job: 'x' }, value: [1600000000.123, '1'] },
          { metric: {}, value: [1600000000, '0.5'] },
        ],
      };
      return { data };
    }),
  };
}

describe('fetchQueryOptions', () => {
  const range = { startSec: 100, endSec: 200 };
  it('label_names: /api/v1/labels with range and match', async () => {
    const c = fakeClient();
    expect(texts(await fetchQueryOptions({ kind: 'label_names' }, c, range))).toEqual([
      '__name__',
      'instance',
      'job',
    ]);
    await fetchQueryOptions({ kind: 'label_names', match: 'up' }, c, range);
    expect(c.calls).toEqual([
      ['labelNames', { startSec: 100, endSec: 200 }],
      ['labelNames', { startSec: 100, endSec: 200, match: ['up'] }],
    ]);
  });
  it('label_values: label endpoint, with match[] for a metric', async () => {
    const c = fakeClient();
    expect(await fetchQueryOptions({ kind: 'label_values', label: 'job' }, c, range)).toEqual(
      opts('a', 'b'),
    );
    await fetchQueryOptions({ kind: 'label_values', label: 'job', match: 'up' }, c, range);
    expect(c.calls).toEqual([
      ['labelValues', 'job', { startSec: 100, endSec: 200 }],
      ['labelValues', 'job', { startSec: 100, endSec: 200, match: ['up'] }],
    ]);
  });
  it('metrics: metric names filtered by an unanchored regex', async () => {
    const c = fakeClient();
    expect(texts(await fetchQueryOptions({ kind: 'metrics', regex: 'node_' }, c, range))).toEqual([
      'node_cpu',
      'node_mem',
    ]);
    expect(texts(await fetchQueryOptions({ kind: 'metrics', regex: '^up$' }, c, range))).toEqual([
      'up',
    ]);
  });
  it('query_result: instant query at the range end, Grafana rows', async () => {
    const c = fakeClient();
    const rows = await fetchQueryOptions({ kind: 'query_result', expr: 'up' }, c, range);
    expect(texts(rows)).toEqual(['up{job="x"} 1 1600000000123', '{} 0.5 1600000000000']);
    expect(c.calls).toEqual([['query', { expr: 'up', timeSec: 200 }]]);
  });
  it('series: metric{labels} per series', async () => {
    const c = fakeClient();
    const rows = await fetchQueryOptions({ kind: 'series', match: 'up' }, c, range);
    expect(texts(rows)).toEqual(['up{job="x",instance="h:1"}', '{job="y"}']);
    expect(c.calls).toEqual([['series', { match: ['up'], startSec: 100, endSec: 200 }]]);
  });
  it('passes the abort signal through', async () => {
    const c = fakeClient();
    const signal = new AbortController().signal;
    await fetchQueryOptions({ kind: 'label_values', label: 'job' }, c, range, { signal });
    expect(c.labelValues).toHaveBeenCalledWith('job', expect.anything(), { signal });
  });
  it('rejects when the client fails', async () => {
    const c = fakeClient();
    c.labelNames = () => Promise.reject(new Error('boom'));
    await expect(fetchQueryOptions({ kind: 'label_names' }, c, range)).rejects.toThrow('boom');
  });
});

describe('queryResultRows / seriesText', () => {
  it('scalar and string results give the value', () => {
    expect(queryResultRows({ resultType: 'scalar', result: [1, '42'] })).toEqual(['42']);
    expect(queryResultRows({ resultType: 'string', result: [1, 'hi'] })).toEqual(['hi']);
  });
  it('a matrix is an error', () => {
    expect(() => queryResultRows({ resultType: 'matrix', result: [] })).toThrow(/range vector/);
  });
  it('label values are written unescaped, like Grafana', () => {
    expect(seriesText({ __name__: 'm', path: 'C:\\x "y"' })).toBe('m{path="C:\\x "y""}');
    expect(seriesText({})).toBe('{}');
  });
});

describe('regex', () => {
  it('parses /re/flags; a bare pattern is anchored', () => {
    expect(parseVariableRegex('/a.b/i').flags).toBe('i');
    expect(parseVariableRegex('/a/b/g').source).toBe('a\\/b');
    expect(parseVariableRegex('abc').test('xabc')).toBe(false);
    expect(parseVariableRegex('abc').test('abc')).toBe(true);
    expect(() => parseVariableRegex('/abc')).toThrow(/not a valid/);
    expect(() => parseVariableRegex('/(/')).toThrow();
  });
  it('filters without a capture group', () => {
    const re = parseVariableRegex('/^prod/');
    expect(applyVariableRegex(opts('prod-a', 'dev-b', 'prod-c'), re)).toEqual(
      opts('prod-a', 'prod-c'),
    );
  });
  it('captures group 1', () => {
    const re = parseVariableRegex('/instance="([^"]+)"/');
    const rows = opts('up{instance="h1:9100",job="n"} 1 1000', 'up{job="x"} 1 1000');
    expect(applyVariableRegex(rows, re)).toEqual(opts('h1:9100'));
  });
  it('named groups text and value', () => {
    const re = parseVariableRegex('/(?<value>[^:]+):(?<text>.+)/');
    expect(applyVariableRegex(opts('1:one', '2:two'), re)).toEqual([
      { value: '1', text: 'one' },
      { value: '2', text: 'two' },
    ]);
    const onlyText = parseVariableRegex('/x-(?<text>.+)/');
    expect(applyVariableRegex(opts('x-a'), onlyText)).toEqual([{ text: 'a', value: 'a' }]);
  });
  it('global flag: every match becomes an option', () => {
    const re = parseVariableRegex('/"([^"]+)"/g');
    expect(applyVariableRegex(opts('{a="1",b="2"}'), re)).toEqual(opts('1', '2'));
  });
  it('global regex with empty matches does not hang', () => {
    const re = parseVariableRegex('/x*/g');
    expect(applyVariableRegex(opts('abc'), re)).toEqual(opts('abc'));
  });
  it('unicode', () => {
    const re = parseVariableRegex('/^é(.)/u');
    expect(applyVariableRegex(opts('éü', 'ab'), re)).toEqual(opts('ü'));
  });
});

describe('dedupe and sort', () => {
  it('de-duplicates by value, first wins', () => {
    expect(
      dedupeOptions([
        { text: 'A', value: 'a' },
        { text: 'B', value: 'a' },
        { text: 'C', value: 'c' },
      ]),
    ).toEqual([
      { text: 'A', value: 'a' },
      { text: 'C', value: 'c' },
    ]);
  });
  const input = opts('b10', 'B2', 'a1', 'c', 'a20');
  it('0: none', () => {
    expect(texts(sortOptions(input, 0))).toEqual(['b10', 'B2', 'a1', 'c', 'a20']);
  });
  it('1/2: alphabetical (code-unit order)', () => {
    expect(texts(sortOptions(input, 1))).toEqual(['B2', 'a1', 'a20', 'b10', 'c']);
    expect(texts(sortOptions(input, 2))).toEqual(['c', 'b10', 'a20', 'a1', 'B2']);
  });
  it('3/4: numerical by the first integer, none = -1', () => {
    expect(texts(sortOptions(input, 3))).toEqual(['c', 'a1', 'B2', 'b10', 'a20']);
    expect(texts(sortOptions(input, 4))).toEqual(['a20', 'b10', 'B2', 'a1', 'c']);
    expect(texts(sortOptions(opts('10', '9', '100'), 3))).toEqual(['9', '10', '100']);
  });
  it('5/6: case-insensitive', () => {
    expect(texts(sortOptions(input, 5))).toEqual(['a1', 'a20', 'b10', 'B2', 'c']);
    expect(texts(sortOptions(input, 6))).toEqual(['c', 'B2', 'b10', 'a20', 'a1']);
  });
  it('7/8: natural', () => {
    expect(texts(sortOptions(opts('h10', 'h2', 'H1'), 7))).toEqual(['H1', 'h2', 'h10']);
    expect(texts(sortOptions(opts('h10', 'h2', 'H1'), 8))).toEqual(['h10', 'h2', 'H1']);
  });
  it('does not mutate its input', () => {
    const copy = [...input];
    sortOptions(input, 1);
    expect(input).toEqual(copy);
  });
  it('processOptions: regex, then de-duplication, then sort', () => {
    const rows = opts('x{i="b"}', 'x{i="a"}', 'x{i="b"}', 'y');
    expect(texts(processOptions(rows, { regex: '/i="(.)"/', sort: 1 }))).toEqual(['a', 'b']);
    expect(texts(processOptions(rows, {}))).toEqual(['x{i="b"}', 'x{i="a"}', 'y']);
  });
});
