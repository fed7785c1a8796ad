import { DEFAULT_THRESHOLDS } from '../shared/display';
import { lazyComponent } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readStatOptions, type StatOptions } from './options';
import StatPanel from './StatPanel';

const OptionsEditor = lazyComponent("stat panel's options", () => import('./OptionsEditor'));

const statPanel: PanelPlugin<StatOptions> = {
  type: 'stat',
  name: 'Stat',
  View: StatPanel,
  // only the panel editor shows it: its own chunk
  OptionsEditor,
  load: OptionsEditor.preload,
  queryMode: 'range',
  dataLinks: true,
  comparesToPast: true,
  grafanaTypes: ['stat', 'singlestat', 'grafana-singlestat-panel'],
  readOptions: (p) => readStatOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { ...readStatOptions({}) },
  }),
};
export default statPanel;
