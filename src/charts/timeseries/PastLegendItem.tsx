// The legend entry of a series' past line (compare to the past): "<name> (1 w ago)" with a
// dashed swatch, beside its series' entry and toggled with it.
import '../compare.css';
import type { ChartSeries } from './types';
import { PAST_ALPHA } from './compareSeries';
import { alpha } from '../../units/colors';
import { arrow, delta, direction, formatPct } from '../compareMath';

export default function PastLegendItem(props: {
  series: ChartSeries;
  label: string;
  off: boolean;
  onClick: (key: string, e: React.MouseEvent) => void;
}) {
  const { series: s } = props;
  return (
    <button
      type="button"
      className={props.off ? 'legend-item legend-past off' : 'legend-item legend-past'}
      data-testid="legend-past-item"
      aria-pressed={!props.off}
      title={`${s.label} ${props.label}: shown and hidden with its series`}
      onClick={(e) => props.onClick(s.key, e)}
    >
      <span
        className="swatch swatch-dashed"
        style={{ borderTopColor: alpha(s.color, PAST_ALPHA) }}
      />
      {s.label} ({props.label})
    </button>
  );
}

/** Under a legend table cell: the change of that calc from then to now ("▲ +12 %"). */
export function PastCalcDelta(props: { now: number; then: number; label: string }) {
  const d = delta(props.now, props.then);
  const dir = direction(d.pct);
  return (
    <span
      className={`legend-delta delta-${dir}`}
      data-testid="legend-calc-delta"
      data-pct={String(d.pct)}
      title={`vs ${props.label}`}
    >
      {dir === 'none' ? '–' : `${arrow(dir)} ${formatPct(d.pct)}`}
    </span>
  );
}
