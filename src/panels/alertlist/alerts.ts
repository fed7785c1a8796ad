/**
 * Alert list logic: a datasource's alerts (an AlertFrame) → items, filtered, sorted and grouped
 * as Grafana's alert list panel does for Prometheus-managed alerts. Pure.
 */
import type { AlertFrame, AlertRecord, AlertState } from '../../model/alertFrame';
import type { Labels } from '../../model/frame';
import type { AlertListOptions, SortOrder } from './options';

export interface AlertItem extends AlertRecord {
  /** unique in the list: the label set, numbered when it repeats */
  key: string;
  /** the `alertname` label */
  name: string;
}

/** The alerts → items (a missing alertname is ''). */
export function toAlertItems(frame: AlertFrame | undefined): AlertItem[] {
  const seen = new Map<string, number>();
  return (frame?.alerts ?? []).map((a) => {
    const labels = a.labels;
    const base = JSON.stringify(
      Object.keys(labels)
        .sort()
        .map((k) => [k, labels[k]]),
    );
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...a, key: n ? `${base}#${n}` : base, name: labels.alertname ?? '' };
  });
}

export interface LabelMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

const MATCHER = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;

/**
 * Parses `{a="x", b=~"y.*"}` (braces optional) into matchers; undefined when it is not a list
 * of matchers. '' → [].
 */
export function parseMatchers(text: string): LabelMatcher[] | undefined {
  let s = text.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1).trim();
  if (s === '') return [];
  const out: LabelMatcher[] = [];
  MATCHER.lastIndex = 0;
  while (MATCHER.lastIndex < s.length) {
    const m = MATCHER.exec(s);
    if (!m) return undefined;
    out.push({
      name: m[1]!,
      op: m[2] as LabelMatcher['op'],
      value: m[3]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)),
    });
  }
  return out;
}

/** A matcher as a test on label sets (its regex compiled once); a bad regex matches nothing. */
function matcherTest(m: LabelMatcher): (labels: Labels) => boolean {
  const value = (labels: Labels) => labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return (labels) => value(labels) === m.value;
    case '!=':
      return (labels) => value(labels) !== m.value;
    default: {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${m.value})$`);
      } catch {
        return () => false;
      }
      const want = m.op === '=~';
      return (labels) => re.test(value(labels)) === want;
    }
  }
}

/** Alerts in the wanted states, whose name contains the filter and whose labels match. */
export function filterAlerts(
  items: readonly AlertItem[],
  opts: Pick<AlertListOptions, 'stateFilter' | 'nameFilter' | 'labelFilter'>,
): AlertItem[] {
  const name = opts.nameFilter.trim().toLowerCase();
  const tests = (parseMatchers(opts.labelFilter) ?? []).map(matcherTest);
  return items.filter(
    (a) =>
      (a.state === 'firing'
        ? opts.stateFilter.firing
        : a.state === 'pending'
          ? opts.stateFilter.pending
          : false) &&
      (name === '' || a.name.toLowerCase().includes(name)) &&
      tests.every((test) => test(a.labels)),
  );
}

const STATE_RANK: Record<AlertState, number> = { firing: 0, pending: 1, inactive: 2 };
const time = (a: AlertItem) => a.activeAtMs ?? -Infinity;
const byName = (a: AlertItem, b: AlertItem) =>
  a.name.localeCompare(b.name, 'en', { numeric: true }) || a.key.localeCompare(b.key);

/**
 * Sorted copy. importance: firing, then pending; within a state the most recently active first.
 * time: by active-since; alpha: by name. Ties by name, then labels.
 */
export function sortAlerts(items: readonly AlertItem[], order: SortOrder): AlertItem[] {
  const cmp = (a: AlertItem, b: AlertItem): number => {
    switch (order) {
      case 'alphaAsc':
        return byName(a, b);
      case 'alphaDesc':
        return byName(b, a);
      case 'timeAsc':
        return time(a) - time(b) || byName(a, b);
      case 'timeDesc':
        return time(b) - time(a) || byName(a, b);
      default:
        return STATE_RANK[a.state] - STATE_RANK[b.state] || time(b) - time(a) || byName(a, b);
    }
  };
  return [...items].sort((a, b) => {
    const c = cmp(a, b);
    return Number.isNaN(c) ? 0 : c;
  });
}

export interface AlertGroup {
  key: string;
  /** the group's label values, in groupBy order */
  labels: Labels;
  alerts: AlertItem[];
}

/** Groups (in order of first appearance) by the values of `by`; one group with [] . */
export function groupAlerts(items: readonly AlertItem[], by: readonly string[]): AlertGroup[] {
  if (by.length === 0) return [{ key: '', labels: {}, alerts: [...items] }];
  const groups = new Map<string, AlertGroup>();
  for (const a of items) {
    const labels: Labels = {};
    for (const l of by) labels[l] = a.labels[l] ?? '';
    const key = JSON.stringify(by.map((l) => labels[l]));
    let g = groups.get(key);
    if (!g) {
      g = { key, labels, alerts: [] };
      groups.set(key, g);
    }
    g.alerts.push(a);
  }
  return [...groups.values()];
}

/** Everything the view shows: filtered, sorted, limited, grouped. */
export function alertListView(
  frame: AlertFrame | undefined,
  opts: AlertListOptions,
): { groups: AlertGroup[]; shown: number; total: number } {
  const filtered = sortAlerts(filterAlerts(toAlertItems(frame), opts), opts.sortOrder);
  const limited = filtered.slice(0, opts.maxItems);
  return {
    groups: groupAlerts(limited, opts.groupBy),
    shown: limited.length,
    total: filtered.length,
  };
}

/** How long ago, coarse: "45s", "5m 3s", "2h 10m", "3d 4h". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}m`;
  const d = Math.floor(h / 24);
  return `${d}d ${h % 24}h`;
}
