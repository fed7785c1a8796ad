import { describe, expect, it } from 'vitest';
import { suggestRecordingRule, type RuleSuggestion } from './recording';

const ok = (q: string) => {
  const r = suggestRecordingRule(q);
  if ('reason' in r) throw new Error(r.reason);
  return r as RuleSuggestion;
};

describe('suggestRecordingRule', () => {
  it('names the rule level:metric:operations and reads it as is', () => {
    const r = ok('sum by (job) (rate(http_requests_total[5m]))');
    expect(r.record).toBe('job:http_requests:rate5m');
    expect(r.expr).toBe('sum by (job) (rate(http_requests_total[5m]))');
    expect(r.rewritten).toBe('job:http_requests:rate5m');
    expect(r.yaml).toBe(
      'groups:\n  - name: scry-suggested\n    rules:\n      - record: job:http_requests:rate5m\n' +
        '        expr: "sum by (job) (rate(http_requests_total[5m]))"\n',
    );
  });
  it('keeps fixed matchers in the rule and variable ones in the panel, re-aggregating', () => {
    const r = ok('sum by (dc) (rate(x_total{status=~"5..", job=~"$job"}[1m]))');
    expect(r.record).toBe('dc_job:x:rate1m');
    expect(r.expr).toBe('sum by (dc, job) (rate(x_total{status=~"5.."}[1m]))');
    expect(r.rewritten).toBe('sum by (dc) (dc_job:x:rate1m{job=~"$job"})');
  });
  it('records the inner aggregation of a histogram_quantile', () => {
    const r = ok('histogram_quantile(0.9, sum by (le, job) (rate(lat_seconds_bucket[10m])))');
    expect(r.record).toBe('job:lat_seconds_bucket:rate10m');
    expect(r.expr).toBe('sum by (le, job) (rate(lat_seconds_bucket[10m]))');
    expect(r.rewritten).toBe('histogram_quantile(0.9, job:lat_seconds_bucket:rate10m)');
  });
  it('names max/min/count and gauges’ functions; count is re-aggregated by sum', () => {
    expect(ok('max by (dc) (max_over_time(temp_celsius[1h]))').record).toBe(
      'dc:temp_celsius:max_max_over_time1h',
    );
    expect(ok('sum(increase(jobs_total[1d]))').record).toBe(':jobs:increase1d');
    expect(ok('count by (dc) (rate(x_total{j=~"$j"}[5m]))').rewritten).toBe(
      'sum by (dc) (dc_j:x:count_rate5m{j=~"$j"})',
    );
  });
  it('says why for shapes it does not turn into rules', () => {
    const why = (q: string) => (suggestRecordingRule(q) as { reason: string }).reason;
    expect(why('rate(x_total[5m])')).toMatch(/sum\/min\/max\/count/);
    expect(why('avg by (dc) (rate(x_total[5m]))')).toMatch(/average/);
    expect(why('sum without (pod) (rate(x_total[5m]))')).toMatch(/by \(…\)/);
    expect(why('sum(rate(x_total[$__rate_interval]))')).toMatch(/fixed duration|does not parse/);
    expect(why('sum(rate(x_total[5m] offset 1h))')).toMatch(/offset/);
    expect(why('histogram_quantile(0.9, sum by (job) (rate(x_bucket[5m])))')).toMatch(/le/);
    expect(why('sum(rate(')).toMatch(/does not parse/);
  });
});
