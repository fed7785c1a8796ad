import type { PanelPlugin } from '../types';
import AlertListPanel from './AlertListPanel';

export const alertlistPanel: PanelPlugin = {
  id: 'alertlist',
  name: 'Alert list',
  View: AlertListPanel,
  queryMode: 'none',
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    options: {
      stateFilter: { firing: true, pending: true },
      nameFilter: '',
      labelFilter: '',
      maxItems: 20,
      sortOrder: 'importance',
      groupBy: [],
    },
  }),
};
