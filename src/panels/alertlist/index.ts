import { alertListFromGrafana } from './grafana';
import type { PanelPlugin } from '../types';
import AlertListPanel from './AlertListPanel';
import { readAlertListOptions, type AlertListOptions } from './options';
import AlertListOptionsEditor from './OptionsEditor';

const alertlistPanel: PanelPlugin<AlertListOptions> = {
  type: 'alertlist',
  name: 'Alert list',
  View: AlertListPanel,
  OptionsEditor: AlertListOptionsEditor,
  queryMode: 'none',
  extraData: () => ({ alerts: true }),
  fromGrafana: alertListFromGrafana,
  readOptions: (p) => readAlertListOptions(p.options),
  defaults: () => ({ fieldConfig: { unit: 'short' }, options: { ...readAlertListOptions({}) } }),
};
export default alertlistPanel;
