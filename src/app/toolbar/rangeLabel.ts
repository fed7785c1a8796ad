// The toolbar's short form of a range label: what describeRange says, without what repeats.

const ABSOLUTE = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d)(:\d\d) to (\d{4}-\d\d-\d\d) (\d\d:\d\d)(:\d\d)$/;

/**
 * `2026-01-01 00:00:00 to 2026-01-01 06:00:00` → `2026-01-01 00:00 to 06:00`: seconds left out
 * when both ends are on the minute, the end's date when it is the start's. Other labels
 * (`Last 6 hours`, `now-2d to now-1d`) are returned as they are.
 */
export function compactRangeLabel(label: string): string {
  const m = ABSOLUTE.exec(label);
  if (!m) return label;
  const [, fromDay, fromHm, fromS, toDay, toHm, toS] = m;
  const seconds = fromS === ':00' && toS === ':00' ? ['', ''] : [fromS, toS];
  const end = `${toHm}${seconds[1]}`;
  return `${fromDay} ${fromHm}${seconds[0]} to ${toDay === fromDay ? end : `${toDay} ${end}`}`;
}
