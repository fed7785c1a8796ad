import { describe, expect, it } from 'vitest';
import { guessUnit, proposeQuery, resolveMetric } from './proposals';

const md = {
  http_requests_total: [{ type: 'counter', help: 'Requests served.', unit: '' }],
  node_cpu_seconds_total: [{ type: 'counter', help: 'CPU time.', unit: '' }],
  process_resident_memory_bytes: [{ type: 'gauge', help: 'RSS.', unit: '' }],
  http_request_duration_seconds: [{ type: 'histogram', help: 'Latency.', unit: '' }],
  rpc_duration_seconds: [{ type: 'summary', help: 'RPC latency.', unit: '' }],
  up: [{ type: 'unknown', help: '', unit: '' }],
  build: [{ type: 'info', help: 'Build info.', unit: '' }],
  feature_state: [{ type: 'stateset', help: 'Features.', unit: '' }],
  queue_items: [{ type: 'gaugehistogram', help: 'Queue.', unit: '' }],
  om_events: [{ type: 'counter', help: 'OpenMetrics counter.', unit: '' }],
  disk_usage_ratio: [{ type: 'gauge', help: '', unit: '' }],
};

describe('resolveMetric', () => {
  it('maps histogram series back to the family', () => {
    for (const s of ['', '_bucket', '_sum', '_count']) {
      const r = resolveMetric('http_request_duration_seconds' + s, md);
      expect(r.base).toBe('http_request_duration_seconds');
      expect(r.type).toBe('histogram');
      expect(r.suffix).toBe(s);
    }
  });
  it('maps summary _sum/_count and OpenMetrics _total/_info', () => {
    expect(resolveMetric('rpc_duration_seconds_count', md)).toMatchObject({
      base: 'rpc_duration_seconds',
      type: 'summary',
    });
    expect(resolveMetric('om_events_total', md)).toMatchObject({
      base: 'om_events',
      type: 'counter',
      suffix: '_total',
    });
    expect(resolveMetric('build_info', md)).toMatchObject({ base: 'build', type: 'info' });
  });
  it('guesses without metadata', () => {
    expect(resolveMetric('x_bucket')).toMatchObject({ base: 'x', type: 'histogram' });
    expect(resolveMetric('x_total')).toMatchObject({ base: 'x_total', type: 'counter' });
    expect(resolveMetric('x')).toMatchObject({ base: 'x', type: 'unknown' });
    // _sum of a gauge is not a histogram part
    expect(resolveMetric('y_sum', { y: [{ type: 'gauge', help: '' }] }).type).toBe('unknown');
  });
});

describe('proposeQuery', () => {
  it('counter → rate per job', () => {
    const p = proposeQuery('http_requests_total', md);
    expect(p.expr).toBe('sum by (job) (rate(http_requests_total[$__rate_interval]))');
    expect(p.legendFormat).toBe('{{job}}');
    expect(p.panelType).toBe('timeseries');
    expect(p.explanation).toContain('counter');
    expect(p.explanation).toContain('Requests served.');
  });
  it('counter in seconds → unit s', () => {
    const p = proposeQuery('node_cpu_seconds_total', md);
    expect(p.unit).toBe('s');
  });
  it('OpenMetrics counter series → rate of the name as typed', () => {
    expect(proposeQuery('om_events_total', md).expr).toBe(
      'sum by (job) (rate(om_events_total[$__rate_interval]))',
    );
  });
  it('gauge → as is', () => {
    const p = proposeQuery('process_resident_memory_bytes', md);
    expect(p.expr).toBe('process_resident_memory_bytes');
    expect(p.panelType).toBe('timeseries');
    expect(p.unit).toBe('bytes');
  });
  it('histogram by any of its names → heatmap of bucket rates', () => {
    for (const n of ['', '_bucket', '_sum', '_count']) {
      const p = proposeQuery('http_request_duration_seconds' + n, md);
      expect(p.expr).toBe(
        'sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval]))',
      );
      expect(p.panelType).toBe('heatmap');
      expect(p.percentiles).toEqual([0.5, 0.9, 0.99]);
      expect(p.unit).toBe('s');
      expect(p.alternatives[1]?.expr).toBe(
        'histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))',
      );
    }
  });
  it('summary → quantile series plus average', () => {
    const p = proposeQuery('rpc_duration_seconds_sum', md);
    expect(p.expr).toBe('rpc_duration_seconds{quantile=~".+"}');
    expect(p.legendFormat).toBe('{{quantile}}');
    expect(p.panelType).toBe('timeseries');
    expect(p.alternatives[0]?.expr).toBe(
      'sum(rate(rpc_duration_seconds_sum[$__rate_interval])) / sum(rate(rpc_duration_seconds_count[$__rate_interval]))',
    );
  });
  it('unknown and missing metadata → as is', () => {
    expect(proposeQuery('up', md)).toMatchObject({ expr: 'up', panelType: 'timeseries' });
    expect(proposeQuery('whatever', {})).toMatchObject({ expr: 'whatever' });
  });
  it('info, stateset, gaugehistogram', () => {
    expect(proposeQuery('build_info', md).expr).toBe('build_info');
    expect(proposeQuery('feature_state', md).legendFormat).toBe('{{feature_state}}');
    const g = proposeQuery('queue_items_bucket', md);
    expect(g.expr).toBe('sum by (le) (queue_items_bucket)');
    expect(g.panelType).toBe('heatmap');
  });
  it('ratio → percentunit', () => {
    expect(proposeQuery('disk_usage_ratio', md).unit).toBe('percentunit');
  });
});

describe('guessUnit', () => {
  it('reads the suffix', () => {
    expect(guessUnit('a_seconds')).toBe('s');
    expect(guessUnit('a_bytes')).toBe('bytes');
    expect(guessUnit('a_ratio')).toBe('percentunit');
    expect(guessUnit('a_seconds_total', { rated: true })).toBe('s');
    expect(guessUnit('a_bytes_total', { rated: true })).toBe('binBps');
    expect(guessUnit('a')).toBeUndefined();
    expect(guessUnit('a', { unit: 'seconds' })).toBe('s');
  });
});
