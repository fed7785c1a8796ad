import type { PanelPlugin } from '../types';
import TextPanel from './TextPanel';

export const textPanel: PanelPlugin = {
  id: 'text',
  name: 'Text',
  View: TextPanel,
  queryMode: 'none',
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    options: { mode: 'markdown', content: '# Title\n\nWrite **Markdown** here.' },
  }),
};
