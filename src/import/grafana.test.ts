import { describe, expect, it } from 'vitest';
import { validateDashboard } from '../model/validate';
import { importGrafana, uidFromTitle, unwrapGrafana } from './grafana';

const base = { title: 'Demo', uid: 'demo', schemaVersion: 39, panels: [] };

describe('dashboard fields', () => {
  it('copies uid, title, description, tags, time, refresh, timezone and graphTooltip', () => {
    const { dashboard, report } = importGrafana({
      ...base,
      description: 'd',
      tags: ['a', 1, 'b'],
      time: { from: 'now-1h', to: 'now' },
      refresh: '30s',
      timezone: 'UTC',
      graphTooltip: 2,
      version: 17,
      id: 3,
    });
    expect(dashboard).toEqual({
      scry: 1,
      uid: 'demo',
      title: 'Demo',
      description: 'd',
      tags: ['a', 'b'],
      time: { from: 'now-1h', to: 'now' },
      refresh: '30s',
      timezone: 'utc',
      graphTooltip: 2,
      variables: [],
      panels: [],
    });
    expect(report).toEqual([]);
  });

  it.each([
    [false, ''],
    [null, ''],
    ['5s', '5s'],
  ])('refresh %j → %j', (refresh, want) => {
    expect(importGrafana({ ...base, refresh }).dashboard.refresh).toBe(want);
  });

  it.each([
    ['', 'browser'],
    [undefined, 'browser'],
    ['utc', 'utc'],
    ['Europe/Paris', 'Europe/Paris'],
  ])('timezone %j → %j', (timezone, want) => {
    expect(importGrafana({ ...base, timezone }).dashboard.timezone).toBe(want);
  });

  it('reads the Grafana 4 sharedCrosshair as graphTooltip 1 and defaults to 0', () => {
    expect(importGrafana({ ...base, sharedCrosshair: true }).dashboard.graphTooltip).toBe(1);
    expect(importGrafana(base).dashboard.graphTooltip).toBe(0);
  });

  it('derives a stable uid from the title when the uid is missing or invalid', () => {
    expect(uidFromTitle('Node Exporter / Nodes')).toBe(uidFromTitle('Node Exporter / Nodes'));
    expect(uidFromTitle('Node Exporter / Nodes')).toMatch(/^node-exporter-nodes-[0-9a-f]{8}$/);
    expect(uidFromTitle('Node Exporter Nodes')).not.toBe(uidFromTitle('Node Exporter / Nodes'));
    expect(uidFromTitle('Ünïcode ✓')).toMatch(/^unicode-[0-9a-f]{8}$/);
    expect(uidFromTitle('✓✓')).toMatch(/^dashboard-[0-9a-f]{8}$/);
    const missing = importGrafana({ ...base, uid: null });
    expect(missing.dashboard.uid).toBe(uidFromTitle('Demo'));
    expect(missing.report).toEqual([
      {
        level: 'info',
        path: 'uid',
        message: `The dashboard has no uid; using "${uidFromTitle('Demo')}" (from the title)`,
      },
    ]);
    const bad = importGrafana({ ...base, uid: 'has spaces!' });
    expect(bad.dashboard.uid).toBe(uidFromTitle('Demo'));
    expect(bad.report[0]?.level).toBe('warning');
  });

  it('names an untitled dashboard', () => {
    const { dashboard, report } = importGrafana({ schemaVersion: 30, panels: [] });
    expect(dashboard.title).toBe('Imported dashboard');
    expect(report[0]).toEqual({
      level: 'warning',
      path: 'title',
      message: 'The dashboard has no title; named it "Imported dashboard"',
    });
  });

  it('reports annotation queries and unsupported dashboard links, not the built-in annotation', () => {
    const { report, dashboard } = importGrafana({
      ...base,
      annotations: {
        list: [
          { builtIn: 1, name: 'Annotations & Alerts' },
          { name: 'Deploys', expr: 'x', enable: true },
        ],
      },
      links: [
        { type: 'dashboards', tags: ['a'] },
        { type: 'dashboard', title: 'Old' },
      ],
    });
    expect(report.map((n) => n.message)).toEqual([
      '1 annotation querie(s) dropped (not supported yet)',
      'Dashboard link "Old" (type "dashboard" is not supported) dropped',
    ]);
    expect(dashboard.links).toEqual([{ type: 'dashboards', title: '', tags: ['a'] }]);
  });
});

describe('wrappers', () => {
  it('unwraps the API wrapper and the v1 resource', () => {
    expect(unwrapGrafana({ dashboard: base, meta: { slug: 'x' } })).toBe(base);
    expect(
      unwrapGrafana({ apiVersion: 'dashboard.grafana.app/v1beta1', kind: 'Dashboard', spec: base }),
    ).toBe(base);
    expect(unwrapGrafana(base)).toBe(base);
    expect(unwrapGrafana({ title: 'x' })).toBeUndefined();
  });

  it('throws on something that is not a Grafana dashboard', () => {
    expect(() => importGrafana([])).toThrow('Not a Grafana dashboard');
  });
});

describe('panels', () => {
  it('keeps unique ids and gives new ones to duplicates and missing ids', () => {
    const { dashboard, report } = importGrafana({
      ...base,
      panels: [
        { id: 4, type: 'text', gridPos: { x: 0, y: 0, w: 12, h: 2 } },
        { id: 4, type: 'text', gridPos: { x: 12, y: 0, w: 12, h: 2 } },
        { type: 'text', gridPos: { x: 0, y: 2, w: 12, h: 2 } },
        { id: 1, type: 'text', gridPos: { x: 12, y: 2, w: 12, h: 2 } },
      ],
    });
    expect(dashboard.panels?.map((p) => p.id)).toEqual([4, 5, 6, 1]);
    expect(report).toEqual([
      { level: 'info', path: 'panels[1]', message: 'Duplicate panel id 4 changed to 5' },
    ]);
  });

  it('produces a dashboard that validates, with the variables and panels converted', () => {
    const { dashboard } = importGrafana({
      ...base,
      __inputs: [{ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }],
      templating: {
        list: [
          {
            type: 'query',
            name: 'job',
            datasource: '${DS_PROMETHEUS}',
            query: 'label_values(up, job)',
          },
        ],
      },
      panels: [
        {
          id: 1,
          type: 'graph',
          datasource: '${DS_PROMETHEUS}',
          gridPos: { x: 0, y: 0, w: 12, h: 8 },
          targets: [{ expr: 'rate(x{job="$job"}[5m])', legendFormat: '{{instance}}' }],
        },
      ],
    });
    const v = validateDashboard(dashboard);
    expect(v.ok).toBe(true);
    expect(dashboard.panels?.[0]?.datasource).toBeUndefined();
    expect(dashboard.panels?.[0]?.targets).toEqual([
      {
        refId: 'A',
        expr: 'rate(x{job="$job"}[5m])',
        legendFormat: '{{instance}}',
        interval: '',
        instant: false,
        hide: false,
      },
    ]);
  });

  it('maps ${DS_*} inputs to opts.defaultDatasource and names through opts.datasourceNames', () => {
    const { dashboard } = importGrafana(
      {
        ...base,
        __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }],
        panels: [
          {
            id: 1,
            type: 'timeseries',
            datasource: { type: 'prometheus', uid: '${DS_PROM}' },
            gridPos: { x: 0, y: 0, w: 8, h: 8 },
            targets: [{ expr: 'up' }],
          },
          {
            id: 2,
            type: 'timeseries',
            datasource: 'Thanos',
            gridPos: { x: 8, y: 0, w: 8, h: 8 },
            targets: [{ expr: 'up' }],
          },
        ],
      },
      { datasourceNames: ['main', 'thanos'], defaultDatasource: 'main' },
    );
    expect(dashboard.panels?.map((p) => p.datasource)).toEqual(['main', 'thanos']);
  });

  it('substitutes constant import inputs like Grafana does', () => {
    const { dashboard, report } = importGrafana({
      ...base,
      __inputs: [{ name: 'VAR_JOB', type: 'constant', value: 'node' }],
      panels: [
        {
          id: 1,
          type: 'timeseries',
          gridPos: { x: 0, y: 0, w: 8, h: 8 },
          targets: [{ expr: 'up{job="${VAR_JOB}"}' }],
        },
      ],
    });
    expect(dashboard.panels?.[0]?.targets?.[0]?.expr).toBe('up{job="node"}');
    expect(report[0]?.message).toBe('Import input ${VAR_JOB} replaced by its value "node"');
  });

  it('keeps rows: a collapsed row holds its panels, repeats carried over, ids unique', () => {
    const { dashboard } = importGrafana({
      ...base,
      panels: [
        {
          id: 1,
          type: 'row',
          title: 'Open',
          collapsed: false,
          gridPos: { x: 0, y: 0, w: 24, h: 1 },
        },
        {
          id: 2,
          type: 'timeseries',
          repeat: 'instance',
          repeatDirection: 'h',
          maxPerRow: 3,
          gridPos: { x: 0, y: 1, w: 8, h: 6 },
        },
        {
          id: 3,
          type: 'row',
          title: 'Per $job',
          collapsed: true,
          repeat: 'job',
          gridPos: { x: 0, y: 7, w: 24, h: 1 },
          panels: [{ id: 2, type: 'stat', gridPos: { x: 0, y: 8, w: 6, h: 4 } }],
        },
      ],
    });
    const v = validateDashboard(dashboard);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const panels = v.value.panels;
    expect(panels.map((p) => [p.id, p.type, p.gridPos.y])).toEqual([
      [1, 'row', 0],
      [2, 'timeseries', 1],
      [3, 'row', 7],
    ]);
    expect(panels[0]).toMatchObject({ collapsed: false, panels: [] });
    expect(panels[1]).toMatchObject({ repeat: 'instance', repeatDirection: 'h', maxPerRow: 3 });
    expect(panels[2]).toMatchObject({ title: 'Per $job', collapsed: true, repeat: 'job' });
    expect(panels[2]!.panels?.map((p) => [p.id, p.type, p.gridPos])).toEqual([
      [4, 'stat', { x: 0, y: 8, w: 6, h: 4 }],
    ]);
  });
});
