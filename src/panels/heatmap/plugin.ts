import type { PanelPlugin } from '../types';
import HeatmapPanel from './HeatmapPanel';

export { looksLikeBuckets } from './buckets';

export const heatmapPanel: PanelPlugin = {
  id: 'heatmap',
  name: 'Heatmap',
  View: HeatmapPanel,
  queryMode: 'range',
  defaults: () => ({
    fieldConfig: { unit: 'short' },
    options: { percentiles: [0.5, 0.9, 0.99], colorScale: 'exponential' },
  }),
};
