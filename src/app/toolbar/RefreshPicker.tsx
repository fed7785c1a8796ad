export const refreshIntervals = ['5s', '10s', '30s', '1m', '5m', '15m', '30m', '1h'];

/** Manual refresh plus the auto-refresh interval ('' = off). */
export default function RefreshPicker(props: {
  value: string;
  onChange(v: string): void;
  onRefresh(): void;
  busy?: boolean;
}) {
  return (
    <div className="row" data-testid="refresh-picker">
      <button type="button" onClick={props.onRefresh} aria-label="Refresh" title="Refresh now">
        ⟳
      </button>
      <select
        aria-label="Auto refresh"
        data-testid="refresh-select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">Off</option>
        {[...new Set([...refreshIntervals, ...(props.value ? [props.value] : [])])].map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </div>
  );
}
