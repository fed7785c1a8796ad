import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPanels } from '../model/rows';
import { importAny } from './importAny';

/** The corpus is copied into the repo (with SOURCES.md: origin and licence of each file); a missing corpus is an error, never a skip. */
const dir = path.resolve(__dirname, '__fixtures__/grafana-corpus');
if (!existsSync(dir)) throw new Error(`Grafana corpus not found at ${dir}`);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter(isObj) : []);

/** Non-row panels, counted independently of the importer: top level, inside rows, legacy rows. */
function grafanaPanels(d: Obj): Obj[] {
  const out: Obj[] = [];
  for (const p of list(d.panels)) {
    if (p.type === 'row') out.push(...list(p.panels));
    else out.push(p);
  }
  for (const r of list(d.rows)) out.push(...list(r.panels));
  return out;
}

const load = (f: string): Obj => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Obj;

function summary(f: string) {
  const r = importAny(load(f), { datasourceNames: ['prometheus'] });
  if (!r.ok) throw new Error(`${f}: ${r.errors.join('; ')}`);
  const types: Record<string, number> = {};
  for (const p of allPanels(r.dashboard.panels)) types[p.type] = (types[p.type] ?? 0) + 1;
  const notes = { info: 0, warning: 0 };
  for (const n of r.report) notes[n.level]++;
  return {
    panels: Object.fromEntries(Object.entries(types).sort()),
    variables: r.dashboard.variables.length,
    notes,
  };
}

describe('Grafana corpus', () => {
  it('has the 19 dashboards', () => {
    expect(files).toHaveLength(19);
  });

  it.each(files)('%s imports, validates, keeps every panel and every expr verbatim', (f) => {
    const raw = load(f);
    const r = importAny(raw);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const source = grafanaPanels(raw);
    const panels = allPanels(r.dashboard.panels).filter((p) => p.type !== 'row');
    expect(panels).toHaveLength(source.length);
    // rows are kept (modern ones all; legacy ones when shown)
    const rows = list(raw.panels).filter((p) => p.type === 'row').length;
    expect(r.dashboard.panels.filter((p) => p.type === 'row').length).toBeGreaterThanOrEqual(rows);
    const want = source
      .flatMap((p) => list(p.targets))
      .flatMap((t) => (typeof t.expr === 'string' ? [t.expr] : []))
      .sort();
    const got = panels.flatMap((p) => p.targets.map((t) => t.expr)).sort();
    expect(got).toEqual(want);
  });

  it.each(files)('%s summary', (f) => {
    expect(summary(f)).toMatchSnapshot();
  });

  it('imports the node-exporter mixin (jsonnet: no refIds, object query, rows of timeseries)', () => {
    expect(summary('node-exporter-mixin-nodes.json')).toEqual({
      panels: { gauge: 1, row: 4, table: 1, timeseries: 6 },
      variables: 3,
      notes: { info: 1, warning: 0 },
    });
    const r = importAny(load('node-exporter-mixin-nodes.json'));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.dashboard.uid).toBe('7d57716318ee0dddbac5a7f451fb7753');
    expect(r.report.map((n) => `${n.level} ${n.path}: ${n.message}`)).toEqual([
      'info panels[8]: Column overrides not carried over: Used, % (gauge cells)',
    ]);
    // the Disk Space Usage table's transformations are kept and applied at run time
    const space = r.dashboard.panels.find((p) => p.title === 'Disk Space Usage');
    // its column overrides by name: widths and the percent unit (the gauge cell is named)
    expect(space?.options.columns).toEqual({
      'Mounted on': { width: 260 },
      Size: { width: 93 },
      Used: { width: 72 },
      Available: { width: 88 },
      'Used, %': { unit: 'percentunit' },
    });
    expect(space?.transformations?.map((t) => t.id)).toEqual([
      'groupBy',
      'merge',
      'calculateField',
      'calculateField',
      'organize',
      'sortBy',
    ]);
    // the Disk I/O panel's per-series units are kept (a second unit: a right axis, as in Grafana)
    const disk = r.dashboard.panels.find((p) => p.title === 'Disk I/O');
    expect(disk?.fieldConfig.overrides).toEqual([
      {
        matcher: { id: 'byRegexp', options: '/ read| written/' },
        properties: [{ id: 'unit', value: 'Bps' }],
      },
      {
        matcher: { id: 'byRegexp', options: '/ io time/' },
        properties: [{ id: 'unit', value: 'percentunit' }],
      },
    ]);
    expect(r.dashboard.timezone).toBe('utc');
    expect(r.dashboard.variables.map((v) => [v.name, v.type, v.datasource])).toEqual([
      ['datasource', 'datasource', undefined],
      ['cluster', 'query', '$datasource'],
      ['instance', 'query', '$datasource'],
    ]);
    const panels = r.dashboard.panels.filter((p) => p.type !== 'row');
    expect(r.dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual([
      'CPU',
      'Memory',
      'Disk',
      'Network',
    ]);
    expect(new Set(panels.map((p) => p.datasource))).toEqual(new Set(['$datasource']));
    for (const p of panels) {
      expect(p.targets.map((t) => t.refId)).toEqual(p.targets.map((_, i) => 'ABCDEFGH'[i]));
    }
  });

  it('lays out a legacy rows[] dashboard (kubernetes-mixin) from span and height', () => {
    const r = importAny(load('kubernetes-mixin-k8s-resources-workload.json'));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    // shown legacy rows become Scry rows, one grid line each
    expect(r.dashboard.panels.map((p) => [p.type, p.gridPos])).toEqual([
      ['row', { x: 0, y: 0, w: 24, h: 1 }],
      ['timeseries', { x: 0, y: 1, w: 24, h: 8 }],
      ['row', { x: 0, y: 9, w: 24, h: 1 }],
      ['table', { x: 0, y: 10, w: 24, h: 8 }],
      ['row', { x: 0, y: 18, w: 24, h: 1 }],
      ['timeseries', { x: 0, y: 19, w: 24, h: 8 }],
      ['row', { x: 0, y: 27, w: 24, h: 1 }],
      ['table', { x: 0, y: 28, w: 24, h: 8 }],
      ['row', { x: 0, y: 36, w: 24, h: 1 }],
      ['table', { x: 0, y: 37, w: 24, h: 8 }],
      ['row', { x: 0, y: 45, w: 24, h: 1 }],
      ['timeseries', { x: 0, y: 46, w: 12, h: 8 }],
      ['timeseries', { x: 12, y: 46, w: 12, h: 8 }],
      ['row', { x: 0, y: 54, w: 24, h: 1 }],
      ['timeseries', { x: 0, y: 55, w: 12, h: 8 }],
      ['timeseries', { x: 12, y: 55, w: 12, h: 8 }],
      ['row', { x: 0, y: 63, w: 24, h: 1 }],
      ['timeseries', { x: 0, y: 64, w: 12, h: 8 }],
      ['timeseries', { x: 12, y: 64, w: 12, h: 8 }],
      ['row', { x: 0, y: 72, w: 24, h: 1 }],
      ['timeseries', { x: 0, y: 73, w: 12, h: 8 }],
      ['timeseries', { x: 12, y: 73, w: 12, h: 8 }],
    ]);
  });

  it('resolves ${DS_PROMETHEUS} import inputs (redis exporter) to the default datasource', () => {
    const r = importAny(load('redis-exporter-0.3x.json'), { datasourceNames: ['prom'] });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.dashboard.panels.every((p) => p.datasource === undefined)).toBe(true);
    expect(r.dashboard.variables[0]?.datasource).toBeUndefined();
    expect(r.report.filter((n) => n.message.includes('DS_PROMETHEUS'))).toEqual([
      {
        level: 'info',
        path: 'templating.list[0]',
        message: "Import input ${DS_PROMETHEUS} uses Scry's default datasource",
      },
    ]);
    expect(summary('redis-exporter-0.3x.json').panels).toEqual({
      gauge: 1,
      stat: 2,
      timeseries: 9,
    });
  });
});
