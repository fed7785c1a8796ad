import { DEFAULT_THRESHOLDS } from '../shared/display';
import { reducePanelFromGrafana } from '../shared/grafana';
import { lazyPanelParts } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readGaugeOptions, type GaugeOptions } from './options';

const gaugePanel: PanelPlugin<GaugeOptions> = {
  type: 'gauge',
  name: 'Gauge',
  ...lazyPanelParts(
    'Gauge',
    () => import('./GaugePanel'),
    () => import('./OptionsEditor'),
  ),
  queryMode: 'range',
  fromGrafana: (raw, ctx) =>
    reducePanelFromGrafana(raw, ctx, [
      'showThresholdMarkers',
      'showThresholdLabels',
      'orientation',
      'text',
    ]),
  readOptions: (p) => readGaugeOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { ...readGaugeOptions({}) },
  }),
};
export default gaugePanel;
