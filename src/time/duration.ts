// Durations as Prometheus and Grafana write them: "15s", "1m", "1h30m", "500ms", "1d", "1w", "1y".
//
// parseDuration accepts the union of the two dialects:
// - Prometheus: unit terms y w d h m s ms, concatenated ("1h30m", "2w3d");
// - Grafana/Go: decimal terms ("1.5h") and terms in any order;
// - a plain number is seconds ("30" = 30 s, "0.5" = 500 ms), as Grafana's min-interval fields;
// - "M" (capital) is a month of 30 days, as Grafana's interval parser (intervalToSeconds) counts it;
//   "y" is 365 days and "w" 7 days, as Prometheus counts them. Units are case-sensitive: m = minute.
// Negative durations, spaces inside, and unknown units are rejected (undefined).

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000,
};

const TERM = /(\d+(?:\.\d+)?|\.\d+)(ms|[smhdwMy])/gy;
const PLAIN_SECONDS = /^(\d+(?:\.\d+)?|\.\d+)$/;

/** Milliseconds of a Prometheus/Grafana duration ("1h30m", "500ms", "2M", "30" = 30 s); undefined if invalid. */
export function parseDuration(text: string | undefined | null): number | undefined {
  if (typeof text !== 'string') return undefined;
  const s = text.trim();
  if (s === '') return undefined;
  if (PLAIN_SECONDS.test(s)) return finite(Number(s) * 1000);
  TERM.lastIndex = 0;
  let total = 0;
  let end = 0;
  for (let m = TERM.exec(s); m; m = TERM.exec(s)) {
    const unitMs = UNIT_MS[m[2] ?? ''];
    if (unitMs === undefined) return undefined;
    total += Number(m[1]) * unitMs;
    end = TERM.lastIndex;
  }
  if (end !== s.length) return undefined;
  return finite(total);
}

function finite(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.round(ms * 1000) / 1000 : undefined;
}

const PROM_UNITS: readonly [string, number][] = [
  ['y', 31_536_000_000],
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Shortest Prometheus duration for whole ms (90000 → "1m30s", 3600000 → "1h", 0 → "0s"). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  let rest = Math.round(Math.abs(ms));
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, size] of PROM_UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return ms < 0 ? `-${out}` : out;
}

const GRAFANA_INTERVAL_UNITS: readonly [string, number][] = [
  ['y', 31_536_000_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/**
 * Grafana's `$__interval` text (gtime.FormatInterval): the largest whole unit, floored
 * (90 000 → "1m", 135 000 → "2m", 0.5 → "1ms").
 */
export function formatInterval(ms: number): string {
  for (const [unit, size] of GRAFANA_INTERVAL_UNITS) {
    if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  }
  return '1ms';
}

const HUMAN_UNITS: readonly [string, number][] = [
  ['year', 31_536_000_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
  ['millisecond', 1],
];

/** Words for a duration: 21 600 000 → "6 hours", 5 400 000 → "1 hour 30 minutes", 7 days → "7 days". */
export function formatDurationHuman(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  let rest = Math.round(Math.abs(ms));
  if (rest === 0) return '0 seconds';
  const words: string[] = [];
  for (const [unit, size] of HUMAN_UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      words.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
      rest -= n * size;
    }
  }
  return (ms < 0 ? '-' : '') + words.join(' ');
}
