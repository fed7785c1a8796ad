import { lazyPanelParts } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { readTextOptions, type TextOptions } from './options';

const textPanel: PanelPlugin<TextOptions> = {
  type: 'text',
  name: 'Text',
  ...lazyPanelParts(
    'Text',
    () => import('./TextPanel'),
    () => import('./OptionsEditor'),
  ),
  queryMode: 'none',
  readOptions: (p) => readTextOptions(p.options),
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    // a new text panel starts with an example, not the reader's empty content
    options: { mode: 'markdown', content: '# Title\n\nWrite **Markdown** here.' },
  }),
};
export default textPanel;
