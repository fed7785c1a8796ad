import { lazyPanelParts } from '../shared/lazy';
import type { PanelPlugin } from '../types';
import { looksLikeBuckets } from './buckets';
import { readHeatmapOptions, type HeatmapOptions } from './options';
import { bucketUnit } from '../../units/metricUnit';

const heatmapPanel: PanelPlugin<HeatmapOptions> = {
  type: 'heatmap',
  name: 'Heatmap',
  ...lazyPanelParts(
    'Heatmap',
    () => import('./HeatmapPanel'),
    () => import('./OptionsEditor'),
  ),
  queryMode: 'range',
  // a query's "Exemplars" toggle puts them as dots in their cells
  showsExemplars: true,
  // compare to the past: the percentile lines then, dashed over the cells
  comparesToPast: true,
  readOptions: (p) => readHeatmapOptions(p.options),
  defaults: () => {
    const { percentiles, colorScale } = readHeatmapOptions({});
    return { fieldConfig: { unit: 'short' }, options: { percentiles, colorScale } };
  },
  offer: {
    from: ['timeseries'],
    title: 'These series are histogram buckets (le): draw them as a heatmap',
    when: (data) => data.results.some((r) => r.frame && looksLikeBuckets(r.frame)),
  },
  // the bucket bounds are in the metric's unit: `…_seconds_bucket` → s (5 ms, 25 ms, …)
  unitFor: bucketUnit,
};
export default heatmapPanel;
