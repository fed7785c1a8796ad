import { DEFAULT_THRESHOLDS } from '../shared/display';
import { lazyPanelParts } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readBarGaugeOptions, type BarGaugeOptions } from './options';

const bargaugePanel: PanelPlugin<BarGaugeOptions> = {
  type: 'bargauge',
  name: 'Bar gauge',
  ...lazyPanelParts(
    'Bar gauge',
    () => import('./BarGaugePanel'),
    () => import('./OptionsEditor'),
  ),
  queryMode: 'range',
  dataLinks: true,
  readOptions: (p) => readBarGaugeOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { ...readBarGaugeOptions({}) },
  }),
};
export default bargaugePanel;
