import { describe, expect, it } from 'vitest';
import {
  urlKey,
  variablesFromUrl,
  variablesToUrlEntries,
  type UrlVariableDef,
  type UrlVariableState,
} from './url';

/**
 * What the app does with variablesToUrlEntries (router's updateParams): every listed variable's
 * old `var-` entries are replaced, skipUrlSync ones removed, other parameters kept; a copy.
 */
function applyVariablesToUrl(
  params: URLSearchParams,
  vars: readonly UrlVariableState[],
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const v of vars) next.delete(urlKey(v.name));
  for (const [k, value] of variablesToUrlEntries(vars)) next.append(k, value);
  return next;
}

const defs: UrlVariableDef[] = [
  { name: 'job' },
  { name: 'inst', multi: true, includeAll: true },
  { name: 'env', includeAll: true },
  { name: 'secret', skipUrlSync: true },
];

describe('variablesToUrlEntries', () => {
  it('writes var-NAME, repeated for multi, $__all for All, skips skipUrlSync', () => {
    const state: UrlVariableState[] = [
      { name: 'job', value: 'a b/c' },
      { name: 'inst', value: ['h:1', 'h|2'] },
      { name: 'env', value: 'x', isAll: true },
      { name: 'secret', value: 's', skipUrlSync: true },
    ];
    expect(variablesToUrlEntries(state)).toEqual([
      ['var-job', 'a b/c'],
      ['var-inst', 'h:1'],
      ['var-inst', 'h|2'],
      ['var-env', '$__all'],
    ]);
  });
  it('a $__all value is All; an empty multi is var-x=', () => {
    expect(variablesToUrlEntries([{ name: 'a', value: ['$__all'] }])).toEqual([
      ['var-a', '$__all'],
    ]);
    expect(variablesToUrlEntries([{ name: 'a', value: [] }])).toEqual([['var-a', '']]);
  });
  it('encodes like Grafana in a query string', () => {
    const p = applyVariablesToUrl(new URLSearchParams(), [
      { name: 'x', value: ['a|b', 'é'] },
      { name: 'all', value: '$__all' },
    ]);
    expect(p.toString()).toBe('var-x=a%7Cb&var-x=%C3%A9&var-all=%24__all');
  });
});

describe('applyVariablesToUrl', () => {
  it('replaces old values, removes skipUrlSync ones, keeps other params', () => {
    const before = new URLSearchParams(
      'from=now-1h&var-job=old&var-inst=1&var-inst=2&var-secret=s&var-unknown=u',
    );
    const after = applyVariablesToUrl(before, [
      { name: 'job', value: 'new' },
      { name: 'inst', value: ['3'] },
      { name: 'secret', value: 's2', skipUrlSync: true },
    ]);
    expect(after.toString()).toBe('from=now-1h&var-unknown=u&var-job=new&var-inst=3');
    expect(before.get('var-job')).toBe('old');
  });
});

describe('variablesFromUrl', () => {
  it('reads single, multi, All, and ignores skipUrlSync and absent ones', () => {
    const p = new URLSearchParams(
      'var-job=a%20b&var-job=ignored&var-inst=1&var-inst=2&var-env=%24__all&var-secret=x',
    );
    expect(variablesFromUrl(p, defs)).toEqual({ job: 'a b', inst: ['1', '2'], env: '$__all' });
    expect(variablesFromUrl(new URLSearchParams('var-other=1'), defs)).toEqual({});
  });
  it('multi with one value is an array; legacy All; empty', () => {
    expect(variablesFromUrl(new URLSearchParams('var-inst=x'), defs)).toEqual({ inst: ['x'] });
    expect(variablesFromUrl(new URLSearchParams('var-inst=All'), defs)).toEqual({
      inst: '$__all',
    });
    expect(variablesFromUrl(new URLSearchParams('var-job=All'), defs)).toEqual({ job: 'All' });
    expect(variablesFromUrl(new URLSearchParams('var-inst=&var-job='), defs)).toEqual({
      inst: [],
      job: '',
    });
  });
  it('round-trips', () => {
    const state: UrlVariableState[] = [
      { name: 'job', value: "we'ird & =value+/?#" },
      { name: 'inst', value: ['a', 'b,c', 'ü'] },
      { name: 'env', value: '$__all' },
    ];
    const url = applyVariablesToUrl(new URLSearchParams(), state).toString();
    const back = variablesFromUrl(new URLSearchParams(url), defs);
    expect(back).toEqual({ job: "we'ird & =value+/?#", inst: ['a', 'b,c', 'ü'], env: '$__all' });
    const again = applyVariablesToUrl(
      new URLSearchParams(),
      Object.entries(back).map(([name, value]) => ({ name, value })),
    ).toString();
    expect(again).toBe(url);
  });
});
