import { describe, expect, it } from 'vitest';
import { parseDsRef, resolveDs, type DsContext } from './datasource';
import { Notes } from './util';

const ctx: DsContext = {
  dsVariables: new Set(['datasource', 'DS_VAR']),
  inputs: new Set(['DS_PROMETHEUS', 'DS_VAR']),
  names: ['prom', 'Thanos'],
  defaultDatasource: undefined,
};

describe('parseDsRef', () => {
  it.each([
    [null, { kind: 'default' }],
    ['default', { kind: 'default' }],
    ['$datasource', { kind: 'var', name: 'datasource' }],
    ['${datasource}', { kind: 'var', name: 'datasource' }],
    ['[[datasource]]', { kind: 'var', name: 'datasource' }],
    ['${DS_PROMETHEUS}', { kind: 'input', name: 'DS_PROMETHEUS' }],
    ['${DS_VAR}', { kind: 'var', name: 'DS_VAR' }],
    ['${DS_OTHER}', { kind: 'input', name: 'DS_OTHER' }],
    ['Prometheus', { kind: 'name', name: 'Prometheus' }],
    ['-- Mixed --', { kind: 'mixed' }],
    ['-- Grafana --', { kind: 'other', label: '-- Grafana --' }],
    [
      { type: 'prometheus', uid: '${datasource}' },
      { kind: 'var', name: 'datasource' },
    ],
    [{ uid: '$datasource' }, { kind: 'var', name: 'datasource' }],
    [{ type: 'prometheus' }, { kind: 'default' }],
    [
      { type: 'prometheus', uid: 'webstore-metrics' },
      { kind: 'name', name: 'webstore-metrics' },
    ],
    [{ type: 'datasource', uid: '-- Mixed --' }, { kind: 'mixed' }],
    [
      { type: 'datasource', uid: 'grafana' },
      { kind: 'other', label: '-- Grafana --' },
    ],
    [
      { type: 'jaeger', uid: 'abc' },
      { kind: 'other', label: 'jaeger' },
    ],
    [
      { type: 'loki', uid: 'logs' },
      { kind: 'other', label: 'loki' },
    ],
  ])('%j → %j', (raw, want) => {
    expect(parseDsRef(raw, ctx)).toEqual(want);
  });
});

describe('resolveDs', () => {
  it('keeps variables as $name', () => {
    expect(resolveDs({ kind: 'var', name: 'datasource' }, ctx, new Notes(), 'p')).toBe(
      '$datasource',
    );
  });

  it('matches names exactly, then ignoring case', () => {
    const notes = new Notes();
    expect(resolveDs({ kind: 'name', name: 'prom' }, ctx, notes, 'p')).toBe('prom');
    expect(resolveDs({ kind: 'name', name: 'thanos' }, ctx, notes, 'p')).toBe('Thanos');
    expect(notes.list).toEqual([]);
  });

  it('leaves an unknown name unset and says so once', () => {
    const notes = new Notes();
    expect(resolveDs({ kind: 'name', name: 'Prometheus' }, ctx, notes, 'a')).toBeUndefined();
    expect(resolveDs({ kind: 'name', name: 'Prometheus' }, ctx, notes, 'b')).toBeUndefined();
    expect(notes.list).toEqual([
      {
        level: 'info',
        path: 'a',
        message:
          'Datasource "Prometheus" is not configured in Scry; its panels use the default datasource',
      },
    ]);
  });

  it('maps inputs to the default datasource, or to opts.defaultDatasource', () => {
    const notes = new Notes();
    expect(resolveDs({ kind: 'input', name: 'DS_PROMETHEUS' }, ctx, notes, 'p')).toBeUndefined();
    expect(notes.list[0]?.message).toBe(
      "Import input ${DS_PROMETHEUS} uses Scry's default datasource",
    );
    const withDefault = { ...ctx, defaultDatasource: 'prom' };
    expect(resolveDs({ kind: 'input', name: 'DS_X' }, withDefault, new Notes(), 'p')).toBe('prom');
  });
});
