import { describe, expect, it, vi } from 'vitest';
import { formatPromQL } from './format';

// vitest loads the package's CommonJS build, which brings its own @codemirror/state; the ESM
// build shares the one the rest of the code uses (as in the browser)
vi.mock(
  '@prometheus-io/codemirror-promql',
  () => import('@prometheus-io/codemirror-promql/dist/esm/index.js'),
);

const fmt = (s: string, maxWidth?: number) => {
  const r = formatPromQL(s, maxWidth ? { maxWidth } : {});
  if (!r.ok) throw new Error(r.error);
  return r.text;
};

describe('formatPromQL', () => {
  it('normalises short expressions onto one line', () => {
    expect(fmt('sum(rate( x{a = "b" ,c!~"d"}[5m] ))by(job)')).toBe(
      'sum by (job) (rate(x{a="b",c!~"d"}[5m]))',
    );
    expect(fmt('a  >BOOL on(x)group_left(y,z) b')).toBe('a > bool on (x) group_left (y, z) b');
    expect(fmt('rate(x[5m])[1h : 1m]  offset   5m')).toBe('rate(x[5m])[1h:1m] offset 5m');
    expect(fmt('x @ start( )')).toBe('x @ start()');
    expect(fmt('-x')).toBe('-x');
    expect(fmt('topk(5,x)')).toBe('topk(5, x)');
    expect(fmt('label_replace(x,"a b","$1","b","(.*)")')).toBe(
      'label_replace(x, "a b", "$1", "b", "(.*)")',
    );
  });

  it('breaks long aggregations, calls and binary expressions', () => {
    const q =
      'sum by (job, instance) (rate(http_requests_total{job="api",code=~"5.."}[$__rate_interval])) / sum by (job, instance) (rate(http_requests_total{job="api"}[$__rate_interval]))';
    expect(fmt(q)).toBe(
      [
        'sum by (job, instance) (',
        '  rate(http_requests_total{job="api",code=~"5.."}[$__rate_interval])',
        ')',
        '/',
        'sum by (job, instance) (rate(http_requests_total{job="api"}[$__rate_interval]))',
      ].join('\n'),
    );
    expect(
      fmt(
        'histogram_quantile(0.99, sum by (le) (rate(lat_bucket{job="$job"}[$__rate_interval])))',
        40,
      ),
    ).toBe(
      [
        'histogram_quantile(',
        '  0.99,',
        '  sum by (le) (',
        '    rate(',
        '      lat_bucket{job="$job"}[$__rate_interval]',
        '    )',
        '  )',
        ')',
      ].join('\n'),
    );
  });

  it('keeps template variables', () => {
    expect(fmt('topk( $k , sum by($g)(${metric}) ) offset $off')).toBe(
      'topk($k, sum by ($g) (${metric})) offset $off',
    );
  });

  it('formats its own output to itself', () => {
    const q =
      'sum by (a) (rate(x{a="1111111111",b="2222222222"}[5m])) * on (a) group_left (b) max by (a, b) (info_metric{c="33333333333"})';
    const once = fmt(q, 50);
    expect(fmt(once, 50)).toBe(once);
  });

  it('refuses broken input and comments', () => {
    expect(formatPromQL('sum(rate(x[5m])').ok).toBe(false);
    expect(formatPromQL('x # note').ok).toBe(false);
    expect(formatPromQL('  ')).toEqual({ ok: true, text: '' });
  });
});
