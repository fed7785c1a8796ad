import { DEFAULT_THRESHOLDS } from '../shared/display';
import { reducePanelFromGrafana } from '../shared/grafana';
import type { PanelPlugin } from '../types';
import GaugePanel from './GaugePanel';
import { readGaugeOptions, type GaugeOptions } from './options';
import GaugeOptionsEditor from './OptionsEditor';

const gaugePanel: PanelPlugin<GaugeOptions> = {
  type: 'gauge',
  name: 'Gauge',
  View: GaugePanel,
  OptionsEditor: GaugeOptionsEditor,
  queryMode: 'range',
  fromGrafana: (raw, ctx) =>
    reducePanelFromGrafana(raw, ctx, [
      'showThresholdMarkers',
      'showThresholdLabels',
      'orientation',
      'text',
    ]),
  readOptions: (p) => readGaugeOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short', thresholds: structuredClone(DEFAULT_THRESHOLDS) },
    options: { ...readGaugeOptions({}) },
  }),
};
export default gaugePanel;
