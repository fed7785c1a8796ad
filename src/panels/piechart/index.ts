import { DEFAULT_THRESHOLDS } from '../shared/display';
import type { PanelPlugin } from '../types';
import { pieFromGrafana } from './grafana';
import { readPieOptions, type PieOptions } from './options';
import PieOptionsEditor from './OptionsEditor';
import PiePanel from './PiePanel';

const piechartPanel: PanelPlugin<PieOptions> = {
  type: 'piechart',
  name: 'Pie chart',
  View: PiePanel,
  OptionsEditor: PieOptionsEditor,
  queryMode: 'range',
  grafanaTypes: ['piechart', 'grafana-piechart-panel'],
  fromGrafana: pieFromGrafana,
  readOptions: (p) => readPieOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false } },
  }),
};
export default piechartPanel;
