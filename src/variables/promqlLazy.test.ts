import { describe, expect, it } from 'vitest';
import { builtinScope } from './builtins';
import type { Scope } from './interpolate';
import {
  interpolatePromQL,
  loadPromQLParser,
  needsPromQLParser,
  promqlParserLoaded,
} from './promql';

// The grammar loads on demand; this file's module state starts without it (unlike promql.test.ts).
const builtins: Scope = builtinScope({
  fromMs: 0,
  toMs: 3_600_000,
  intervalMs: 15_000,
  rateIntervalMs: 60_000,
  dashboard: { uid: 'u', title: 't' },
  timeZone: 'utc',
});
const withVars: Scope = { ...builtins, job: { value: 'a.b' }, c: { value: 'x', raw: true } };

const BUILTIN_ONLY = [
  'sum(rate(http_requests_total{code=~"5.."}[$__rate_interval]))',
  'avg_over_time(up[$__interval]) offset $__range',
  'up{a="$nope"} + ${c} + label_replace(up, "d", "$1", "s", "(.*)")',
  'sum by (job) (rate(x[${__rate_interval}]))',
];

describe('PromQL interpolation without the grammar loaded', () => {
  it('a dashboard without variables never needs it: built-ins, constants, unknown names', () => {
    expect(promqlParserLoaded()).toBe(false);
    for (const tpl of BUILTIN_ONLY) expect(needsPromQLParser(tpl, withVars)).toBe(false);
    expect(interpolatePromQL(BUILTIN_ONLY[0]!, withVars)).toBe(
      'sum(rate(http_requests_total{code=~"5.."}[1m]))',
    );
    expect(interpolatePromQL(BUILTIN_ONLY[1]!, withVars)).toBe(
      'avg_over_time(up[15s]) offset 3600s',
    );
    expect(interpolatePromQL(BUILTIN_ONLY[2]!, withVars)).toBe(
      'up{a="$nope"} + x + label_replace(up, "d", "$1", "s", "(.*)")',
    );
    expect(promqlParserLoaded()).toBe(false);
  });

  it('a dashboard variable needs it, a constant with a format too; interpolating then throws', () => {
    expect(needsPromQLParser('up{job="$job"}', withVars)).toBe(true);
    expect(needsPromQLParser('up{job=~"${c:regex}"}', withVars)).toBe(true);
    expect(() => interpolatePromQL('up{job="$job"}', withVars)).toThrow(/not loaded/);
  });

  it('once loaded nothing needs it, and the same templates give the same text', async () => {
    const before = BUILTIN_ONLY.map((t) => interpolatePromQL(t, withVars));
    await loadPromQLParser();
    expect(promqlParserLoaded()).toBe(true);
    expect(needsPromQLParser('up{job="$job"}', withVars)).toBe(false);
    expect(BUILTIN_ONLY.map((t) => interpolatePromQL(t, withVars))).toEqual(before);
    expect(interpolatePromQL('up{job="$job"}', withVars)).toBe('up{job="a.b"}');
    expect(interpolatePromQL('up{job=~"$job"}', withVars)).toBe('up{job=~"a\\\\.b"}');
  });
});
