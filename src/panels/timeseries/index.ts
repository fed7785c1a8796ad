import { lazyComponent } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readTimeSeriesOptions, type TimeSeriesOptions } from './options';
import TimeSeriesPanel from './TimeSeriesPanel';

const OptionsEditor = lazyComponent("time series panel's options", () => import('./OptionsEditor'));

const timeseriesPanel: PanelPlugin<TimeSeriesOptions> = {
  type: 'timeseries',
  name: 'Time series',
  View: TimeSeriesPanel,
  // only the panel editor shows it: its own chunk
  OptionsEditor,
  load: OptionsEditor.preload,
  queryMode: 'range',
  comparesToPast: true,
  // a query's "Exemplars" toggle draws them as dots
  showsExemplars: true,
  grafanaTypes: ['timeseries', 'graph'],
  dataLinks: true,
  readOptions: readTimeSeriesOptions,
  extraData: (o) => ({ alertAnnotations: o.alertAnnotations === true }),
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    options: { legend: { displayMode: 'list', placement: 'bottom' } },
  }),
};
export default timeseriesPanel;
