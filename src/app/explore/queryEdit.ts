// Small PromQL rewrites for the metric browser's "group by" and "filter by" (text level, on the
// proposals' simple shapes; anything else is wrapped).

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adds `label` to the first `sum by (…)`, or wraps the expression in one. */
export function addGroupBy(expr: string, label: string): string {
  const m = /\b(sum|avg|max|min|count)\s+by\s*\(([^)]*)\)/.exec(expr);
  if (m) {
    const labels = m[2]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (labels.includes(label)) return expr;
    const replaced = `${m[1]} by (${[...labels, label].join(', ')})`;
    return expr.slice(0, m.index) + replaced + expr.slice(m.index + m[0].length);
  }
  return `sum by (${label}) (${expr})`;
}

function quote(v: string): string {
  return JSON.stringify(v);
}

/** Adds `label="value"` to every selector of `metric` (and its _bucket/_sum/_count/_total series). */
export function addFilter(expr: string, metric: string, label: string, value: string): string {
  const re = new RegExp(
    `(^|[^\\w:])(${escapeRegExp(metric)}(?:_bucket|_sum|_count|_total)?)(\\{([^}]*)\\})?(?![\\w:])`,
    'g',
  );
  let hit = false;
  const out = expr.replace(re, (_all, pre: string, name: string, _b, inner: string | undefined) => {
    hit = true;
    const matchers = (inner ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .filter((s) => !new RegExp(`^${escapeRegExp(label)}\\s*(=|!=|=~|!~)`).test(s));
    return `${pre}${name}{${[...matchers, `${label}=${quote(value)}`].join(', ')}}`;
  });
  return hit ? out : expr;
}
