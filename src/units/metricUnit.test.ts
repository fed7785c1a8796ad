import { describe, expect, it } from 'vitest';
import { bucketFamilies, bucketUnit } from './metricUnit';

describe('bucketFamilies', () => {
  it('finds the _bucket metrics an expression reads, once each, in order', () => {
    expect(
      bucketFamilies(
        'histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
      ),
    ).toEqual(['http_request_duration_seconds']);
    expect(bucketFamilies('a_bytes_bucket + on(le) a_bytes_bucket offset 1h + b:c_bucket')).toEqual(
      ['a_bytes', 'b:c'],
    );
  });
  it('ignores label values, label names and template variables', () => {
    expect(bucketFamilies('up{name="x_seconds_bucket", le_bucket!=""}')).toEqual([]);
    expect(
      bucketFamilies("rate($metric_bucket[5m]) + rate(${m}_bucket[5m]) + on() 'y_bucket'"),
    ).toEqual([]);
    expect(bucketFamilies('x_seconds_bucket_total + x_seconds_sum')).toEqual([]);
    expect(bucketFamilies('sum by (x_bucket) (a) * on (y_bucket) group_left (z_bucket) b')).toEqual(
      [],
    );
  });
});

describe('bucketUnit', () => {
  it('seconds buckets read as seconds, bytes buckets as bytes', () => {
    expect(bucketUnit(['sum by (le) (rate(scry_request_duration_seconds_bucket[5m]))'])).toBe('s');
    expect(bucketUnit(['sum by (le) (rate(response_size_bytes_bucket[5m]))'])).toBe('bytes');
    expect(bucketUnit(['sum by (le) (rate(x_milliseconds_bucket[5m]))'])).toBe('ms');
  });
  it('the metadata unit wins over the name', () => {
    const md = (family: string) => (family === 'latency' ? 'seconds' : undefined);
    expect(bucketUnit(['rate(latency_bucket[5m])'])).toBeUndefined();
    expect(bucketUnit(['rate(latency_bucket[5m])'], md)).toBe('s');
  });
  it('several expressions: one unit when they agree, none when they differ or tell nothing', () => {
    expect(bucketUnit(['rate(a_seconds_bucket[1m])', 'rate(b_seconds_bucket[1m])', 'up'])).toBe(
      's',
    );
    expect(bucketUnit(['rate(a_seconds_bucket[1m])', 'rate(b_bytes_bucket[1m])'])).toBeUndefined();
    expect(bucketUnit(['rate(a_seconds_bucket[1m])', 'rate(requests_bucket[1m])'])).toBeUndefined();
    expect(bucketUnit(['rate(x_seconds_sum[5m])'])).toBeUndefined();
    expect(bucketUnit([])).toBeUndefined();
  });
});
