import type { PanelPlugin } from '../types';
import TimeSeriesPanel from './TimeSeriesPanel';

export const timeseriesPanel: PanelPlugin = {
  id: 'timeseries',
  name: 'Time series',
  View: TimeSeriesPanel,
  queryMode: 'range',
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    options: { legend: { displayMode: 'list', placement: 'bottom' } },
  }),
};
