import { DEFAULT_THRESHOLDS } from '../shared/display';
import { statFromGrafana } from './grafana';
import type { PanelPlugin } from '../types';
import { readStatOptions, type StatOptions } from './options';
import StatOptionsEditor from './OptionsEditor';
import StatPanel from './StatPanel';

const statPanel: PanelPlugin<StatOptions> = {
  type: 'stat',
  name: 'Stat',
  View: StatPanel,
  OptionsEditor: StatOptionsEditor,
  queryMode: 'range',
  grafanaTypes: ['stat', 'singlestat', 'grafana-singlestat-panel'],
  fromGrafana: statFromGrafana,
  readOptions: (p) => readStatOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { ...readStatOptions({}) },
  }),
};
export default statPanel;
