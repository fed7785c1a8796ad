// Exemplar dots on the time series chart: each at its own time and value, on the y scale of its
// query's series (a log scale draws none ≤ 0), decimated per pixel column and query (the extreme
// values kept). The axis' auto range covers them (axes.ts); dots outside fixed min/max are not
// drawn. The tooltip: labels, value in the axis' unit, real timestamp and the trace id as a
// link. The drawing code (`exemplarDraw.ts`) loads when a chart first has exemplars: the
// dashboard's entry stays without it.
import type uPlot from 'uplot';
import type { Exemplar } from '../../model/exemplar';
import type { ExemplarDots } from '../exemplarLayer';
import type { TimeSeriesChartProps } from './types';

/** One exemplar of a query. */
export interface TimeSeriesExemplarPoint {
  exemplar: Exemplar;
  refId: string;
  /** the y scale its dot is drawn on: its query's series' (default 'y', the first axis) */
  scale?: string | undefined;
}

export interface ChartExemplars {
  points: readonly TimeSeriesExemplarPoint[];
  /** the datasource's exemplar link template */
  linkTemplate?: string | undefined;
}

/** Exemplar dots: magenta, apart from the palette's series colours. */
export const EXEMPLAR_COLOR = '#ff4fd8';

const ids = new WeakMap<object, number>();
let lastId = 0;

/** A redraw key for the exemplars (their identity: a new answer is a new object). */
export function exemplarsKey(e: ChartExemplars | undefined): string {
  if (!e) return '';
  let id = ids.get(e);
  if (id === undefined) ids.set(e, (id = ++lastId));
  return String(id);
}

type DrawModule = typeof import('./exemplarDraw');
let drawModule: DrawModule | undefined;
let loading: Promise<DrawModule> | undefined;

/** The chart's draw hook part: the dots once their code is here (then a redraw). */
export function drawTimeSeriesExemplars(
  u: uPlot,
  ref: { current: ExemplarDots<TimeSeriesExemplarPoint> | undefined },
  p: TimeSeriesChartProps,
): void {
  if (drawModule) return drawModule.drawTimeSeriesExemplars(u, ref, p);
  if (!p.exemplars?.points.length) return;
  loading ??= import('./exemplarDraw').then((m) => (drawModule = m));
  void loading.then(() => {
    // the plot may be gone by then
    if (u.root.isConnected) u.redraw(false, false);
  });
}
