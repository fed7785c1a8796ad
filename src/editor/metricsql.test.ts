// Issue 14, finding 5: MetricsQL that VictoriaMetrics runs is not an error for its datasources.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { lintBrackets, lintPromQL } from './lint';
import { EditorPromClient } from './client';

vi.mock(
  '@prometheus-io/codemirror-promql',
  () => import('@prometheus-io/codemirror-promql/dist/esm/index.js'),
);

const METRICSQL = [
  'rate(scry_http_requests_total)',
  'histogram_quantiles("phi", 0.5, 0.9, sum(rate(scry_request_duration_seconds_bucket)) by (le))',
  'WITH (x = scry_temperature_celsius) x * 2',
  'sum(rate(scry_http_requests_total[$__rate_interval])) by (job) keep_metric_names',
];

describe('MetricsQL lint mode', () => {
  it.each(METRICSQL)('no error for %s', (q) => {
    expect(lintPromQL(q, 'metricsql')).toEqual([]);
  });

  it('the PromQL mode still marks the same queries', () => {
    expect(lintPromQL('rate(scry_http_requests_total)').length).toBeGreaterThan(0);
    expect(lintPromQL('histogram_quantiles("phi", 0.5, 0.9, x)').length).toBeGreaterThan(0);
  });

  it('still reports what is wrong in both languages', () => {
    expect(lintPromQL('sum(rate(x[5m])', 'metricsql')).toEqual([
      { from: 3, to: 4, severity: 'error', message: 'unclosed (: expected )' },
    ]);
    expect(lintBrackets('x{a="b}')).toEqual(
      [
        { from: 4, to: 7, severity: 'error', message: 'unterminated string "' },
        { from: 1, to: 2, severity: 'error', message: 'unclosed {: expected }' },
      ].sort((a, b) => a.from - b.from),
    );
    expect(lintBrackets('x])')).toMatchObject([{ from: 1, message: 'unexpected ]' }, { from: 2 }]);
    expect(lintBrackets('x{a="(]"} # )')).toEqual([]);
  });
});

describe('completion without the metadata API', () => {
  it('asks neither metadata nor flags, and still completes names', async () => {
    const asked: string[] = [];
    const fake = {
      labelNames: async () => ({ data: [], warnings: [] }),
      labelValues: async (l: string) => {
        asked.push(`values ${l}`);
        return { data: ['scry_temperature_celsius'], warnings: [] };
      },
      series: async () => ({ data: [], warnings: [] }),
      metadata: async () => {
        asked.push('metadata');
        return { data: {}, warnings: [] };
      },
      call: async <T>() => {
        asked.push('flags');
        return { data: {} as T, warnings: [] };
      },
    };
    const c = new EditorPromClient(fake, {
      key: 'vm-test',
      metadata: false,
      flags: false,
      dialect: 'metricsql',
      queryClient: new QueryClient(),
    });
    expect(c.dialect).toBe('metricsql');
    expect(await c.metricNames()).toEqual(['scry_temperature_celsius']);
    expect(await c.metricMetadata()).toEqual({});
    expect(await c.metadataFor('scry_temperature_celsius')).toEqual([]);
    expect(await c.flags()).toEqual({});
    expect(asked).toEqual(['values __name__']);
  });
});
