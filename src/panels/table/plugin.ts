import type { PanelPlugin } from '../types';
import TablePanel from './TablePanel';

export const tablePanel: PanelPlugin = {
  id: 'table',
  name: 'Table',
  View: TablePanel,
  queryMode: 'instant',
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    options: { reduce: 'lastNotNull', showHeader: true, columns: {} },
  }),
};
