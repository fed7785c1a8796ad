import { DEFAULT_THRESHOLDS } from '../shared/display';
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
  dataLinks: true,
  readOptions: (p) => readGaugeOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { ...readGaugeOptions({}) },
  }),
};
export default gaugePanel;
