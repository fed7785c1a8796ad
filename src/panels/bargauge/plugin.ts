import { DEFAULT_THRESHOLDS } from '../stat/display';
import type { PanelPlugin } from '../types';
import BarGaugePanel from './BarGaugePanel';

export const bargaugePanel: PanelPlugin = {
  id: 'bargauge',
  name: 'Bar gauge',
  View: BarGaugePanel,
  queryMode: 'range',
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: {
      reduce: 'lastNotNull',
      orientation: 'auto',
      displayMode: 'gradient',
      showUnfilled: true,
      valueMode: 'color',
      namePlacement: 'auto',
    },
  }),
};
