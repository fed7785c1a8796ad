import { DEFAULT_THRESHOLDS } from '../shared/display';
import { lazyPanelParts } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readPieOptions, type PieOptions } from './options';

const piechartPanel: PanelPlugin<PieOptions> = {
  type: 'piechart',
  name: 'Pie chart',
  ...lazyPanelParts(
    'Pie chart',
    () => import('./PiePanel'),
    () => import('./OptionsEditor'),
  ),
  queryMode: 'range',
  grafanaTypes: ['piechart', 'grafana-piechart-panel'],
  readOptions: (p) => readPieOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false } },
  }),
};
export default piechartPanel;
