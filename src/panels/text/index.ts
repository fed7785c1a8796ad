import { textFromGrafana } from './grafana';
import type { PanelPlugin } from '../types';
import { readTextOptions, type TextOptions } from './options';
import TextOptionsEditor from './OptionsEditor';
import TextPanel from './TextPanel';

const textPanel: PanelPlugin<TextOptions> = {
  type: 'text',
  name: 'Text',
  View: TextPanel,
  OptionsEditor: TextOptionsEditor,
  queryMode: 'none',
  fromGrafana: textFromGrafana,
  readOptions: (p) => readTextOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    // a new text panel starts with an example, not the reader's empty content
    options: { mode: 'markdown', content: '# Title\n\nWrite **Markdown** here.' },
  }),
};
export default textPanel;
