import { DEFAULT_THRESHOLDS } from '../shared/display';
import { reducePanelFromGrafana } from '../shared/grafana';
import type { PanelPlugin } from '../types';
import BarGaugePanel from './BarGaugePanel';
import { readBarGaugeOptions, type BarGaugeOptions } from './options';
import BarGaugeOptionsEditor from './OptionsEditor';

const bargaugePanel: PanelPlugin<BarGaugeOptions> = {
  type: 'bargauge',
  name: 'Bar gauge',
  View: BarGaugePanel,
  OptionsEditor: BarGaugeOptionsEditor,
  queryMode: 'range',
  fromGrafana: (raw, ctx) =>
    reducePanelFromGrafana(raw, ctx, [
      'displayMode',
      'orientation',
      'showUnfilled',
      'valueMode',
      'namePlacement',
      'text',
    ]),
  readOptions: (p) => readBarGaugeOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { ...readBarGaugeOptions({}) },
  }),
};
export default bargaugePanel;
