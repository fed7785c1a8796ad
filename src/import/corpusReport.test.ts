import { describe, expect, it } from 'vitest';
import { classifyPanels, corpusRow, corpusTable, grafanaPanelPaths } from './corpusReport';
import type { ImportNote } from './util';

const ts = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'timeseries',
  gridPos: { x: 0, y: id * 8, w: 12, h: 8 },
  targets: [{ refId: 'A', expr: 'up' }],
  ...extra,
});

describe('corpus report', () => {
  it('finds panels at the top, in rows (collapsed too) and in legacy rows, with their paths', () => {
    expect(
      grafanaPanelPaths({
        rows: [{ panels: [{ type: 'graph' }] }],
        panels: [
          { type: 'stat' },
          { type: 'row', collapsed: true, panels: [{ type: 'graph' }, { type: 'piechart' }] },
          { type: 'row', panels: [] },
        ],
      }),
    ).toEqual([
      { path: 'rows[0].panels[0]', type: 'graph' },
      { path: 'panels[0]', type: 'stat' },
      { path: 'panels[1].panels[0]', type: 'graph' },
      { path: 'panels[1].panels[1]', type: 'piechart' },
    ]);
  });

  it('classifies by the notes at or under each panel path (panels[1] is not panels[10])', () => {
    const paths = ['panels[1]', 'panels[10]', 'panels[2]', 'panels[3]'].map((path) => ({ path }));
    const note = (path: string, message = 'x'): ImportNote => ({ level: 'info', path, message });
    expect(
      classifyPanels(paths, [
        note('panels[1].targets[0]'),
        note('panels[3]', 'Panel type "piechart" is not supported by Scry; it is kept'),
        note('templating.list[0]'),
      ]),
    ).toEqual({ intended: 2, notes: 1, unsupported: 1 });
  });

  it('imports a dashboard and counts it; the importer names unsupported types as the report expects', () => {
    const row = corpusRow('d', {
      schemaVersion: 39,
      title: 'd',
      panels: [
        ts(1),
        ts(2, { type: 'grafana-worldmap-panel' }),
        ts(3, { seriesOverrides: [{ alias: 'x', dashes: true }], type: 'graph' }),
      ],
    });
    expect(row).toEqual({ name: 'd', panels: 3, intended: 1, notes: 1, unsupported: 1 });
  });

  it('says which dashboard did not import', () => {
    expect(corpusRow('bad', 42).error).toBeTruthy();
  });

  it('prints a Markdown table with the total', () => {
    const t = corpusTable([
      { name: 'a', panels: 3, intended: 1, notes: 1, unsupported: 1 },
      { name: 'b', panels: 1, intended: 1, notes: 0, unsupported: 0 },
    ]);
    expect(t.split('\n')).toEqual([
      '| dashboard | panels | as intended | with notes | unsupported |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| a | 3 | 1 | 1 | 1 |',
      '| b | 1 | 1 | 0 | 0 |',
      '| **total (2 dashboards)** | **4** | **2** (50.0 %) | **1** (25.0 %) | **1** (25.0 %) |',
    ]);
  });
});
