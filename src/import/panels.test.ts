import { describe, expect, it } from 'vitest';
import type { DsContext } from './datasource';
import { convertPanel } from './panels';
import { Notes } from './util';

const ds: DsContext = {
  dsVariables: new Set(),
  inputs: new Set(),
  names: [],
  defaultDatasource: undefined,
};
const convert = (panel: Record<string, unknown>) => {
  const notes = new Notes();
  const body = convertPanel(panel, 'panels[0]', ds, notes);
  return { body, notes: notes.list.map((n) => `${n.level}: ${n.message}`) };
};

describe('graph → timeseries', () => {
  it('maps axis unit, decimals, min/max strings, draw style, stacking and nulls', () => {
    const { body } = convert({
      type: 'graph',
      title: 'CPU',
      lines: true,
      linewidth: 2,
      fill: 3,
      stack: true,
      nullPointMode: 'connected',
      yaxes: [
        { format: 'percentunit', decimals: 1, min: '0', max: '1', logBase: 1, show: true },
        { format: 'short' },
      ],
      targets: [{ expr: 'x' }],
    });
    expect(body.type).toBe('timeseries');
    expect(body.fieldConfig).toEqual({
      unit: 'percentunit',
      decimals: 1,
      min: 0,
      max: 1,
      custom: {
        drawStyle: 'line',
        lineWidth: 2,
        fillOpacity: 30,
        showPoints: 'never',
        lineInterpolation: 'linear',
        stacking: { mode: 'normal', group: 'A' },
        spanNulls: true,
      },
    });
  });

  it('maps bars, points, null as zero, steps, log scale and a hidden axis', () => {
    const { body } = convert({
      type: 'graph',
      bars: true,
      lines: false,
      points: true,
      pointradius: 3,
      steppedLine: true,
      nullPointMode: 'null as zero',
      yaxes: [{ format: 'bytes', logBase: 2, show: false, label: 'mem' }],
    });
    expect(body.fieldConfig?.custom).toEqual({
      drawStyle: 'bars',
      lineWidth: 1,
      fillOpacity: 10,
      showPoints: 'always',
      pointSize: 6,
      lineInterpolation: 'stepAfter',
      nullValueMode: 'null as zero',
      scaleDistribution: { type: 'log', log: 2 },
      axisPlacement: 'hidden',
      axisLabel: 'mem',
    });
    expect(body.fieldConfig?.unit).toBe('bytes');
  });

  it('maps the shared tooltip and its sort order', () => {
    expect(
      convert({ type: 'graph', tooltip: { shared: true, sort: 2 } }).body.options?.tooltip,
    ).toEqual({ mode: 'multi', sort: 'desc' });
    expect(
      convert({ type: 'graph', tooltip: { shared: false, sort: 0 } }).body.options?.tooltip,
    ).toEqual({ mode: 'single', sort: 'none' });
  });

  it('carries series overrides and colours over, names what they lose, reports a non-time x axis', () => {
    const { body, notes } = convert({
      type: 'graph',
      yaxes: [{ format: 'short' }, { format: 'bytes' }],
      seriesOverrides: [{ alias: 'x', yaxis: 2, dashes: true }],
      aliasColors: { a: 'red', b: 'blue' },
      xaxis: { mode: 'series' },
    });
    expect(body.fieldConfig?.overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'a' },
        properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: 'red' } }],
      },
      {
        matcher: { id: 'byName', options: 'b' },
        properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: 'blue' } }],
      },
      {
        matcher: { id: 'byName', options: 'x' },
        properties: [
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'unit', value: 'bytes' },
        ],
      },
    ]);
    expect(notes).toEqual([
      'info: Series overrides not carried over: dashes of series override "x"',
      'warning: Graph x-axis mode "series" is not supported; shown over time',
    ]);
  });
});

describe('timeseries', () => {
  it('keeps unit, thresholds, custom draw options, legend and tooltip', () => {
    const { body, notes } = convert({
      type: 'timeseries',
      fieldConfig: {
        defaults: {
          unit: 'reqps',
          min: 0,
          thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }] },
          custom: {
            drawStyle: 'line',
            fillOpacity: 10,
            stacking: { mode: 'normal', group: 'A' },
            hideFrom: { legend: false },
          },
          color: { mode: 'palette-classic' },
        },
        overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [] }],
      },
      options: {
        legend: {
          displayMode: 'table',
          placement: 'right',
          calcs: ['mean', 'max'],
          showLegend: true,
        },
        tooltip: { mode: 'multi', sort: 'desc' },
      },
    });
    expect(body.fieldConfig).toEqual({
      unit: 'reqps',
      min: 0,
      thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }] },
      custom: { drawStyle: 'line', fillOpacity: 10, stacking: { mode: 'normal', group: 'A' } },
    });
    expect(body.options).toEqual({
      legend: { displayMode: 'table', placement: 'right', calcs: ['mean', 'max'] },
      tooltip: { mode: 'multi', sort: 'desc' },
    });
    // an override without properties changes nothing: left out without a note
    expect(notes).toEqual([]);
  });

  it('carries field overrides over and names the properties it drops', () => {
    const { body, notes } = convert({
      type: 'timeseries',
      fieldConfig: {
        defaults: { unit: 'Bps' },
        overrides: [
          {
            matcher: { id: 'byRegexp', options: '/write/' },
            properties: [
              { id: 'custom.transform', value: 'negative-Y' },
              { id: 'custom.lineStyle', value: { fill: 'dash' } },
            ],
          },
          { matcher: { id: 'byValue', options: {} }, properties: [{ id: 'unit', value: 's' }] },
        ],
      },
    });
    expect(body.fieldConfig?.overrides).toEqual([
      {
        matcher: { id: 'byRegexp', options: '/write/' },
        properties: [{ id: 'custom.transform', value: 'negative-Y' }],
      },
    ]);
    expect(notes).toEqual([
      'info: Series overrides not carried over: custom.lineStyle of override byRegexp "/write/"; override byValue "": matcher "byValue" is not supported',
    ]);
  });

  it('defaults a missing unit to none (Grafana shows raw numbers) and hides a hidden legend', () => {
    const { body } = convert({
      type: 'timeseries',
      options: { legend: { showLegend: false, displayMode: 'list' } },
    });
    expect(body.fieldConfig?.unit).toBe('none');
    expect(body.options?.legend).toEqual({ displayMode: 'hidden', placement: 'bottom', calcs: [] });
  });
});

describe('singlestat → stat / gauge', () => {
  const singlestat = {
    type: 'singlestat',
    format: 'percent',
    decimals: 1,
    valueName: 'current',
    thresholds: '80,95',
    colors: ['green', 'orange', 'red'],
    colorBackground: true,
    sparkline: { show: true },
    mappingType: 1,
    valueMaps: [{ op: '=', text: 'N/A', value: 'null' }],
    targets: [{ expr: 'up' }],
  };

  it('becomes a stat with unit, calcs, thresholds, colour mode, sparkline and mappings', () => {
    const { body, notes } = convert(singlestat);
    expect(body.type).toBe('stat');
    expect(body.fieldConfig).toEqual({
      unit: 'percent',
      decimals: 1,
      thresholds: {
        mode: 'absolute',
        steps: [
          { value: null, color: 'green' },
          { value: 80, color: 'orange' },
          { value: 95, color: 'red' },
        ],
      },
      mappings: [
        { type: 'special', options: { match: 'null', result: { text: 'N/A', index: 0 } } },
      ],
    });
    expect(body.options).toEqual({
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
      colorMode: 'background',
      graphMode: 'area',
      textMode: 'auto',
    });
    expect(notes).toEqual([]);
  });

  it.each([
    ['avg', 'mean'],
    ['total', 'sum'],
    ['min', 'min'],
    ['max', 'max'],
    [undefined, 'mean'],
  ])('valueName %s → %s', (valueName, calc) => {
    const { body } = convert({ type: 'singlestat', valueName });
    expect(body.options?.reduceOptions).toEqual({ calcs: [calc], fields: '', values: false });
  });

  it('becomes a gauge when its gauge is shown', () => {
    const { body, notes } = convert({
      ...singlestat,
      gauge: {
        show: true,
        minValue: 0,
        maxValue: 200,
        thresholdMarkers: true,
        thresholdLabels: false,
      },
    });
    expect(body.type).toBe('gauge');
    expect(body.fieldConfig?.min).toBe(0);
    expect(body.fieldConfig?.max).toBe(200);
    expect(body.options).toEqual({
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
      showThresholdMarkers: true,
      showThresholdLabels: false,
    });
    expect(notes).toEqual(['info: Singlestat with a gauge became a gauge panel']);
  });

  it('reports a dropped prefix/postfix', () => {
    expect(convert({ type: 'singlestat', prefix: '$', postfix: ' req' }).notes).toEqual([
      'info: Singlestat prefix "$" and postfix " req" dropped',
    ]);
  });
});

describe('stat, gauge, bargauge', () => {
  it('keep their display options and normalise reduceOptions', () => {
    const { body } = convert({
      type: 'stat',
      fieldConfig: {
        defaults: { unit: 's', mappings: [{ type: 'value', options: { '0': { text: 'down' } } }] },
      },
      options: {
        colorMode: 'value',
        graphMode: 'none',
        textMode: 'value',
        reduceOptions: { calcs: ['last'], fields: '', values: false },
        unknownOption: 1,
      },
    });
    expect(body.fieldConfig).toEqual({
      unit: 's',
      mappings: [{ type: 'value', options: { '0': { text: 'down' } } }],
    });
    expect(body.options).toEqual({
      colorMode: 'value',
      graphMode: 'none',
      textMode: 'value',
      reduceOptions: { calcs: ['last'], fields: '', values: false },
    });
  });

  it('reads Grafana 6 fieldOptions', () => {
    const { body } = convert({
      type: 'gauge',
      options: {
        fieldOptions: {
          calcs: ['mean'],
          defaults: { unit: 'percent', min: 0, max: 100 },
          thresholds: [
            { color: 'green', value: null },
            { color: 'red', value: 90 },
          ],
        },
        showThresholdMarkers: true,
      },
    });
    expect(body.fieldConfig).toEqual({
      unit: 'percent',
      min: 0,
      max: 100,
      thresholds: {
        mode: 'absolute',
        steps: [
          { value: null, color: 'green' },
          { value: 90, color: 'red' },
        ],
      },
    });
    expect(body.options).toEqual({
      showThresholdMarkers: true,
      reduceOptions: { calcs: ['mean'], fields: '', values: false },
    });
  });
});

describe('table', () => {
  it('keeps new-style options and hints the table format', () => {
    const { body, notes } = convert({
      type: 'table',
      options: { showHeader: true, sortBy: [{ displayName: 'Value', desc: true }] },
      fieldConfig: { defaults: { custom: { align: 'auto' }, unit: 'bytes' } },
      transformations: [{ id: 'organize', options: {} }],
      targets: [{ expr: 'up', format: 'table', instant: true }],
    });
    expect(body.options).toEqual({
      showHeader: true,
      sortBy: [{ displayName: 'Value', desc: true }],
      format: 'table',
    });
    expect(body.fieldConfig).toEqual({ unit: 'bytes', custom: { align: 'auto' } });
    expect(notes).toEqual([]);
    expect(body.transformations).toEqual([{ id: 'organize', options: {} }]);
  });

  it('keeps transformations; names unknown ids, modes and options; keeps disabled ones quietly', () => {
    const { body, notes } = convert({
      type: 'table',
      transformations: [
        { id: 'merge', options: {} },
        { id: 'prepareTimeSeries', options: { format: 'multi' } },
        { id: 'calculateField', options: { mode: 'unary', unary: { operator: 'abs' } } },
        { id: 'organize', options: { excludeByName: {}, frobnicate: true } },
        { id: 'histogram', disabled: true },
        { options: {} },
      ],
      targets: [{ expr: 'up', format: 'table', instant: true }],
    });
    expect(body.transformations).toEqual([
      { id: 'merge', options: {} },
      { id: 'prepareTimeSeries', options: { format: 'multi' } },
      { id: 'calculateField', options: { mode: 'unary', unary: { operator: 'abs' } } },
      { id: 'organize', options: { excludeByName: {}, frobnicate: true } },
      { id: 'histogram', disabled: true },
    ]);
    expect(notes).toEqual([
      'warning: Transformation 2 (prepareTimeSeries): not supported by Scry: kept, not applied',
      'warning: Transformation 3 (calculateField): option(s) unary not applied',
      'warning: Transformation 3 (calculateField): mode "unary" not supported: kept, not applied',
      'warning: Transformation 4 (organize): option(s) frobnicate not applied',
      'warning: Transformation 6 has no id: dropped',
    ]);
  });

  it('carries table overrides by name into the columns: width, unit, title, colours; names the rest', () => {
    const { body, notes } = convert({
      type: 'table',
      fieldConfig: {
        defaults: {},
        overrides: [
          {
            matcher: { id: 'byName', options: 'Mounted on' },
            properties: [{ id: 'custom.width', value: 260.4 }],
          },
          {
            matcher: { id: 'byName', options: 'Used, %' },
            properties: [
              { id: 'unit', value: 'percentunit' },
              { id: 'custom.cellOptions', value: { type: 'gauge' } },
              { id: 'max', value: 1 },
              { id: 'min', value: 0 },
            ],
          },
          {
            matcher: { id: 'byName', options: 'Value' },
            properties: [
              { id: 'displayName', value: 'Free' },
              { id: 'decimals', value: 1 },
              { id: 'custom.cellOptions', value: { type: 'color-background' } },
              {
                id: 'thresholds',
                value: {
                  mode: 'absolute',
                  steps: [
                    { value: null, color: 'red' },
                    { value: 5, color: 'green' },
                  ],
                },
              },
            ],
          },
          { matcher: { id: 'byName', options: 'observedTimestamp' }, properties: [] },
          {
            matcher: { id: 'byName', options: 'pod' },
            properties: [{ id: 'custom.hidden', value: true }],
          },
          { matcher: { id: 'byRegexp', options: '/x/' }, properties: [{ id: 'unit', value: 's' }] },
        ],
      },
    });
    expect(body.options?.columns).toEqual({
      'Mounted on': { width: 260 },
      'Used, %': { unit: 'percentunit' },
      Value: {
        displayName: 'Free',
        decimals: 1,
        colorMode: 'color-background',
        thresholds: {
          mode: 'absolute',
          steps: [
            { value: null, color: 'red' },
            { value: 5, color: 'green' },
          ],
        },
      },
      pod: { hidden: true },
    });
    expect(notes).toEqual([
      'info: Column overrides not carried over: Used, % (gauge cells)',
      'info: 1 field override(s) not carried over',
    ]);
  });

  it('reads an old-style table: the catch-all style gives the defaults, named styles the columns', () => {
    const { body, notes } = convert({
      type: 'table',
      transform: 'table',
      styles: [
        { pattern: 'Time', type: 'hidden', alias: 'Time' },
        { pattern: '/.*/', type: 'number', unit: 'ops', decimals: 2 },
        { pattern: 'Value #A', type: 'number', alias: 'Requests', unit: 'reqps', decimals: 1 },
        {
          pattern: 'Value #B',
          alias: 'Success',
          unit: 'percentunit',
          colorMode: 'cell',
          thresholds: ['.95', ' 1.00'],
          colors: ['rgba(245, 54, 54, 0.9)', 'rgba(237, 129, 40, 0.89)', 'rgba(50, 172, 45, 0.97)'],
        },
        { pattern: 'Value #C', colorMode: 'value', thresholds: ['5'], colors: ['green', 'red'] },
        { pattern: 'Value #D', colorMode: 'row', thresholds: ['5'], colors: ['green', 'red'] },
        { pattern: 'Value #E', colorMode: 'cell', thresholds: [] },
        {
          pattern: 'pod',
          type: 'string',
          alias: 'Pod',
          link: true,
          linkUrl: './d/x?var-pod=$__cell',
        },
        { pattern: 'instance', type: 'hidden' },
        { pattern: '/^le$/', type: 'hidden' },
      ],
    });
    expect(body.fieldConfig).toEqual({ unit: 'ops', decimals: 2 });
    expect(body.options).toEqual({
      showHeader: true,
      columns: {
        Time: { hidden: true },
        'Value #A': { displayName: 'Requests', unit: 'reqps', decimals: 1 },
        'Value #B': {
          displayName: 'Success',
          unit: 'percentunit',
          colorMode: 'color-background',
          thresholds: {
            mode: 'absolute',
            steps: [
              { value: null, color: 'rgba(245, 54, 54, 0.9)' },
              { value: 0.95, color: 'rgba(237, 129, 40, 0.89)' },
              { value: 1, color: 'rgba(50, 172, 45, 0.97)' },
            ],
          },
        },
        'Value #C': {
          colorMode: 'color-text',
          thresholds: {
            mode: 'absolute',
            steps: [
              { value: null, color: 'green' },
              { value: 5, color: 'red' },
            ],
          },
        },
        'Value #D': {
          colorMode: 'color-background',
          thresholds: {
            mode: 'absolute',
            steps: [
              { value: null, color: 'green' },
              { value: 5, color: 'red' },
            ],
          },
        },
        pod: { displayName: 'Pod', link: { url: '#/d/x?var-pod=$__cell' } },
        instance: { hidden: true },
      },
    });
    expect(notes).toEqual([
      'warning: Old table column styles not carried over: Value #D (row colour: the cell only); Value #E (colours without thresholds); /^le$/ (a pattern)',
    ]);
  });
});

describe('heatmap', () => {
  it('converts the old tsbuckets heatmap', () => {
    const { body, notes } = convert({
      type: 'heatmap',
      dataFormat: 'tsbuckets',
      yAxis: { format: 's', decimals: 0 },
      yBucketBound: 'upper',
      color: { mode: 'spectrum', colorScheme: 'interpolateSpectral', exponent: 0.5 },
      cards: { cardPadding: null },
      hideZeroBuckets: true,
      legend: { show: false },
      tooltip: { show: true, showHistogram: true },
      targets: [
        {
          expr: 'sum by (le) (rate(x_bucket[$__rate_interval]))',
          format: 'heatmap',
          legendFormat: '{{le}}',
        },
      ],
    });
    expect(body.options).toEqual({
      calculate: false,
      yAxis: { unit: 's', decimals: 0 },
      color: { mode: 'scheme', scheme: 'Spectral', scale: 'exponential', exponent: 0.5 },
      cellGap: 1,
      rowsFrame: { layout: 'le' },
      legend: { show: false },
      tooltip: { show: true, yHistogram: true },
      filterValues: { le: 1e-9 },
      format: 'heatmap',
    });
    // the y axis' unit and decimals are what the panel formats its buckets with
    expect(body.fieldConfig).toEqual({ unit: 's', decimals: 0 });
    expect(notes).toEqual([]);
  });

  it('keeps the new heatmap options', () => {
    const { body } = convert({
      type: 'heatmap',
      options: {
        calculate: false,
        yAxis: { unit: 'ms' },
        cellGap: 2,
        color: { scheme: 'Oranges' },
        other: 1,
      },
    });
    expect(body.options).toEqual({
      calculate: false,
      yAxis: { unit: 'ms' },
      cellGap: 2,
      color: { scheme: 'Oranges' },
    });
    expect(body.fieldConfig).toEqual({ unit: 'ms' });
  });

  it("lets the field defaults' unit win over the y axis unit", () => {
    const { body } = convert({
      type: 'heatmap',
      fieldConfig: { defaults: { unit: 'bytes' } },
      options: { calculate: false, yAxis: { unit: 's', decimals: 1 } },
    });
    expect(body.fieldConfig).toEqual({ unit: 'bytes', decimals: 1 });
  });

  it('warns about heatmaps that calculate buckets', () => {
    expect(convert({ type: 'heatmap', dataFormat: 'timeseries' }).notes).toEqual([
      'warning: Heatmap buckets computed from raw series (calculate) are kept as an option; Scry draws Prometheus `le` buckets',
    ]);
  });
});

describe('pie charts', () => {
  it('converts the core piechart: type, legend, labels, reduce, byName colours', () => {
    const { body, notes } = convert({
      type: 'piechart',
      fieldConfig: {
        defaults: { unit: 'reqps', color: { mode: 'palette-classic' } },
        overrides: [
          {
            matcher: { id: 'byName', options: 'fra' },
            properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: 'purple' } }],
          },
          { matcher: { id: 'byRegexp', options: '.*' }, properties: [{ id: 'unit', value: 's' }] },
        ],
      },
      options: {
        pieType: 'donut',
        reduceOptions: { calcs: ['mean'], fields: '', values: false },
        legend: { displayMode: 'table', placement: 'bottom', values: ['percent', 'value'] },
        displayLabels: ['percent', 'name'],
        tooltip: { mode: 'single' },
      },
      targets: [{ expr: 'sum by (dc) (rate(x_total[5m]))', legendFormat: '{{dc}}' }],
    });
    expect(body.type).toBe('piechart');
    expect(body.fieldConfig).toEqual({ unit: 'reqps' });
    expect(body.options).toEqual({
      reduceOptions: { calcs: ['mean'], fields: '', values: false },
      pieType: 'donut',
      legendPlacement: 'bottom',
      legendValues: ['value', 'percent'],
      displayLabels: ['name', 'percent'],
      sort: 'none',
      colorBy: 'palette',
      sliceColors: { fra: 'purple' },
    });
    // the colour override is carried over; the regexp one is not
    expect(notes).toEqual(['info: 1 field override(s) not carried over']);
  });

  it('converts the legacy grafana-piechart-panel: valueName, combine into Others, aliasColors', () => {
    const { body, notes } = convert({
      type: 'grafana-piechart-panel',
      pieType: 'pie',
      valueName: 'total',
      format: 'bytes',
      decimals: 1,
      legendType: 'Under graph',
      legend: { show: true, values: true, percentage: true },
      combine: { threshold: 0.05, label: 'Others' },
      aliasColors: { nyc: '#ff0000' },
      targets: [{ expr: 'sum by (dc) (x)', legendFormat: '{{dc}}' }],
    });
    expect(body.type).toBe('piechart');
    expect(body.fieldConfig).toEqual({ unit: 'bytes', decimals: 1 });
    expect(body.options).toEqual({
      reduceOptions: { calcs: ['sum'], fields: '', values: false },
      pieType: 'pie',
      legendPlacement: 'bottom',
      legendValues: ['value', 'percent'],
      displayLabels: [],
      sort: 'desc',
      otherBelow: 0.05,
      otherLabel: 'Others',
      sliceColors: { nyc: '#ff0000' },
    });
    expect(notes).toEqual([]);
  });
});

describe('text', () => {
  it('keeps markdown content', () => {
    const { body, notes } = convert({ type: 'text', mode: 'markdown', content: '# $job' });
    expect(body.options).toEqual({ mode: 'markdown', content: '# $job' });
    expect(notes).toEqual([]);
  });

  it('keeps html content and notes the sanitizing and any script', () => {
    const content = '<div>hi</div><script>alert(1)</script>';
    const { body, notes } = convert({ type: 'text', options: { mode: 'html', content } });
    expect(body.options).toEqual({ mode: 'html', content });
    expect(notes).toEqual([
      'info: HTML text is sanitized when shown (no scripts, styles or event handlers)',
      'warning: Text contains a <script>; it will not run',
    ]);
  });
});

describe('alertlist and unsupported types', () => {
  it('maps the old alert list options', () => {
    const { body } = convert({
      type: 'alertlist',
      limit: 10,
      stateFilter: ['alerting', 'pending'],
      sortOrder: 1,
    });
    expect(body.type).toBe('alertlist');
    expect(body.options).toEqual({
      maxItems: 10,
      sortOrder: 1,
      stateFilter: { firing: true, pending: true },
    });
  });

  it('keeps an unsupported type and its options with a warning', () => {
    const { body, notes } = convert({
      type: 'grafana-worldmap-panel',
      options: { mapCenter: 'Europe' },
      targets: [{ expr: 'up' }],
    });
    expect(body.type).toBe('grafana-worldmap-panel');
    expect(body.options).toEqual({ mapCenter: 'Europe' });
    expect(body.targets).toHaveLength(1);
    expect(notes).toEqual([
      'warning: Panel type "grafana-worldmap-panel" is not supported by Scry; it is kept and shown as unsupported',
    ]);
  });
});

describe('panel-level fields', () => {
  it('keeps title, description, maxDataPoints and min interval', () => {
    const { body } = convert({
      type: 'timeseries',
      title: 'Requests',
      description: 'per second',
      maxDataPoints: 100,
      interval: '1m',
    });
    expect([body.title, body.description, body.maxDataPoints, body.interval]).toEqual([
      'Requests',
      'per second',
      100,
      '1m',
    ]);
  });

  it('keeps repeat, repeatDirection and maxPerRow', () => {
    const { body } = convert({
      type: 'timeseries',
      repeat: '$instance',
      repeatDirection: 'v',
      maxPerRow: 3,
    });
    expect(body).toMatchObject({ repeat: 'instance', repeatDirection: 'v', maxPerRow: 3 });
    expect(convert({ type: 'stat', repeat: '' }).body.repeat).toBeUndefined();
  });

  it('keeps Relative time, Time shift and hideTimeOverride without a note', () => {
    const { body, notes } = convert({
      type: 'timeseries',
      timeFrom: ' 1h ',
      timeShift: '1d',
      hideTimeOverride: true,
    });
    expect(body).toMatchObject({ timeFrom: '1h', timeShift: '1d', hideTimeOverride: true });
    expect(notes).toEqual([]);
    // hideTimeOverride alone means nothing
    expect(convert({ type: 'stat', hideTimeOverride: true }).body).not.toHaveProperty(
      'hideTimeOverride',
    );
  });

  it('reports library panels and legacy alerts; keeps links', () => {
    const { notes, body } = convert({
      type: 'timeseries',
      repeat: 'instance',
      timeFrom: '1h',
      timeShift: '1d',
      libraryPanel: { uid: 'u', name: 'Shared' },
      links: [{ title: 'x', url: 'y' }],
      alert: { name: 'a' },
    });
    expect(notes).toEqual([
      'warning: Library panel "Shared": only the copy saved in this dashboard is imported',
      'info: Legacy alert rule dropped',
    ]);
    expect(body.links).toEqual([{ title: 'x', url: 'y' }]);
  });

  it('keeps data links, with a note where the type does not show them', () => {
    const links = [
      {
        title: 'Go ${__field.labels.job}',
        url: '/d/abc/slug?var-job=${__field.labels.job}',
        targetBlank: true,
      },
    ];
    const table = convert({ type: 'table', fieldConfig: { defaults: { links }, overrides: [] } });
    expect(table.body.fieldConfig?.links).toEqual([
      {
        title: 'Go ${__field.labels.job}',
        url: '#/d/abc?var-job=${__field.labels.job}',
        targetBlank: true,
      },
    ]);
    expect(table.notes).toEqual([]);
    const stat = convert({ type: 'stat', fieldConfig: { defaults: { links }, overrides: [] } });
    expect(stat.body.fieldConfig?.links).toHaveLength(1);
    const graph = convert({
      type: 'graph',
      options: { dataLinks: [{ title: 'G', url: 'https://g' }] },
    });
    expect(graph.body.fieldConfig?.links).toEqual([{ title: 'G', url: 'https://g' }]);
    expect(stat.notes).toEqual([]);
    const heatmap = convert({
      type: 'heatmap',
      fieldConfig: { defaults: { links }, overrides: [] },
    });
    expect(heatmap.body.fieldConfig?.links).toHaveLength(1);
    expect(heatmap.notes).toEqual([
      'info: 1 data link(s) kept; this panel type does not show them in Scry',
    ]);
  });
});
