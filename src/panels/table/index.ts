import { tableFromGrafana } from './grafana';
import type { PanelPlugin } from '../types';
import { readTableOptions, type TableOptions } from './options';
import TableOptionsEditor from './OptionsEditor';
import TablePanel from './TablePanel';

const tablePanel: PanelPlugin<TableOptions> = {
  type: 'table',
  name: 'Table',
  View: TablePanel,
  OptionsEditor: TableOptionsEditor,
  queryMode: 'instant',
  grafanaTypes: ['table', 'table-old'],
  fromGrafana: tableFromGrafana,
  readOptions: (p) => readTableOptions(p.options),
  defaults: () => {
    const { reduce, showHeader, columns } = readTableOptions({});
    return { fieldConfig: { unit: 'short' }, options: { reduce, showHeader, columns } };
  },
};
export default tablePanel;
