import { dashboardJson } from './app';

// The fixture dashboard: every panel type over the fixture data (themes and screenshot specs).

const BUCKETS = 'sum by (le) (rate(scry_request_duration_seconds_bucket{job="api"}[5m]))';
const STEPS = (...steps: [number | null, string][]) => ({
  thresholds: { mode: 'absolute', steps: steps.map(([value, color]) => ({ value, color })) },
});

export const FIXTURE_PANELS: Parameters<typeof dashboardJson>[2] = [
  {
    title: 'Temperature',
    expr: 'scry_temperature_celsius',
    legend: '{{dc}}',
    unit: 'celsius',
    x: 0,
    y: 0,
    w: 12,
    h: 8,
  },
  {
    title: 'Stat on colour',
    type: 'stat',
    expr: 'avg(scry_temperature_celsius)',
    unit: 'celsius',
    options: { reduce: 'last', colorMode: 'background' },
    fieldConfig: STEPS([null, 'green'], [21, 'yellow'], [30, 'red']),
    x: 12,
    y: 0,
    w: 6,
    h: 4,
  },
  {
    title: 'Stat value',
    type: 'stat',
    expr: 'max(scry_temperature_celsius)',
    unit: 'celsius',
    options: { reduce: 'last', colorMode: 'value', graphMode: 'none' },
    fieldConfig: STEPS([null, 'green'], [30, 'red']),
    x: 18,
    y: 0,
    w: 6,
    h: 4,
  },
  {
    title: 'Gauge',
    type: 'gauge',
    expr: 'scry_temperature_celsius{dc="ams"}',
    unit: 'celsius',
    options: { reduce: 'max' },
    fieldConfig: { min: 0, max: 40 },
    x: 12,
    y: 4,
    w: 6,
    h: 4,
  },
  {
    title: 'Bar gauge',
    type: 'bargauge',
    expr: 'scry_temperature_celsius',
    legend: '{{dc}}',
    unit: 'celsius',
    options: { reduce: 'mean' },
    fieldConfig: { min: 0, max: 40 },
    x: 18,
    y: 4,
    w: 6,
    h: 4,
  },
  {
    title: 'Table',
    type: 'table',
    expr: 'scry_temperature_celsius',
    unit: 'celsius',
    fieldConfig: {
      custom: { cellOptions: { type: 'color-background' } },
      ...STEPS([null, 'blue'], [19, 'yellow'], [22, 'red']),
    },
    x: 0,
    y: 8,
    w: 12,
    h: 7,
  },
  { title: 'Heatmap', type: 'heatmap', expr: BUCKETS, unit: 's', x: 12, y: 8, w: 12, h: 7 },
  {
    title: 'Notes',
    type: 'text',
    expr: '',
    options: {
      mode: 'markdown',
      content:
        '## Runbook\n\nSee [the docs](https://prometheus.io/docs/) and run `up == 0`.\n\n' +
        '> Quoted advice\n\n| dc | owner |\n| --- | --- |\n| ams | ops |\n',
    },
    x: 0,
    y: 15,
    w: 12,
    h: 7,
  },
  { title: 'Alerts', type: 'alertlist', expr: '', x: 12, y: 15, w: 12, h: 7 },
];

/** A dashboard with every panel type over the fixture data (uid `themes`). */
export const FIXTURE = dashboardJson('themes', 'Themes', FIXTURE_PANELS);
