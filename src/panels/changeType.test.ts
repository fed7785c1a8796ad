// @vitest-environment jsdom
import '../charts/testCanvas'; // uPlot (loaded with the panel views) reads matchMedia
import { describe, expect, it } from 'vitest';
import { changePanelType } from './changeType';
import { testPanel } from './shared/render.testing';

const BUCKETS = 'sum by (le) (rate(scry_request_duration_seconds_bucket[5m]))';
const target = (expr: string, hide = false) => ({
  refId: 'A',
  expr,
  legendFormat: '{{le}}',
  interval: '',
  instant: false,
  hide,
});

describe('changePanelType', () => {
  it('a time series of _seconds_bucket becomes a heatmap in seconds', () => {
    const p = testPanel('timeseries', { targets: [target(BUCKETS)] });
    const h = changePanelType(p, 'heatmap');
    expect(h.type).toBe('heatmap');
    expect(h.fieldConfig.unit).toBe('s');
    expect(h.options).toEqual({ percentiles: [0.5, 0.9, 0.99], colorScale: 'exponential' });
  });
  it('bytes buckets give bytes; the metadata unit is asked for the family', () => {
    const p = testPanel('timeseries', { targets: [target('rate(resp_size_bytes_bucket[1m])')] });
    expect(changePanelType(p, 'heatmap').fieldConfig.unit).toBe('bytes');
    const q = testPanel('timeseries', { targets: [target('rate(latency_bucket[1m])')] });
    expect(changePanelType(q, 'heatmap').fieldConfig.unit).toBe('short');
    const asked: string[] = [];
    const md = (f: string) => (asked.push(f), f === 'latency' ? 'seconds' : undefined);
    expect(changePanelType(q, 'heatmap', md).fieldConfig.unit).toBe('s');
    expect(asked).toEqual(['latency']);
  });
  it('a unit the user chose is kept', () => {
    const p = testPanel('timeseries', {
      targets: [target(BUCKETS)],
      fieldConfig: { unit: 'ms', decimals: 1 },
    });
    expect(changePanelType(p, 'heatmap').fieldConfig).toEqual({ unit: 'ms', decimals: 1 });
  });
  it('hidden queries and other types do not set the unit', () => {
    const hidden = testPanel('timeseries', { targets: [target(BUCKETS, true)] });
    expect(changePanelType(hidden, 'heatmap').fieldConfig.unit).toBe('short');
    const p = testPanel('timeseries', { targets: [target(BUCKETS)] });
    expect(changePanelType(p, 'stat').fieldConfig.unit).toBe('short');
  });
  it('the same type changes nothing', () => {
    const p = testPanel('timeseries', { targets: [target(BUCKETS)] });
    expect(changePanelType(p, 'timeseries')).toEqual(p);
  });
});
