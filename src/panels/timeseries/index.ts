import { timeSeriesFromGrafana } from './grafana';
import type { PanelPlugin } from '../types';
import { readTimeSeriesOptions, type TimeSeriesOptions } from './options';
import TimeSeriesOptionsEditor from './OptionsEditor';
import TimeSeriesPanel from './TimeSeriesPanel';

const timeseriesPanel: PanelPlugin<TimeSeriesOptions> = {
  type: 'timeseries',
  name: 'Time series',
  View: TimeSeriesPanel,
  OptionsEditor: TimeSeriesOptionsEditor,
  queryMode: 'range',
  grafanaTypes: ['timeseries', 'graph'],
  fromGrafana: timeSeriesFromGrafana,
  readOptions: readTimeSeriesOptions,
  extraData: (o) => ({ alertAnnotations: o.alertAnnotations === true }),
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    options: { legend: { displayMode: 'list', placement: 'bottom' } },
  }),
};
export default timeseriesPanel;
