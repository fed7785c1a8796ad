import { describe, expect, it } from 'vitest';
import { alertsToFrame } from './alerts';
import type { AlertsResult } from './types';

const result: AlertsResult = {
  alerts: [
    {
      labels: { alertname: 'HighLatency', severity: 'warning', job: 'api' },
      annotations: { summary: 'slow' },
      state: 'pending',
      activeAt: '2024-01-01T10:00:00Z',
      value: '1.2',
    },
    {
      labels: { alertname: 'InstanceDown', severity: 'critical', job: 'db' },
      annotations: {},
      state: 'firing',
      activeAt: '2024-01-01T09:00:00.123456789Z',
      value: '+Inf',
    },
    {
      labels: { alertname: 'DiskFull', severity: 'warning', job: 'db' },
      annotations: {},
      state: 'inactive',
      activeAt: '0001-01-01T00:00:00Z',
      value: '0',
    },
  ],
};

describe('alertsToFrame', () => {
  it('parses states, active times and values; never-active is undefined', () => {
    const f = alertsToFrame(result);
    expect(f.alerts.map((a) => [a.labels.alertname, a.state, a.activeAtMs, a.value])).toEqual([
      ['HighLatency', 'pending', Date.UTC(2024, 0, 1, 10), 1.2],
      ['InstanceDown', 'firing', Date.UTC(2024, 0, 1, 9) + 123, Infinity],
      ['DiskFull', 'inactive', undefined, 0],
    ]);
    expect(f.alerts[0]!.annotations).toEqual({ summary: 'slow' });
  });

  it('reads missing labels, annotations and times as empty', () => {
    const raw = { alerts: [{ state: 'firing', value: '1' }] } as unknown as AlertsResult;
    expect(alertsToFrame(raw).alerts).toEqual([
      { labels: {}, annotations: {}, state: 'firing', activeAtMs: undefined, value: 1 },
    ]);
    expect(alertsToFrame({ alerts: [] })).toEqual({ alerts: [] });
  });
});
