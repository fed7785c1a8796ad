// Recording-rule suggestions for costly panel queries: the aggregation of a rate (or another
// range function) over one metric becomes a rule named by Prometheus' convention
// `level:metric:operations` (https://prometheus.io/docs/practices/rules/), and the panel query is
// rewritten to read the recorded series. Template variables cannot live in a rule: their matchers
// stay in the panel query and their labels are kept by the rule's aggregation.

import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

export interface RuleSuggestion {
  /** the recorded series' name, e.g. `job:http_requests:rate5m` */
  record: string;
  /** the rule's expression (no template variables) */
  expr: string;
  /** the panel query reading the recorded series (variables kept) */
  rewritten: string;
  /** the rule group as YAML, ready for a rules file */
  yaml: string;
}

const RANGE_FUNCTIONS = new Set([
  'rate',
  'irate',
  'increase',
  'delta',
  'idelta',
  'deriv',
  'avg_over_time',
  'min_over_time',
  'max_over_time',
  'sum_over_time',
  'count_over_time',
]);
/** aggregations that can be re-aggregated from the rule's finer result (avg cannot) */
const AGGREGATIONS = new Set(['sum', 'min', 'max', 'count']);
const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

type Result = RuleSuggestion | { reason: string };

const NOT_SUPPORTED =
  'Scry suggests rules for sum/min/max/count by (…) of rate, increase or *_over_time over one ' +
  'metric, optionally inside histogram_quantile.';

function children(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}
const child = (n: SyntaxNode | null | undefined, name: string) =>
  n ? (children(n).find((c) => c.name === name) ?? null) : null;

interface Aggregation {
  op: string;
  by: string[];
  fn: string;
  metric: string;
  range: string;
  matchers: { label: string; op: string; value: string; text: string }[];
}

/** `op by (…) (fn(metric{…}[range]))`, or why not. */
function readAggregation(text: string, n: SyntaxNode): Aggregation | string {
  if (n.name !== 'AggregateExpr') return NOT_SUPPORTED;
  const src = (x: SyntaxNode) => text.slice(x.from, x.to);
  const op = src(child(n, 'AggregateOp')!).toLowerCase();
  if (!AGGREGATIONS.has(op))
    return op === 'avg'
      ? 'An average cannot be re-aggregated from a recorded series: record sum and count instead.'
      : NOT_SUPPORTED;
  const mod = child(n, 'AggregateModifier');
  if (mod && child(mod, 'Without'))
    return 'Rules are suggested for `by (…)` aggregations only (a `without` one keeps labels Scry cannot list).';
  const by = mod
    ? children(child(mod, 'GroupingLabels') ?? mod)
        .filter((c) => c.name === 'LabelName')
        .map(src)
    : [];
  const body = children(child(n, 'FunctionCallBody')!).filter((c) => c.name !== ',');
  if (body.length !== 1 || body[0]!.name !== 'FunctionCall') return NOT_SUPPORTED;
  const call = body[0]!;
  const fn = src(child(call, 'FunctionIdentifier')!);
  if (!RANGE_FUNCTIONS.has(fn)) return NOT_SUPPORTED;
  const args = children(child(call, 'FunctionCallBody')!).filter((c) => c.name !== ',');
  const m = args[0];
  if (args.length !== 1 || m?.name !== 'MatrixSelector') return NOT_SUPPORTED;
  const vs = child(m, 'VectorSelector');
  const id = child(vs, 'Identifier');
  if (!vs || !id) return 'The selector needs a metric name.';
  const rangeNode = children(m).find((c) => c.name !== 'VectorSelector');
  const range = rangeNode ? src(rangeNode) : '';
  if (!/^(\d+[smhdwy])+$/.test(range))
    return `The range [${range}] is not a fixed duration: a rule needs one (e.g. [5m] instead of $__rate_interval).`;
  const matchers = children(child(vs, 'LabelMatchers') ?? vs)
    .filter((c) => c.name === 'UnquotedLabelMatcher')
    .map((c) => ({
      label: src(child(c, 'LabelName')!),
      op: src(child(c, 'MatchOp')!),
      value: src(child(c, 'StringLiteral')!),
      text: src(c),
    }));
  if (
    children(child(vs, 'LabelMatchers') ?? vs).some(
      (c) => c.name === 'QuotedLabelMatcher' || c.name === 'QuotedLabelName',
    )
  )
    return NOT_SUPPORTED;
  return { op, by, fn, metric: src(id), range, matchers };
}

/**
 * A recording rule for `template` (a panel query as written, variables included), or why none is
 * suggested.
 */
export function suggestRecordingRule(template: string): Result {
  const text = template.trim();
  const tree = parser.parse(text);
  let bad = false;
  tree.iterate({ enter: (n) => void (n.type.isError && (bad = true)) });
  if (bad)
    return {
      reason:
        'The query does not parse as written (template variables in places PromQL cannot hold them?).',
    };
  if (/@|\boffset\b/.test(text))
    return { reason: 'Queries with `offset` or `@` are not suggested as rules.' };
  const root = tree.topNode.firstChild;
  if (!root) return { reason: NOT_SUPPORTED };
  const src = (x: SyntaxNode) => text.slice(x.from, x.to);

  let quantile: string | undefined;
  let aggNode = root;
  if (
    root.name === 'FunctionCall' &&
    src(child(root, 'FunctionIdentifier')!) === 'histogram_quantile'
  ) {
    const args = children(child(root, 'FunctionCallBody')!).filter((c) => c.name !== ',');
    if (args.length !== 2) return { reason: NOT_SUPPORTED };
    quantile = src(args[0]!);
    aggNode = args[1]!;
  }
  const a = readAggregation(text, aggNode);
  if (typeof a === 'string') return { reason: a };
  if (quantile !== undefined && !a.by.includes('le'))
    return { reason: 'histogram_quantile needs `le` in the aggregation’s by (…).' };

  const fixed = a.matchers.filter((m) => !m.value.includes('$'));
  const variable = a.matchers.filter((m) => m.value.includes('$'));
  const ruleBy = [...a.by];
  for (const m of variable) if (!ruleBy.includes(m.label)) ruleBy.push(m.label);
  const metric = COUNTER_FUNCTIONS.has(a.fn) ? a.metric.replace(/_total$/, '') : a.metric;
  const ops = `${a.op === 'sum' ? '' : `${a.op}_`}${a.fn}${a.range}`;
  const level = ruleBy.filter((l) => l !== 'le').join('_');
  const record = `${level}:${metric}:${ops}`;
  const byClause = (labels: string[]) => (labels.length ? ` by (${labels.join(', ')})` : '');
  const selector = `${a.metric}${fixed.length ? `{${fixed.map((m) => m.text).join(', ')}}` : ''}`;
  const expr = `${a.op}${byClause(ruleBy)} (${a.fn}(${selector}[${a.range}]))`;
  const reader = `${record}${variable.length ? `{${variable.map((m) => m.text).join(', ')}}` : ''}`;
  const same = ruleBy.length === a.by.length && variable.length === 0;
  const reagg = a.op === 'count' ? 'sum' : a.op;
  const inner = same ? reader : `${reagg}${byClause(a.by)} (${reader})`;
  const rewritten = quantile !== undefined ? `histogram_quantile(${quantile}, ${inner})` : inner;
  const yaml =
    'groups:\n' +
    '  - name: scry-suggested\n' +
    '    rules:\n' +
    `      - record: ${record}\n` +
    `        expr: ${yamlString(expr)}\n`;
  return { record, expr, rewritten, yaml };
}

/** A YAML scalar: plain when safe, else double-quoted. */
function yamlString(s: string): string {
  return /^[A-Za-z_][^:#{}[\],&*!|>'"%@`]*$/.test(s) && !/: /.test(s) ? s : JSON.stringify(s);
}

/**
 * What reading the recorded series would cost instead: one sample per recorded series per step,
 * i.e. about the points the panel draws now (more when variable labels were folded into the rule).
 */
export function estimatedSaving(
  cost: { samples?: number; points: number },
  s: RuleSuggestion,
): { before: number; after: number; exact: boolean } | undefined {
  if (cost.samples === undefined) return undefined;
  return { before: cost.samples, after: cost.points, exact: !s.rewritten.includes('{') };
}
