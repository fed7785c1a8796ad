import { describe, expect, it } from 'vitest';
import {
  ALL_ALTERNATION_LIMIT,
  encodeURIComponentStrict,
  formatDate,
  formatVariable,
  interpolate,
  prometheusRegularEscape,
  prometheusSpecialRegexEscape,
  referencedNames,
  regexEscape,
  type Scope,
  type VariableValue,
} from './interpolate';
import { interpolatePromQL } from './promql';
import { repeatValues } from './repeat';

const single: VariableValue = { value: 'a.b' };
const multi: VariableValue = { value: ['a.b', 'c/d'], multi: true };
const one: VariableValue = { value: ['x'], multi: true };
const all: VariableValue = {
  value: '$__all',
  isAll: true,
  includeAll: true,
  multi: true,
  options: ['a', 'b.c'],
};
const customAll: VariableValue = { ...all, allValue: '.*' };

const fmt = (v: VariableValue, format?: string, name = 'x') => formatVariable(name, v, format);

describe('syntaxes', () => {
  const scope: Scope = { job: { value: 'api' }, env: { value: 'prod' } };
  it('replaces $var, ${var}, ${var:fmt}, [[var]], [[var:fmt]]', () => {
    expect(interpolate('up{job="$job"}', scope)).toBe('up{job="api"}');
    expect(interpolate('up{job="${job}"}', scope)).toBe('up{job="api"}');
    expect(interpolate('${job:json}', scope)).toBe('"api"');
    expect(interpolate('[[job]]-[[env]]', scope)).toBe('api-prod');
    expect(interpolate('[[job:json]]', scope)).toBe('"api"');
    expect(interpolate('${job}_total', scope)).toBe('api_total');
  });
  it('takes the longest name after $ (so $job_x is another variable)', () => {
    expect(interpolate('$job_x $job', scope)).toBe('$job_x api');
  });
  it('leaves unknown variables and field paths alone', () => {
    expect(interpolate('$nope ${nope} ${nope:csv} [[nope]]', scope)).toBe(
      '$nope ${nope} ${nope:csv} [[nope]]',
    );
    expect(interpolate('${job.field}', scope)).toBe('${job.field}');
  });
  it('returns text without $ or [[ unchanged', () => {
    expect(interpolate('sum(rate(x[5m]))', scope)).toBe('sum(rate(x[5m]))');
  });
  it('leaves a lone $ and PromQL text alone', () => {
    expect(interpolate('x{a=~"^b$"} $ $$', scope)).toBe('x{a=~"^b$"} $ $$');
  });
  it('uses a default format when none is given', () => {
    expect(interpolate('$m', { m: multi }, 'csv')).toBe('a.b,c/d');
    expect(interpolate('${m:pipe}', { m: multi }, 'csv')).toBe('a.b|c/d');
  });
  it('replaces several occurrences and built-ins untouched by escaping', () => {
    const s: Scope = { __interval: { value: '1m', raw: true }, m: multi };
    expect(interpolate('rate(x{a=~"$m"}[$__interval]) / $m', s)).toBe(
      'rate(x{a=~"(a\\\\.b|c/d)"}[1m]) / (a\\\\.b|c/d)',
    );
  });
  it('interpolates a custom all value (which may reference other variables)', () => {
    const s: Scope = {
      env: { value: 'prod' },
      x: { ...customAll, allValue: '$env-.*' },
      self: { ...customAll, allValue: '$self' },
    };
    expect(interpolate('$x', s)).toBe('prod-.*');
    expect(interpolate('$self', s)).toBe('$self');
  });
});

describe('referencedNames', () => {
  it('lists names in order of first use, every syntax', () => {
    expect(referencedNames('$a ${b} ${c:csv} [[d]] [[e:raw]] $a ${f.g}')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ]);
    expect(referencedNames('no vars')).toEqual([]);
  });
});

describe('Prometheus default escaping', () => {
  it('single value: regular escape (backslashes, single quotes)', () => {
    expect(fmt({ value: 'a.b' })).toBe('a.b');
    expect(fmt({ value: 'C:\\dir' })).toBe('C:\\\\dir');
    expect(fmt({ value: "it's" })).toBe("it\\\\'s");
    expect(fmt({ value: 'a"b|c' })).toBe('a"b|c');
    expect(fmt({ value: 'héllo→ü' })).toBe('héllo→ü');
  });
  it('multi: each value regex-escaped for a string literal, joined (a|b)', () => {
    expect(fmt(multi)).toBe('(a\\\\.b|c/d)');
    expect(fmt({ value: ['a|b', 'x\\y', 'q+'], multi: true })).toBe('(a\\\\|b|x\\\\\\\\y|q\\\\+)');
    expect(fmt({ value: ['$^*{}[]+?.()|'], multi: true })).toBe(
      '\\\\$\\\\^\\\\*\\\\{\\\\}\\\\[\\\\]\\\\+\\\\?\\\\.\\\\(\\\\)\\\\|',
    );
  });
  it('multi with one value: bare (no parentheses); none: empty', () => {
    expect(fmt(one)).toBe('x');
    expect(fmt({ value: ['a.b'], multi: true })).toBe('a\\\\.b');
    expect(fmt({ value: [], multi: true })).toBe('');
  });
  it('includeAll without multi: a picked value is regex-escaped', () => {
    expect(fmt({ value: 'a.b', includeAll: true })).toBe('a\\\\.b');
  });
  it('All without custom value: alternation of every option', () => {
    expect(fmt(all)).toBe('(a|b\\\\.c)');
  });
  it('All: custom all value inserted unescaped', () => {
    expect(fmt(customAll)).toBe('.*');
    expect(interpolate('up{job=~"$x"}', { x: customAll })).toBe('up{job=~".*"}');
  });
  it(`All over ${ALL_ALTERNATION_LIMIT} options: .+`, () => {
    const options = Array.from({ length: ALL_ALTERNATION_LIMIT + 1 }, (_, i) => `v${i}`);
    expect(fmt({ ...all, options })).toBe('.+');
    const exact = options.slice(0, ALL_ALTERNATION_LIMIT);
    expect(fmt({ ...all, options: exact })).toBe(`(${exact.join('|')})`);
  });
  it('a value of $__all means All even without isAll', () => {
    expect(fmt({ value: '$__all', includeAll: true, options: ['a', 'b'] })).toBe('(a|b)');
    expect(fmt({ value: ['$__all'], multi: true, includeAll: true, allValue: '.*' })).toBe('.*');
  });
  it('raw values (built-ins, constants marked raw) are not escaped', () => {
    expect(fmt({ value: "a.b'\\", raw: true })).toBe("a.b'\\");
  });
  it('exported escapers', () => {
    expect(prometheusRegularEscape("a\\'b")).toBe("a\\\\\\\\'b");
    expect(prometheusSpecialRegexEscape('a.b\\c')).toBe('a\\\\.b\\\\\\\\c');
    expect(regexEscape('a.b/c')).toBe('a\\.b\\/c');
  });
});

describe('formats', () => {
  it('csv / raw', () => {
    expect(fmt(multi, 'csv')).toBe('a.b,c/d');
    expect(fmt(single, 'csv')).toBe('a.b');
    expect(fmt(multi, 'raw')).toBe('a.b,c/d');
    expect(fmt({ value: "a'\\b" }, 'raw')).toBe("a'\\b");
    expect(fmt(all, 'csv')).toBe('a,b.c');
  });
  it('pipe: no escaping', () => {
    expect(fmt(multi, 'pipe')).toBe('a.b|c/d');
    expect(fmt({ value: ['a|b', 'c'] }, 'pipe')).toBe('a|b|c');
  });
  it('regex: kbn.regexEscape, (a|b)', () => {
    expect(fmt(single, 'regex')).toBe('a\\.b');
    expect(fmt(multi, 'regex')).toBe('(a\\.b|c\\/d)');
    expect(fmt(one, 'regex')).toBe('x');
    expect(fmt({ value: ['test1.', 'test2'] }, 'regex')).toBe('(test1\\.|test2)');
  });
  it('json', () => {
    expect(fmt(single, 'json')).toBe('"a.b"');
    expect(fmt(multi, 'json')).toBe('["a.b","c/d"]');
    expect(fmt(one, 'json')).toBe('["x"]');
    expect(fmt({ value: 'a"b\\' }, 'json')).toBe('"a\\"b\\\\"');
    expect(fmt(all, 'json')).toBe('["a","b.c"]');
  });
  it('glob', () => {
    expect(fmt(single, 'glob')).toBe('a.b');
    expect(fmt(multi, 'glob')).toBe('{a.b,c/d}');
    expect(fmt(one, 'glob')).toBe('x');
    expect(fmt({ value: [] }, 'glob')).toBe('');
  });
  it('unknown format falls back to glob', () => {
    expect(fmt(multi, 'nope')).toBe('{a.b,c/d}');
    expect(fmt(single, 'nope')).toBe('a.b');
  });
  it('doublequote / singlequote / sqlstring', () => {
    expect(fmt({ value: ['a"b', 'c'] }, 'doublequote')).toBe('"a\\"b","c"');
    expect(fmt(single, 'doublequote')).toBe('"a.b"');
    expect(fmt({ value: ["a'b", 'c'] }, 'singlequote')).toBe("'a\\'b','c'");
    expect(fmt({ value: ["a'1", 'b'] }, 'sqlstring')).toBe("'a''1','b'");
    expect(fmt({ value: "it's" }, 'sqlstring')).toBe("'it''s'");
  });
  it('text: display text, joined with " + ", All', () => {
    expect(fmt({ value: 'v', text: 'Value' }, 'text')).toBe('Value');
    expect(fmt({ value: 'v' }, 'text')).toBe('v');
    expect(fmt({ value: ['a', 'b'] }, 'text')).toBe('a + b');
    expect(fmt({ value: ['a', 'b'], text: ['A', 'B'] }, 'text')).toBe('A + B');
    expect(fmt(all, 'text')).toBe('All');
    expect(fmt(customAll, 'text')).toBe('All');
  });
  it('queryparam', () => {
    expect(fmt(multi, 'queryparam', 'my var')).toBe('var-my%20var=a.b&var-my%20var=c%2Fd');
    expect(fmt({ value: "a b'(x)" }, 'queryparam')).toBe('var-x=a%20b%27%28x%29');
    expect(fmt(all, 'queryparam')).toBe('var-x=$__all');
    expect(fmt(customAll, 'queryparam')).toBe('var-x=$__all');
  });
  it('percentencode', () => {
    expect(fmt({ value: 'a b/ü!' }, 'percentencode')).toBe('a%20b%2F%C3%BC%21');
    expect(fmt({ value: ['a', 'b'] }, 'percentencode')).toBe('%7Ba%2Cb%7D');
    expect(fmt(customAll, 'percentencode')).toBe('.%2A');
  });
  it('lucene', () => {
    expect(fmt({ value: 'a b:c' }, 'lucene')).toBe('a\\ b\\:c');
    expect(fmt({ value: ['a', 'b/c'] }, 'lucene')).toBe('("a" OR "b\\/c")');
    expect(fmt({ value: ['x'] }, 'lucene')).toBe('("x")');
    expect(fmt({ value: [] }, 'lucene')).toBe('__empty__');
  });
  it('distributed', () => {
    expect(fmt({ value: ['a', 'b', 'c'] }, 'distributed', 'servers')).toBe('a,servers=b,servers=c');
    expect(fmt(single, 'distributed')).toBe('a.b');
  });
  it('custom all value is inserted as is for other formats', () => {
    expect(fmt(customAll, 'csv')).toBe('.*');
    expect(fmt(customAll, 'regex')).toBe('.*');
    expect(fmt(customAll, 'json')).toBe('.*');
  });
  it("encodeURIComponentStrict encodes !'()*", () => {
    expect(encodeURIComponentStrict("!'()*")).toBe('%21%27%28%29%2A');
  });
});

describe('dates', () => {
  const from: VariableValue = { value: '1594671549254', raw: true };
  const scope: Scope = { __from: from, __to: { value: '1594671609000', raw: true } };
  it('$__from is epoch ms by default', () => {
    expect(interpolate('$__from', scope)).toBe('1594671549254');
  });
  it('date (iso default), date:iso, date:seconds, date:ms', () => {
    expect(interpolate('${__from:date}', scope)).toBe('2020-07-13T20:19:09.254Z');
    expect(interpolate('${__from:date:iso}', scope)).toBe('2020-07-13T20:19:09.254Z');
    expect(interpolate('${__from:date:seconds}', scope)).toBe('1594671549');
    expect(interpolate('${__to:date:seconds}', scope)).toBe('1594671609');
    expect(interpolate('${__from:date:ms}', scope)).toBe('1594671549254');
  });
  it('custom moment-style patterns (UTC)', () => {
    expect(interpolate('${__from:date:YYYY-MM-DD}', scope)).toBe('2020-07-13');
    expect(interpolate('${__from:date:YYYY-MM-DD HH:mm:ss.SSS}', scope)).toBe(
      '2020-07-13 20:19:09.254',
    );
  });
  it('date on a non-number leaves it alone', () => {
    expect(fmt({ value: 'abc' }, 'date')).toBe('abc');
    expect(formatDate(Number.NaN, 'iso')).toBe('NaN');
  });
});

describe("names that are Object.prototype's members", () => {
  // a dashboard's variable names and references are untrusted text
  it('are unknown variables when the scope lacks them', () => {
    const text = 'up{a="$constructor",b="${toString}",c="[[__proto__]]",d="$hasOwnProperty"}';
    expect(interpolate(text, {})).toBe(text);
    expect(interpolatePromQL(text, {})).toBe(text);
    expect(repeatValues('constructor', {})).toBeUndefined();
  });
});
