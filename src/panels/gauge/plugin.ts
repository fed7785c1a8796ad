import { DEFAULT_THRESHOLDS } from '../stat/display';
import type { PanelPlugin } from '../types';
import GaugePanel from './GaugePanel';

export const gaugePanel: PanelPlugin = {
  id: 'gauge',
  name: 'Gauge',
  View: GaugePanel,
  queryMode: 'range',
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: {
      reduce: 'lastNotNull',
      showThresholdMarkers: true,
      showThresholdLabels: false,
      orientation: 'auto',
    },
  }),
};
