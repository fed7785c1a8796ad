import { describe, expect, it } from 'vitest';
import type { DsContext } from './datasource';
import { convertTargets, refIdAt } from './targets';
import { Notes } from './util';

const ds: DsContext = {
  dsVariables: new Set(['datasource']),
  inputs: new Set(['DS_PROMETHEUS']),
  names: ['prom', 'other'],
  defaultDatasource: undefined,
};
const run = (panel: Record<string, unknown>) => {
  const notes = new Notes();
  const out = convertTargets(panel, 'panels[0]', ds, notes);
  return { ...out, notes: notes.list.map((n) => `${n.level} ${n.path}: ${n.message}`) };
};

describe('refIdAt', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
  ])('%i → %s', (i, want) => expect(refIdAt(i)).toBe(want));
});

describe('convertTargets', () => {
  it('keeps expr (multi-line), legend, min step, hide and instant', () => {
    const expr = 'sum by (job) (\n  rate(http_requests_total{job=~"$job"}[$__rate_interval])\n)';
    const { targets, notes } = run({
      targets: [
        {
          refId: 'A',
          expr,
          legendFormat: '{{ job }}',
          interval: '$resolution',
          step: 10,
          metric: 'x',
        },
        { refId: 'B', expr: 'up', instant: true, hide: true, editorMode: 'code', exemplar: true },
      ],
    });
    expect(targets).toEqual([
      {
        refId: 'A',
        expr,
        legendFormat: '{{ job }}',
        interval: '$resolution',
        instant: false,
        hide: false,
      },
      {
        refId: 'B',
        expr: 'up',
        legendFormat: '',
        interval: '',
        instant: true,
        hide: true,
        exemplar: true,
      },
    ]);
    expect(notes).toEqual([]);
  });

  it('assigns missing refIds A, B, … skipping used ones, and renames duplicates', () => {
    const { targets, notes } = run({
      targets: [{ expr: 'a' }, { refId: 'A', expr: 'b' }, { expr: 'c' }, { refId: 'A', expr: 'd' }],
    });
    expect(targets.map((t) => t.refId)).toEqual(['B', 'A', 'C', 'D']);
    expect(notes).toEqual(['info panels[0].targets[3]: Duplicate refId "A" renamed to "D"']);
  });

  it("keeps the __auto legend (Grafana's Auto: only the labels that differ) without a note", () => {
    const { targets, notes } = run({ targets: [{ expr: 'up', legendFormat: '__auto' }] });
    expect(targets[0]?.legendFormat).toBe('__auto');
    expect(notes).toEqual([]);
  });

  it('makes "Both" (instant and range) a range query with a note', () => {
    const { targets, notes } = run({ targets: [{ expr: 'up', instant: true, range: true }] });
    expect(targets[0]?.instant).toBe(false);
    expect(notes).toEqual([
      'info panels[0].targets[0]: Query type "Both" (instant and range) became a range query',
    ]);
  });

  it('keeps intervalFactor ("Resolution 1/N") without a note; 1 is the default and not written', () => {
    const { targets, notes } = run({
      targets: [
        { expr: 'a', intervalFactor: 2 },
        { expr: 'b', intervalFactor: 10 },
        { expr: 'c', intervalFactor: 1 },
      ],
    });
    expect(targets.map((t) => t.intervalFactor)).toEqual([2, 10, undefined]);
    expect(targets[2]).not.toHaveProperty('intervalFactor');
    expect(notes).toEqual([]);
  });

  it('rounds an intervalFactor that is not a whole number 1–100, with a note', () => {
    const { targets, notes } = run({
      targets: [
        { expr: 'a', intervalFactor: 2.4 },
        { expr: 'b', intervalFactor: 1000 },
      ],
    });
    expect(targets.map((t) => t.intervalFactor)).toEqual([2, 100]);
    expect(notes).toEqual([
      'warning panels[0].targets[0]: intervalFactor 2.4 became 2 (a whole number 1–100)',
      'warning panels[0].targets[1]: intervalFactor 1000 became 100 (a whole number 1–100)',
    ]);
  });

  it('hints table and heatmap formats to the panel, ignoring hidden targets', () => {
    expect(run({ targets: [{ expr: 'a', format: 'table', instant: true }] }).format).toBe('table');
    expect(run({ targets: [{ expr: 'a', format: 'heatmap' }] }).format).toBe('heatmap');
    expect(run({ targets: [{ expr: 'a', format: 'time_series' }] }).format).toBeUndefined();
    expect(
      run({ targets: [{ expr: 'a' }, { expr: 'b', format: 'table', hide: true }] }).format,
    ).toBeUndefined();
  });

  it('drops targets without expr and non-Prometheus targets with warnings', () => {
    const { targets, notes } = run({
      datasource: { type: 'datasource', uid: '-- Mixed --' },
      targets: [
        { refId: 'A', datasource: { type: 'prometheus', uid: '${datasource}' }, expr: 'up' },
        {
          refId: 'B',
          datasource: { type: 'grafana-opensearch-datasource', uid: 'os' },
          query: 'x',
        },
        { refId: 'C', datasource: { type: 'loki', uid: 'l' }, expr: '{job="x"}' },
        { refId: 'D', datasource: { type: 'prometheus', uid: '$datasource' } },
      ],
    });
    expect(targets.map((t) => t.refId)).toEqual(['A']);
    expect(notes).toEqual([
      'warning panels[0].targets[1]: Dropped a query for grafana-opensearch-datasource: Scry only queries Prometheus',
      'warning panels[0].targets[2]: Dropped a query for loki: Scry only queries Prometheus',
      'warning panels[0].targets[3]: Dropped a query without a PromQL `expr` (not a Prometheus query)',
    ]);
  });

  it('takes the datasource from the panel, or from the targets under -- Mixed --', () => {
    expect(run({ datasource: 'prom', targets: [{ expr: 'up' }] }).datasource).toBe('prom');
    expect(run({ datasource: '$datasource', targets: [] }).datasource).toBe('$datasource');
    expect(
      run({
        datasource: '-- Mixed --',
        targets: [{ expr: 'up', datasource: { uid: '${datasource}' } }],
      }).datasource,
    ).toBe('$datasource');
    expect(run({ datasource: null, targets: [{ expr: 'up' }] }).datasource).toBeUndefined();
  });

  it('warns when the targets of a mixed panel use different datasources', () => {
    const { datasource, notes } = run({
      datasource: '-- Mixed --',
      targets: [
        { expr: 'a', datasource: 'prom' },
        { expr: 'b', datasource: 'other' },
      ],
    });
    expect(datasource).toBe('prom');
    expect(notes).toEqual([
      'warning panels[0]: Queries use different datasources (prom, other); Scry runs all of them on prom',
    ]);
  });
});
