// The line under a stat's value when comparing to the past: "vs 1 w ago: ▲ +12 %", coloured by
// direction; the value then is in its title and data attributes.
import '../../charts/compare.css';
import { arrow, delta, direction, formatPct } from '../../charts/compareMath';

/** Height of the compare line for a cell whose text area is `textH` px high. */
export function compareLineHeight(textH: number): number {
  return Math.round(Math.min(18, Math.max(11, textH * 0.12)) * 1.3);
}

/** The words of the line: "vs 1 w ago: ▲ +12 %" ("vs 1 w ago: no value" when there is no %). */
export function compareText(label: string, now: number, then: number): string {
  const d = delta(now, then);
  if (Number.isNaN(then)) return `vs ${label}: no value`;
  if (Number.isNaN(d.pct)) return `vs ${label}: –`;
  const dir = direction(d.pct);
  return `vs ${label}: ${dir === 'flat' ? '' : `${arrow(dir)} `}${formatPct(d.pct)}`;
}

export default function StatCompare(props: {
  now: number;
  then: number;
  label: string;
  /** the value then, formatted in the panel's unit */
  thenText: string;
  heightPx: number;
  /** the cell's background is the data colour: inherit its text colour */
  onBackground: boolean;
}) {
  const d = delta(props.now, props.then);
  const dir = direction(d.pct);
  return (
    <div
      className={`stat-compare${props.onBackground ? '' : ` delta-${dir}`}`}
      data-testid="stat-compare"
      data-then={String(props.then)}
      data-pct={String(d.pct)}
      data-direction={dir}
      style={{ fontSize: Math.round(props.heightPx / 1.3), lineHeight: 1.3 }}
      title={`${props.label}: ${Number.isNaN(props.then) ? 'no value' : props.thenText}`}
    >
      {compareText(props.label, props.now, props.then)}
    </div>
  );
}
