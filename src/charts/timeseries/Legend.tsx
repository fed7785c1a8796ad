// The legend under or beside the plot: a list, or a table with calc columns. Clicking an entry
// isolates its series (Grafana's behaviour); Ctrl/Meta/Shift-click toggles it. Series an
// override hides from the legend are not listed.
import { useDeferredValue, useMemo } from 'react';
import type { ChartLegend, ChartSeries } from './types';
import PastLegendItem, { PastCalcDelta } from './PastLegendItem';

/** The hidden set after a legend click on `key` (`toggle`: Ctrl/Meta/Shift held). */
export function nextHidden(
  prev: ReadonlySet<string>,
  series: readonly ChartSeries[],
  key: string,
  toggle: boolean,
): ReadonlySet<string> {
  if (toggle) {
    const next = new Set(prev);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  }
  // Grafana: click isolates a series; clicking the only visible one shows all again
  const onlyThis = prev.size === series.length - 1 && !prev.has(key);
  return onlyThis ? new Set() : new Set(series.filter((s) => s.key !== key).map((s) => s.key));
}

/** Above this many series the legend box takes its full height at once and fills a frame later. */
const BIG_LEGEND = 24;
const NO_SERIES: ChartSeries[] = [];

interface LegendProps {
  legend: ChartLegend;
  series: ChartSeries[];
  hidden: ReadonlySet<string>;
  onClick: (key: string, e: React.MouseEvent) => void;
  formatValue: (v: number) => string;
  /** compare to the past ("1 w ago"): series with past values get an entry beside theirs */
  compareLabel?: string | undefined;
}

export default function Legend(props: LegendProps) {
  const { legend, series } = props;
  const big = series.length > BIG_LEGEND;
  // NOTE: a big legend is hundreds of DOM nodes; the chart paints first, the entries follow. Its
  // box is sized up front so the plot does not resize (and redraw) when they arrive.
  const listed = useMemo(() => series.filter((s) => !s.hideFrom?.legend), [series]);
  const deferred = useDeferredValue(listed, big ? NO_SERIES : listed);
  if (legend.mode === 'hidden' || listed.length === 0) return null;
  const mainItem = (s: ChartSeries) => (
    <button
      type="button"
      className={props.hidden.has(s.key) ? 'legend-item off' : 'legend-item'}
      data-testid="legend-item"
      aria-pressed={!props.hidden.has(s.key)}
      title="Click to show only this series; Ctrl/Shift-click to toggle it"
      onClick={(e) => props.onClick(s.key, e)}
    >
      <span className="swatch" style={{ background: s.color }} />
      {s.label}
    </button>
  );
  const item = (s: ChartSeries) => (
    <>
      {mainItem(s)}
      {s.past && props.compareLabel !== undefined && (
        <PastLegendItem
          series={s}
          label={props.compareLabel}
          off={props.hidden.has(s.key)}
          onClick={props.onClick}
        />
      )}
    </>
  );
  if (legend.mode === 'list')
    return (
      <ul className={big ? 'legend big' : 'legend'} aria-label="Legend">
        {deferred.map((s) => (
          <li key={s.key}>{item(s)}</li>
        ))}
      </ul>
    );
  return (
    <div className={big ? 'legend legend-table-wrap big' : 'legend legend-table-wrap'}>
      <table className="legend-table" data-testid="legend-table" aria-label="Legend">
        <thead>
          <tr>
            <th>Name</th>
            {legend.calcs.map((c) => (
              <th key={c.id} className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {deferred.map((s) => (
            <tr key={s.key}>
              <td>{item(s)}</td>
              {legend.calcs.map((c, i) => {
                const v = s.calcs?.[i] ?? NaN;
                return (
                  <td
                    key={c.id}
                    className="num"
                    data-testid="legend-calc"
                    data-calc={c.id}
                    data-value={String(v)}
                  >
                    {Number.isNaN(v) ? '–' : (s.formatValue ?? props.formatValue)(v)}
                    {s.pastCalcs && props.compareLabel !== undefined && (
                      <PastCalcDelta
                        now={v}
                        then={s.pastCalcs[i] ?? NaN}
                        label={props.compareLabel}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
