import { parser } from '@prometheus-io/lezer-promql';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatVariable, interpolate, type Scope, type VariableValue } from './interpolate';
import {
  interpolatePromQL,
  loadPromQLParser,
  promRegexEscape,
  referenceContexts,
  stringEscape,
} from './promql';

beforeAll(loadPromQLParser);

/**
 * Prometheus's string literal rules (util/strutil.Unquote): in "…" and '…' only \a \b \f \n \r
 * \t \v \\ and the string's own quote may follow a backslash (anything else is "unknown escape
 * sequence"); `…` is raw.
 */
function unquote(lit: string): string {
  const q = lit[0]!;
  expect(lit[lit.length - 1]).toBe(q);
  const body = lit.slice(1, -1);
  if (q === '`') return body;
  const map: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
    [q]: q,
  };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === q) throw new Error(`unescaped quote in ${lit}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i]!;
    if (!(e in map)) throw new Error(`unknown escape sequence \\${e} in ${lit}`);
    out += map[e];
  }
  return out;
}

/** The parse tree's string literals and matcher operators of a PromQL expression. */
function parsePromQL(expr: string): { strings: string[]; ops: string[] } {
  const tree = parser.parse(expr);
  const strings: string[] = [];
  const ops: string[] = [];
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) throw new Error(`parse error at ${n.from} in ${expr}`);
      if (n.name === 'StringLiteral') strings.push(expr.slice(n.from, n.to));
      if (n.name === 'MatchOp') ops.push(expr.slice(n.from, n.to));
    },
  });
  return { strings, ops };
}

/** A regex string as Prometheus uses it: fully anchored RE2 (these are JS-compatible). */
const matches = (re: string, s: string) => new RegExp(`^(?:${re})$`, 'u').test(s);

const AWKWARD = ['search.v2', 'a\\b', 'say "hi"', "it's", 'a|b', 'cost$5', 'grüße→☃', 'x.y|z\\"w'];

const CONTEXTS = [
  { name: 'exact "…"', tpl: 'up{l="$v"}', op: '=', regex: false },
  { name: "exact '…'", tpl: "up{l='$v'}", op: '=', regex: false },
  { name: 'exact `…`', tpl: 'up{l=`$v`}', op: '=', regex: false },
  { name: 'not-equal "…"', tpl: 'up{l!="$v"}', op: '!=', regex: false },
  { name: 'regex "…"', tpl: 'up{l=~"$v"}', op: '=~', regex: true },
  { name: "regex '…'", tpl: "up{l=~'$v'}", op: '=~', regex: true },
  { name: 'regex `…`', tpl: 'up{l=~`$v`}', op: '=~', regex: true },
  { name: 'not-regex "…"', tpl: 'up{l!~"$v"}', op: '!~', regex: true },
  { name: 'quoted label name', tpl: 'up{"l"="$v"}', op: '=', regex: false },
] as const;

const FORMATS = [
  'raw',
  'regex',
  'pipe',
  'csv',
  'glob',
  'json',
  'doublequote',
  'singlequote',
  'text',
  'queryparam',
  'percentencode',
  'lucene',
  'sqlstring',
  'distributed',
] as const;

/** The matcher of `expr` (the last string literal and the operator). */
function matcher(expr: string) {
  const { strings, ops } = parsePromQL(expr);
  return { value: unquote(strings[strings.length - 1]!), op: ops[ops.length - 1]! };
}

describe('a single value in every matcher context (default format)', () => {
  for (const ctx of CONTEXTS) {
    for (const value of AWKWARD) {
      if (ctx.tpl.includes('`') && value.includes('`')) continue;
      for (const v of [{ value }, { value, multi: true }, { value: [value], multi: true }]) {
        it(`${ctx.name} ← ${JSON.stringify(v.value)}${v.multi ? ' (multi)' : ''}`, () => {
          const out = interpolatePromQL(ctx.tpl, { v });
          const m = matcher(out);
          expect(m.op).toBe(ctx.op);
          if (ctx.regex) {
            expect(m.value).toBe(promRegexEscape(value));
            expect(matches(m.value, value)).toBe(true);
            for (const other of AWKWARD)
              if (other !== value) expect(matches(m.value, other)).toBe(false);
          } else {
            // never regex-escaped in an exact matcher
            expect(m.value).toBe(value);
          }
        });
      }
    }
  }
});

describe('several values (multi, All) become an alternation that matches exactly them', () => {
  const picked = ['search.v2', 'a|b', 'say "hi"', 'a\\b'];
  const scopes: [string, VariableValue][] = [
    ['multi', { value: picked, multi: true }],
    ['All', { value: '$__all', isAll: true, includeAll: true, multi: true, options: picked }],
    ['All as $__all', { value: ['$__all'], includeAll: true, multi: true, options: picked }],
  ];
  for (const ctx of CONTEXTS) {
    for (const [label, v] of scopes) {
      it(`${ctx.name} ← ${label}`, () => {
        const m = matcher(interpolatePromQL(ctx.tpl, { v }));
        // = becomes =~ and != becomes !~
        expect(m.op).toBe(ctx.op.startsWith('!') ? '!~' : '=~');
        for (const p of picked) expect(matches(m.value, p)).toBe(true);
        for (const other of AWKWARD)
          if (!picked.includes(other)) expect(matches(m.value, other)).toBe(false);
      });
    }
  }
});

describe('explicit formats keep their meaning, escaped for the string they stand in', () => {
  const values: VariableValue[] = [
    { value: 'search.v2' },
    { value: ['search.v2', "it's", 'a\\"b'], multi: true },
    { value: 'grüße $5 | x' },
  ];
  for (const ctx of CONTEXTS) {
    for (const format of FORMATS) {
      for (const v of values) {
        it(`${ctx.name} ← \${v:${format}} of ${JSON.stringify(v.value)}`, () => {
          const tpl = ctx.tpl.replace('$v', `\${v:${format}}`);
          const expected = formatVariable('v', v, format);
          if (tpl.includes('`') && expected.includes('`')) return;
          const m = matcher(interpolatePromQL(tpl, { v }));
          expect(m.op).toBe(ctx.op);
          expect(m.value).toBe(expected);
        });
      }
    }
  }
  it('${v:regex} in a regex matcher matches the dotted value and not a look-alike', () => {
    const m = matcher(interpolatePromQL('up{s=~"${v:regex}"}', { v: { value: 'search.v2' } }));
    expect(matches(m.value, 'search.v2')).toBe(true);
    expect(matches(m.value, 'searchXv2')).toBe(false);
  });
});

describe('outside strings the value is inserted as is', () => {
  const scope: Scope = {
    metric: { value: 'job:http_requests:rate5m' },
    range: { value: '5m' },
    step: { value: '30s' },
    off: { value: '1h' },
    n: { value: '3' },
    by: { value: ['job', 'instance'], multi: true },
    one: { value: ['job'], multi: true },
    __rate_interval: { value: '1m', raw: true },
  };
  it.each([
    ['$metric', 'job:http_requests:rate5m'],
    ['${metric}{a="b"}', 'job:http_requests:rate5m{a="b"}'],
    ['rate(x[$range])', 'rate(x[5m])'],
    ['rate(x[$__rate_interval])', 'rate(x[1m])'],
    ['max_over_time(x[$range:$step])', 'max_over_time(x[5m:30s])'],
    ['x offset $off', 'x offset 1h'],
    ['x[${n}m]', 'x[3m]'],
    ['topk($n, x)', 'topk(3, x)'],
    ['x > $n', 'x > 3'],
    ['sum by ($by) (x)', 'sum by (job, instance) (x)'],
    ['sum by ($one) (x)', 'sum by (job) (x)'],
    ['a / on($by) b', 'a / on(job, instance) b'],
    ['x{$one="a"}', 'x{job="a"}'],
  ])('%s → %s', (tpl, out) => {
    expect(interpolatePromQL(tpl, scope)).toBe(out);
    parsePromQL(out);
  });
});

describe('other strings', () => {
  it("label_replace's regex argument is a regex, its replacement a plain string", () => {
    const out = interpolatePromQL('label_replace(up, "dst", "$v-$1", "src", "($v)")', {
      v: { value: 'search.v2' },
    });
    expect(out).toBe('label_replace(up, "dst", "search.v2-$1", "src", "(search\\\\.v2)")');
    const { strings } = parsePromQL(out);
    expect(unquote(strings[3]!)).toBe('(search\\.v2)');
  });
  it('a reference in part of a matcher value is string-escaped, not regex-escaped', () => {
    const out = interpolatePromQL('up{path="/api/$v"}', { v: { value: 'say "hi".x' } });
    expect(matcher(out).value).toBe('/api/say "hi".x');
  });
  it('a regex matcher with text around the reference escapes only the value', () => {
    const out = interpolatePromQL('up{path=~"^/api/$v/.*"}', { v: { value: 'a.b' } });
    expect(matcher(out).value).toBe('^/api/a\\.b/.*');
  });
  it('escaped quotes in the template are kept and do not end the string', () => {
    const out = interpolatePromQL('up{a="x\\"$v", b=~"$v"}', { v: { value: 'y.z' } });
    expect(out).toBe('up{a="x\\"y.z", b=~"y\\\\.z"}');
  });
});

describe('what Grafana does, and keeps doing where it is right', () => {
  it('custom all values, built-ins and constants are inserted as typed', () => {
    const all: VariableValue = {
      value: '$__all',
      isAll: true,
      includeAll: true,
      multi: true,
      options: ['a'],
      allValue: '.+\\..*',
    };
    expect(interpolatePromQL('up{l=~"$v"}', { v: all })).toBe('up{l=~".+\\..*"}');
    // an exact matcher with a custom all value becomes a regex matcher
    expect(interpolatePromQL('up{l="$v"}', { v: all })).toBe('up{l=~".+\\..*"}');
    const c: VariableValue = { value: 'a\\\\.b', raw: true };
    expect(interpolatePromQL('up{l=~"$c"}', { c })).toBe('up{l=~"a\\\\.b"}');
  });
  it('All above the alternation limit is .+', () => {
    const options = Array.from({ length: 300 }, (_, i) => `v${i}.x`);
    const v: VariableValue = { value: '$__all', isAll: true, multi: true, options };
    expect(interpolatePromQL('up{l="$v"}', { v })).toBe('up{l=~".+"}');
  });
  it('unknown variables, field paths and capture references are left as typed', () => {
    const scope: Scope = { v: { value: 'x' } };
    expect(interpolatePromQL('label_replace(up{a="$nope"}, "d", "$1", "s", "${v.f}")', scope)).toBe(
      'label_replace(up{a="$nope"}, "d", "$1", "s", "${v.f}")',
    );
  });
  it('falls back to Grafana exactly for a template that only parses after interpolation', () => {
    const scope: Scope = {
      filter: { value: 'job="a\\b"' },
      agg: { value: 'sum' },
      m: { value: ['x.y', 'z'], multi: true },
    };
    for (const tpl of ['up{$filter}', '$agg(rate(up{l=~"$m"}[5m]))', 'up{l="$m"']) {
      expect(referenceContexts(tpl)).toBeUndefined();
      expect(interpolatePromQL(tpl, scope)).toBe(interpolate(tpl, scope));
    }
  });
  it('expressions without references are returned unchanged', () => {
    expect(interpolatePromQL('sum(rate(x{a=~"b.c"}[5m]))', {})).toBe('sum(rate(x{a=~"b.c"}[5m]))');
  });
});

describe('the old rules failed these (the issue 13 findings)', () => {
  const s: VariableValue = { value: ['cart', 'checkout', 'search.v2'], multi: true };
  it('a dotted multi value in =~ is escaped for the string (Prometheus: unknown escape U+002E)', () => {
    const out = interpolatePromQL('up{service=~"${service:regex}"}', { service: s });
    expect(out).toBe('up{service=~"(cart|checkout|search\\\\.v2)"}');
    expect(() => matcher(interpolate('up{service=~"${service:regex}"}', { service: s }))).toThrow(
      /unknown escape/,
    );
    expect(matcher(out).value).toBe('(cart|checkout|search\\.v2)');
  });
  it('a repeated copy (multi variable, one value) sends the exact value in =', () => {
    const copy: VariableValue = { value: 'search.v2', multi: true };
    expect(interpolatePromQL('up{service="$service"}', { service: copy })).toBe(
      'up{service="search.v2"}',
    );
    expect(interpolate('up{service="$service"}', { service: copy })).not.toBe(
      'up{service="search.v2"}',
    );
  });
});

describe('stringEscape', () => {
  it('escapes only what the quote needs', () => {
    expect(stringEscape(`a\\"'\n`, '"')).toBe(`a\\\\\\"'\\n`);
    expect(stringEscape(`a\\"'`, "'")).toBe(`a\\\\"\\'`);
    expect(stringEscape(`a\\"'`, '`')).toBe(`a\\"'`);
  });
});
