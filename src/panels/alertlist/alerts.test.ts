import { describe, expect, it } from 'vitest';
import type { AlertFrame } from '../../model/alertFrame';
import {
  alertListView,
  filterAlerts,
  formatAge,
  groupAlerts,
  parseMatchers,
  sortAlerts,
  toAlertItems,
} from './alerts';
import { readAlertListOptions } from './options';

// what prometheus/alerts.ts reads from the API (its test has the wire form of the same alerts)
const result: AlertFrame = {
  alerts: [
    {
      labels: { alertname: 'HighLatency', severity: 'warning', job: 'api' },
      annotations: { summary: 'slow' },
      state: 'pending',
      activeAtMs: Date.UTC(2024, 0, 1, 10),
      value: 1.2,
    },
    {
      labels: { alertname: 'InstanceDown', severity: 'critical', job: 'db' },
      annotations: {},
      state: 'firing',
      activeAtMs: Date.UTC(2024, 0, 1, 9),
      value: 0,
    },
    {
      labels: { alertname: 'InstanceDown', severity: 'critical', job: 'api' },
      annotations: {},
      state: 'firing',
      activeAtMs: Date.UTC(2024, 0, 1, 11),
      value: 0,
    },
    {
      labels: { alertname: 'DiskFull', severity: 'warning', job: 'db' },
      annotations: {},
      state: 'inactive',
      activeAtMs: undefined,
      value: 0,
    },
  ],
};
const items = toAlertItems(result);
const both = { firing: true, pending: true };

describe('toAlertItems', () => {
  it('names, states and times; a unique key per alert', () => {
    expect(items.map((a) => [a.name, a.state, a.activeAtMs])).toEqual([
      ['HighLatency', 'pending', Date.UTC(2024, 0, 1, 10)],
      ['InstanceDown', 'firing', Date.UTC(2024, 0, 1, 9)],
      ['InstanceDown', 'firing', Date.UTC(2024, 0, 1, 11)],
      ['DiskFull', 'inactive', undefined],
    ]);
    expect(new Set(items.map((a) => a.key)).size).toBe(4);
    expect(toAlertItems(undefined)).toEqual([]);
  });
});

describe('parseMatchers', () => {
  it('parses matchers with or without braces', () => {
    expect(parseMatchers('{a="x", b=~"y.*",c!="z" , d!~"\\"q\\""}')).toEqual([
      { name: 'a', op: '=', value: 'x' },
      { name: 'b', op: '=~', value: 'y.*' },
      { name: 'c', op: '!=', value: 'z' },
      { name: 'd', op: '!~', value: '"q"' },
    ]);
    expect(parseMatchers('')).toEqual([]);
    expect(parseMatchers('{}')).toEqual([]);
    expect(parseMatchers('job=api')).toBeUndefined();
  });
});

describe('filterAlerts', () => {
  const names = (xs: typeof items) => xs.map((a) => `${a.name}/${a.labels.job}`);
  it('keeps firing and pending, drops inactive', () => {
    expect(
      names(filterAlerts(items, { stateFilter: both, nameFilter: '', labelFilter: '' })),
    ).toEqual(['HighLatency/api', 'InstanceDown/db', 'InstanceDown/api']);
  });
  it('filters by state, name (case-insensitive substring) and labels', () => {
    expect(
      names(
        filterAlerts(items, {
          stateFilter: { firing: false, pending: true },
          nameFilter: '',
          labelFilter: '',
        }),
      ),
    ).toEqual(['HighLatency/api']);
    expect(
      names(filterAlerts(items, { stateFilter: both, nameFilter: 'down', labelFilter: '' })),
    ).toEqual(['InstanceDown/db', 'InstanceDown/api']);
    expect(
      names(
        filterAlerts(items, {
          stateFilter: both,
          nameFilter: '',
          labelFilter: '{job="api", severity=~"crit.*"}',
        }),
      ),
    ).toEqual(['InstanceDown/api']);
    expect(
      names(filterAlerts(items, { stateFilter: both, nameFilter: '', labelFilter: 'job!="api"' })),
    ).toEqual(['InstanceDown/db']);
  });
});

describe('sortAlerts', () => {
  const order = (o: Parameters<typeof sortAlerts>[1]) =>
    sortAlerts(items.slice(0, 3), o).map((a) => `${a.name}/${a.labels.job}`);
  it('importance: firing first, newest first within a state', () => {
    expect(order('importance')).toEqual(['InstanceDown/api', 'InstanceDown/db', 'HighLatency/api']);
  });
  it('by time and by name', () => {
    expect(order('timeAsc')).toEqual(['InstanceDown/db', 'HighLatency/api', 'InstanceDown/api']);
    expect(order('timeDesc')).toEqual(['InstanceDown/api', 'HighLatency/api', 'InstanceDown/db']);
    expect(order('alphaAsc')[0]).toBe('HighLatency/api');
    expect(order('alphaDesc')[2]).toBe('HighLatency/api');
  });
});

describe('groupAlerts', () => {
  it('groups by label values in order of appearance', () => {
    const g = groupAlerts(items, ['job']);
    expect(g.map((x) => [x.labels.job, x.alerts.length])).toEqual([
      ['api', 2],
      ['db', 2],
    ]);
    expect(groupAlerts(items, [])).toEqual([{ key: '', labels: {}, alerts: items }]);
  });
});

describe('alertListView', () => {
  it('filters, sorts and limits', () => {
    const v = alertListView(result, { ...readAlertListOptions({}), maxItems: 2 });
    expect(v.total).toBe(3);
    expect(v.shown).toBe(2);
    expect(v.groups[0]!.alerts.map((a) => a.state)).toEqual(['firing', 'firing']);
  });
});

describe('formatAge', () => {
  it('is coarse', () => {
    expect(formatAge(45_000)).toBe('45s');
    expect(formatAge(303_000)).toBe('5m 3s');
    expect(formatAge(7_800_000)).toBe('2h 10m');
    expect(formatAge(273_600_000)).toBe('3d 4h');
    expect(formatAge(-5)).toBe('0s');
  });
});
