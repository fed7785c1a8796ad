import type { PanelPlugin } from '../types';
import { DEFAULT_THRESHOLDS } from './display';
import StatPanel from './StatPanel';

export const statPanel: PanelPlugin = {
  id: 'stat',
  name: 'Stat',
  View: StatPanel,
  queryMode: 'range',
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: {
      reduce: 'lastNotNull',
      colorMode: 'value',
      graphMode: 'area',
      textMode: 'auto',
      orientation: 'auto',
      justifyMode: 'auto',
    },
  }),
};
