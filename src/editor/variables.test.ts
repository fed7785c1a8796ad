import { describe, expect, it } from 'vitest';
import {
  completeVariables,
  filterVariableDiagnostics,
  findVariableRefs,
  substituteVariables,
} from './variables';

describe('findVariableRefs', () => {
  it('finds every syntax with its context', () => {
    const q =
      'sum by ($group) (rate(${metric}{job=~"$job", x="[[y:csv]]"}[$__rate_interval])) offset $off @ $__to';
    const refs = findVariableRefs(q);
    expect(refs.map((r) => [r.name, r.context, r.format])).toEqual([
      ['group', 'identifier', undefined],
      ['metric', 'identifier', undefined],
      ['job', 'string', undefined],
      ['y', 'string', 'csv'],
      ['__rate_interval', 'duration', undefined],
      ['off', 'duration', undefined],
      ['__to', 'number', undefined],
    ]);
    for (const r of refs) expect(q.slice(r.from, r.to)).toBe(r.text);
  });
  it('handles [[x]] inside a range, ${x:fmt}, subquery steps, comments and escapes', () => {
    const refs = findVariableRefs('rate(x[[[iv]]]) + y[${r}:$s] # $nope\n + z{a="\\"$q"}');
    expect(refs.map((r) => `${r.text}/${r.context}`)).toEqual([
      '[[iv]]/duration',
      '${r}/duration',
      '$s/duration',
      '$q/string',
    ]);
    expect(findVariableRefs('${x:regex}')[0]).toMatchObject({ name: 'x', format: 'regex' });
  });
});

describe('substituteVariables', () => {
  it('keeps the length and parses as PromQL', () => {
    const q = 'topk($k, sum by ($g) (rate(${m}{a="$a"}[$__rate_interval]))) offset $o';
    const s = substituteVariables(q);
    expect(s).toHaveLength(q.length);
    expect(s).toBe('topk(_k, sum by (_g) (rate(__m_{a="$a"}[1s              ]))) offset 1s');
  });
});

describe('filterVariableDiagnostics', () => {
  const q = 'topk($k, rate($m)) + $x';
  const refs = findVariableRefs(q);
  it('drops errors a variable caused, keeps the others, dedupes', () => {
    const d = [
      { from: 5, to: 7, message: 'expected type scalar in aggregation parameter, got vector' },
      { from: 5, to: 7, message: 'expected type scalar in aggregation parameter, got vector' },
      { from: 9, to: 17, message: 'expected type matrix in call to function "rate", got vector' },
      { from: 0, to: q.length, message: 'some larger error' },
      { from: 22, to: 22, message: 'zero width at $x' },
    ];
    expect(filterVariableDiagnostics(d, refs).map((x) => x.message)).toEqual([
      'expected type matrix in call to function "rate", got vector',
      'some larger error',
    ]);
  });
  it('ignores references inside strings', () => {
    const r = findVariableRefs('x{a="$a"}');
    expect(filterVariableDiagnostics([{ from: 5, to: 7 }], r)).toHaveLength(1);
  });
});

describe('completeVariables', () => {
  it('offers variables then built-ins after $', () => {
    const c = completeVariables('sum by ($', 9, ['job', 'instance']);
    expect(c?.from).toBe(8);
    expect(c?.options.map((o) => o.label).slice(0, 3)).toEqual([
      '$job',
      '$instance',
      '$__rate_interval',
    ]);
    expect(c?.options[0]?.boost).toBeGreaterThan(c?.options[2]?.boost ?? 0);
  });
  it('narrows by the typed name and closes ${ and [[', () => {
    expect(
      completeVariables('x{job="$jo', 10, ['job', 'instance'])?.options.map((o) => o.apply),
    ).toEqual(['$job']);
    expect(completeVariables('x{job="${jo', 11, ['job'])?.options[0]?.apply).toBe('${job}');
    expect(completeVariables('[[ins', 5, ['instance'])?.options[0]?.apply).toBe('[[instance]]');
    expect(completeVariables('[[ins', 5, ['instance'])?.from).toBe(0);
  });
  it('puts duration built-ins first inside a range', () => {
    const c = completeVariables('rate(x[$', 8, ['job']);
    expect(c?.options.slice(0, 4).map((o) => o.label)).toEqual([
      '$__rate_interval',
      '$__interval',
      '$__range',
      '$job',
    ]);
    expect(completeVariables('x{a="$', 6, ['job'])?.options[0]?.label).toBe('$job');
  });

  it('stays quiet elsewhere', () => {
    expect(completeVariables('rate(x', 6, ['job'])).toBeNull();
    expect(completeVariables('$zzz', 4, ['job'])).toBeNull();
  });
});
