import { lazyPanelParts } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readAlertListOptions, type AlertListOptions } from './options';

const alertlistPanel: PanelPlugin<AlertListOptions> = {
  type: 'alertlist',
  name: 'Alert list',
  ...lazyPanelParts(
    'Alert list',
    () => import('./AlertListPanel'),
    () => import('./OptionsEditor'),
  ),
  queryMode: 'none',
  extraData: () => ({ alerts: true }),
  readOptions: (p) => readAlertListOptions(p.options),
  defaults: () => ({ fieldConfig: { unit: 'short' }, options: { ...readAlertListOptions({}) } }),
};
export default alertlistPanel;
