// The time series chart's props: what a panel hands to `TimeSeriesChart`.
import type { TimeChartProps } from '../plotLifecycle';
import type { ChartExemplars } from './exemplars';

/** One line of the chart. */
export interface ChartSeries {
  /** stable identity across data updates (e.g. refId + series name) */
  key: string;
  label: string;
  values: Float64Array;
  color: string;
  /** what is drawn when it differs from `values` (stacking); the tooltip shows `values` */
  drawValues?: Float64Array | undefined;
  /** legend table cells, in the order of `legend.calcs` */
  calcs?: number[] | undefined;
  /** the series' labels (data links' `${__field.labels.x}`) */
  labels?: Readonly<Record<string, string>> | undefined;
  /** the y scale it is drawn on (`ChartYAxis.scale`); default 'y', the first axis */
  scale?: string | undefined;
  /** how this series is drawn where it differs from the chart's style (overrides) */
  style?: Partial<Pick<ChartStyle, 'drawStyle' | 'lineWidth' | 'fillOpacity'>> | undefined;
  /** drawn mirrored below zero (`drawValues` = −values; its past line too), shown as it is */
  negativeY?: boolean | undefined;
  /** stacked series fill down to the one before them in the same group */
  stackGroup?: string | undefined;
  /** left out of the legend / the tooltip / the plot (a legend click still shows it) */
  hideFrom?: { legend?: boolean; tooltip?: boolean; viz?: boolean } | undefined;
  /** formats its values (its own unit) in the tooltip and legend; default: the chart's */
  formatValue?: ((v: number) => string) | undefined;
  /** compare to the past: the values `compare.offsetSec` earlier, on this chart's time grid */
  past?: Float64Array | undefined;
  /** the legend table's calcs over `past`: each cell shows the change from then to now */
  pastCalcs?: number[] | undefined;
}

/** Compare to the past: how far back the series' `past` values are, and its words ("1 w ago"). */
export interface ChartCompare {
  offsetSec: number;
  label: string;
}

/** A data link in the tooltip, interpolated and checked (`href` undefined: refused). */
export interface TooltipLink {
  title: string;
  href: string | undefined;
  targetBlank: boolean;
  /** shown on hover: the target, or why it is not opened */
  hover: string;
}

/** A y axis and its scale. */
export interface ChartYAxis {
  /** the uPlot scale key its series name ('y' for the first) */
  scale: string;
  side: 'left' | 'right' | 'hidden';
  /** formats the ticks together (shared suffix and decimals) */
  formatTicks: (values: number[]) => string[];
  /** formats one value in the axis' unit (log axis labels) */
  formatValue: (v: number) => string;
  /** round tick steps in the unit; default 1-2-5 */
  increments?: number[] | undefined;
  /** fixed ends (undefined = auto) */
  min?: number | undefined;
  max?: number | undefined;
}

/** How the series are drawn (Grafana's fieldConfig.custom). */
export interface ChartStyle {
  drawStyle: 'line' | 'bars' | 'points';
  lineWidth: number;
  /** 0–100 */
  fillOpacity: number;
  pointSize: number;
  /** series are stacked: fill each one down to the one before it */
  stacked: boolean;
  /** log y axis base; undefined = linear */
  logBase?: 2 | 10 | undefined;
}

/** A horizontal threshold band in data units (±Infinity for open ends). */
export interface ChartThreshold {
  from: number;
  to: number;
  color: string;
}

/** A vertical marker (annotation) at a time. */
export interface ChartAnnotation {
  timeMs: number;
  color: string;
  /** shown on hover */
  text: string;
  /** attributes for tests and styling, written as data-* on the marker */
  data: Record<string, string>;
}

export interface ChartLegend {
  mode: 'list' | 'table' | 'hidden';
  placement: 'bottom' | 'right';
  /** calc columns of the table legend: reducer id and header */
  calcs: { id: string; label: string }[];
}

export const DEFAULT_STYLE: ChartStyle = {
  drawStyle: 'line',
  lineWidth: 1,
  fillOpacity: 0,
  pointSize: 5,
  stacked: false,
};

export interface TimeSeriesChartProps extends TimeChartProps {
  /** seconds since epoch, shared by every series */
  times: Float64Array;
  series: ChartSeries[];
  /** formats a value for the tooltip and legend */
  formatValue: (v: number) => string;
  /** formats the y-axis ticks together (shared suffix and decimals) */
  formatTicks: (values: number[]) => string[];
  /** tick increments that are round in the unit (1024-based sizes, clock times); default 1-2-5 */
  yIncrements?: number[] | undefined;
  /** fixed y range ends (undefined = auto) */
  min?: number | undefined;
  max?: number | undefined;
  /**
   * the y axes, when the series use several scales (a right axis, other units); default one
   * left axis 'y' from formatTicks, yIncrements, min and max
   */
  yAxes?: ChartYAxis[] | undefined;
  /** show the tooltip in every synced panel, not only the hovered one (graphTooltip 2) */
  sharedTooltip?: boolean | undefined;
  /** the x range to show (ms): the query range, so gaps at the edges stay visible */
  xRangeMs?: [number, number] | undefined;
  style?: ChartStyle | undefined;
  /** threshold bands for the visible y range; drawn as lines, areas or both */
  thresholds?:
    | { marks: (yMin: number, yMax: number) => ChartThreshold[]; line: boolean; area: boolean }
    | undefined;
  annotations?: ChartAnnotation[] | undefined;
  legend?: ChartLegend | undefined;
  /**
   * Data links of series `series` at point `idx`: listed in the tooltip for the hovered series;
   * a click on the plot pins the tooltip so that they can be clicked.
   */
  dataLinks?: ((series: number, idx: number) => readonly TooltipLink[]) | undefined;
  /** compare to the past: series with `past` values get a dashed line and tooltip rows */
  compare?: ChartCompare | undefined;
  /** exemplars: dots at their time and value (`exemplars.ts`) */
  exemplars?: ChartExemplars | undefined;
}
