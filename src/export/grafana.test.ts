import { describe, expect, test } from 'vitest';
import { dashboardSchema, type Dashboard, type DashboardInput } from '../model/dashboard';
import { importAny } from '../import/importAny';
import { panelRegistry } from '../panels/registry';
import { inputName, LOST_IN_GRAFANA, toGrafana } from './grafana';

const TYPES = ['timeseries', 'stat', 'gauge', 'bargauge', 'table', 'heatmap', 'text', 'alertlist'];

/** Options of each type, away from its defaults (only what Grafana can carry: see LOST below). */
const CHANGED: Record<
  string,
  { options?: Record<string, unknown>; fieldConfig?: Record<string, unknown> }
> = {
  timeseries: {
    fieldConfig: {
      unit: 'reqps',
      custom: {
        drawStyle: 'bars',
        lineWidth: 2,
        fillOpacity: 50,
        pointSize: 7,
        stacking: { mode: 'percent', group: 'A' },
        scaleDistribution: { type: 'log', log: 2 },
        thresholdsStyle: { mode: 'area' },
      },
      overrides: [
        {
          matcher: { id: 'byRegexp', options: '/write/' },
          properties: [
            { id: 'custom.transform', value: 'negative-Y' },
            { id: 'custom.axisPlacement', value: 'right' },
            { id: 'unit', value: 'Bps' },
            { id: 'color', value: { mode: 'fixed', fixedColor: 'purple' } },
          ],
        },
        {
          matcher: { id: 'byFrameRefID', options: 'A' },
          properties: [
            { id: 'displayName', value: 'Total' },
            { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } },
            { id: 'custom.stacking', value: { mode: 'normal', group: 'B' } },
          ],
        },
      ],
    },
    options: { legend: { displayMode: 'table', placement: 'right', calcs: ['mean', 'max'] } },
  },
  stat: {
    options: {
      reduce: 'max',
      colorMode: 'background',
      graphMode: 'none',
      textMode: 'value_and_name',
      orientation: 'horizontal',
      justifyMode: 'center',
    },
  },
  gauge: {
    options: {
      reduce: 'mean',
      showThresholdMarkers: false,
      showThresholdLabels: true,
      orientation: 'vertical',
    },
  },
  bargauge: {
    options: {
      reduce: 'min',
      displayMode: 'lcd',
      showUnfilled: false,
      valueMode: 'text',
      namePlacement: 'left',
      orientation: 'horizontal',
    },
  },
  table: { options: { showHeader: false, sortBy: { column: 'job', desc: true } } },
  heatmap: {},
  text: { options: { mode: 'html', content: '<b>hi</b> $job' } },
  alertlist: {
    options: {
      stateFilter: { firing: true, pending: false },
      nameFilter: 'Cat',
      labelFilter: '{team="a"}',
      maxItems: 5,
      sortOrder: 3,
    },
  },
};

/** A dashboard using everything Scry's model has that Grafana also has. */
function everything(): Dashboard {
  const panels: NonNullable<DashboardInput['panels']> = TYPES.map((type, i) => {
    const plugin = panelRegistry.get(type)!;
    const defaults = plugin.defaults();
    const own = CHANGED[type]!;
    return {
      id: i + 1,
      type,
      title: `${type} panel`,
      description: `about ${type}`,
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
      ...defaults,
      fieldConfig: { ...defaults.fieldConfig, ...own.fieldConfig },
      options: { ...defaults.options, ...own.options },
      targets:
        type === 'text'
          ? []
          : [
              {
                refId: 'A',
                expr: `sum by (job) (rate(x_total{job=~"$job"}[$__rate_interval]))`,
                legendFormat: '{{job}}',
                interval: '30s',
                instant: type === 'stat',
                hide: false,
              },
              {
                refId: 'B',
                expr: 'up',
                legendFormat: '',
                interval: '',
                // Resolution 1/3 survives the round trip
                intervalFactor: 3,
                instant: type === 'stat',
                hide: true,
              },
            ],
    };
  });
  return dashboardSchema.parse({
    scry: 1,
    uid: 'round-trip',
    title: 'Round trip',
    description: 'Scry → Grafana → Scry',
    tags: ['a', 'b'],
    time: { from: 'now-24h', to: 'now-1h' },
    refresh: '1m',
    timezone: 'Europe/Paris',
    graphTooltip: 2,
    variables: [
      { name: 'ds', type: 'datasource', query: 'prometheus', current: 'vm' },
      {
        name: 'job',
        type: 'query',
        label: 'Job',
        description: 'the job',
        query: 'label_values(up, job)',
        datasource: '$ds',
        regex: '/(.*)-.*/',
        sort: 3,
        refresh: 2,
        multi: true,
        includeAll: true,
        allValue: '.*',
        current: ['api', 'web'],
      },
      {
        name: 'dc',
        type: 'custom',
        query: 'ams,fra',
        current: '$__all',
        includeAll: true,
        hide: 1,
      },
      { name: 'k', type: 'constant', query: 'v', hide: 2, current: 'v' },
      { name: 'q', type: 'textbox', query: 'x', current: '', skipUrlSync: true },
      {
        name: 'step',
        type: 'interval',
        query: '1m,5m,1h',
        current: 'auto',
        auto: true,
        auto_count: 30,
        auto_min: '10s',
      },
    ],
    panels: [
      ...panels.map((p) => (p.type === 'timeseries' ? { ...p, datasource: '$ds' } : p)),
      {
        id: 20,
        type: 'row',
        title: 'Folded',
        gridPos: { x: 0, y: 32, w: 24, h: 1 },
        collapsed: true,
        repeat: 'dc',
        panels: [
          {
            id: 21,
            type: 'timeseries',
            title: 'In the row $dc',
            gridPos: { x: 0, y: 33, w: 8, h: 6 },
            ...panelRegistry.get('timeseries')!.defaults(),
            targets: [{ refId: 'A', expr: 'up{dc="$dc"}' }],
            repeat: 'job',
            repeatDirection: 'v',
            maxDataPoints: 300,
            interval: '1m',
          },
        ],
      },
      {
        id: 22,
        type: 'row',
        title: 'Open',
        gridPos: { x: 0, y: 33, w: 24, h: 1 },
        collapsed: false,
        panels: [],
      },
      {
        id: 23,
        type: 'stat',
        title: 'Horizontal repeat',
        gridPos: { x: 0, y: 34, w: 6, h: 4 },
        ...panelRegistry.get('stat')!.defaults(),
        fieldConfig: {
          unit: 'bytes',
          decimals: 2,
          min: 0,
          max: 100,
          thresholds: {
            mode: 'percentage',
            steps: [
              { value: null, color: 'green' },
              { value: 80, color: 'red' },
            ],
          },
          mappings: [{ type: 'value', options: { '1': { text: 'up', color: 'green', index: 0 } } }],
        },
        targets: [{ refId: 'A', expr: 'up', instant: true }],
        repeat: 'dc',
        repeatDirection: 'h',
        maxPerRow: 3,
      },
      {
        id: 24,
        type: 'table',
        title: 'Table format',
        gridPos: { x: 6, y: 34, w: 18, h: 4 },
        ...panelRegistry.get('table')!.defaults(),
        options: { ...panelRegistry.get('table')!.defaults().options, format: 'table' },
        targets: [{ refId: 'A', expr: 'up', instant: true }],
        transformations: [
          { id: 'organize', options: { renameByName: { Value: 'Up' } } },
          { id: 'merge', options: {}, disabled: true },
        ],
      },
    ],
  });
}

describe('Export for Grafana', () => {
  test('Scry → Grafana → Scry keeps every field but the datasource names', () => {
    const d = everything();
    const grafana = toGrafana(d);
    const back = importAny(JSON.parse(JSON.stringify(grafana)), { datasourceNames: ['vm'] });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    // options as each panel type reads them (its defaults applied): what the panel draws
    const read = (x: Dashboard) => ({
      ...x,
      version: 0,
      panels: x.panels.map((p) => ({
        ...p,
        options: panelRegistry.get(p.type)?.readOptions(p) ?? p.options,
        panels: p.panels?.map((c) => ({
          ...c,
          options: panelRegistry.get(c.type)!.readOptions(c),
        })),
      })),
    });
    expect(read(back.dashboard)).toEqual(read(d));
  });

  test('datasources become __inputs; variables stay variables', () => {
    const d = dashboardSchema.parse({
      scry: 1,
      uid: 'x',
      title: 'x',
      variables: [{ name: 'ds', type: 'datasource', query: 'prometheus' }],
      panels: [
        {
          id: 1,
          type: 'timeseries',
          gridPos: { x: 0, y: 0, w: 1, h: 1 },
          targets: [{ refId: 'A', expr: 'up' }],
        },
        {
          id: 2,
          type: 'timeseries',
          datasource: 'long-term vm',
          gridPos: { x: 0, y: 0, w: 1, h: 1 },
        },
        { id: 3, type: 'timeseries', datasource: '$ds', gridPos: { x: 0, y: 0, w: 1, h: 1 } },
      ],
    });
    const g = toGrafana(d) as {
      __inputs: { name: string; label: string }[];
      panels: { datasource: unknown; targets: { datasource: unknown }[] }[];
    };
    expect(g.__inputs.map((i) => [i.name, i.label])).toEqual([
      ['DS_PROMETHEUS', 'Prometheus'],
      ['DS_LONG_TERM_VM', 'long-term vm'],
    ]);
    expect(g.panels.map((p) => p.datasource)).toEqual([
      { type: 'prometheus', uid: '${DS_PROMETHEUS}' },
      { type: 'prometheus', uid: '${DS_LONG_TERM_VM}' },
      { type: 'prometheus', uid: '${ds}' },
    ]);
    expect(g.panels[0]!.targets[0]!.datasource).toEqual({
      type: 'prometheus',
      uid: '${DS_PROMETHEUS}',
    });
    // Scry reads the inputs back as its default datasource (Grafana asks for them instead)
    const back = importAny(g, { datasourceNames: ['long-term vm'] });
    expect(back.ok && back.dashboard.panels.map((p) => p.datasource)).toEqual([
      undefined,
      undefined,
      '$ds',
    ]);
  });

  test('input names are distinct per datasource', () => {
    expect(inputName(undefined)).toBe('DS_PROMETHEUS');
    expect(inputName('prom-eu')).toBe('DS_PROM_EU');
    expect(inputName('ÿ')).toBe('DS_PROMETHEUS');
  });
});

test('what Grafana cannot carry back comes back as the default (listed in LOST_IN_GRAFANA)', () => {
  const panel = (id: number, type: string, options: Record<string, unknown>) => ({
    id,
    type,
    gridPos: { x: 0, y: id, w: 1, h: 1 },
    ...panelRegistry.get(type)!.defaults(),
    options: { ...panelRegistry.get(type)!.defaults().options, ...options },
  });
  const d = dashboardSchema.parse({
    scry: 1,
    uid: 'lost',
    title: 'Lost',
    loadExternalImages: true,
    version: 7,
    panels: [
      panel(1, 'heatmap', { percentiles: [0.25], colorScale: 'linear', group: 'g' }),
      panel(2, 'timeseries', { alertAnnotations: true }),
      panel(3, 'table', { reduce: 'max', columns: { job: { unit: 'bytes', hidden: true } } }),
      panel(4, 'alertlist', { groupBy: ['team'] }),
    ],
  });
  const back = importAny(toGrafana(d));
  if (!back.ok) throw new Error(back.errors.join('\n'));
  const read = (i: number) =>
    panelRegistry.get(back.dashboard.panels[i]!.type)!.readOptions(back.dashboard.panels[i]!);
  const dflt = (type: string) =>
    panelRegistry.get(type)!.readOptions({ ...panelRegistry.get(type)!.defaults() });
  expect(read(0)).toEqual(dflt('heatmap'));
  expect(read(1)).toEqual(dflt('timeseries'));
  expect(read(2)).toEqual(dflt('table'));
  expect(read(3)).toEqual(dflt('alertlist'));
  expect(back.dashboard.loadExternalImages).toBeUndefined();
  expect(back.dashboard.version).toBe(0);
  expect(LOST_IN_GRAFANA.join(' ')).toMatch(
    /percentiles.*alert annotations.*per-column.*grouping/s,
  );
});
