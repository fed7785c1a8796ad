import { lazyPanelParts } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readTableOptions, type TableOptions } from './options';

const tablePanel: PanelPlugin<TableOptions> = {
  type: 'table',
  name: 'Table',
  ...lazyPanelParts(
    'Table',
    () => import('./TablePanel'),
    () => import('./OptionsEditor'),
  ),
  queryMode: 'instant',
  grafanaTypes: ['table', 'table-old'],
  dataLinks: true,
  readOptions: (p) => readTableOptions(p.options),
  defaults: () => {
    const { reduce, showHeader, columns } = readTableOptions({});
    return { fieldConfig: { unit: 'short' }, options: { reduce, showHeader, columns } };
  },
};
export default tablePanel;
