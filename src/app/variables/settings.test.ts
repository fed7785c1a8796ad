import { describe, expect, it } from 'vitest';
import { variableSchema } from '../../model/variable';
import { moveItem, newVariable, variableProblems } from './edit';
import { datasourceName } from './useVariables';
import { interpolate, LARGE_ALL_REGEX } from '../../variables/interpolate';
import { scopeValue, type ResolvedVariable } from '../../variables/resolve';
import { selectionText, sendsAllAsRegex } from './VariableBar';

const v = (name: string) => variableSchema.parse({ name, type: 'query' });

describe('variable settings helpers', () => {
  it('new variables get an unused name and the schema defaults', () => {
    const n = newVariable([v('var1'), v('var2')]);
    expect(n.name).toBe('var3');
    expect(n).toMatchObject({ type: 'query', query: '', refresh: 1, multi: false, hide: 0 });
    expect(newVariable([v('var2')]).name).toBe('var3');
  });
  it('moves items and ignores moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
  it('reports bad, reserved and duplicate names', () => {
    expect(variableProblems(v('job'), [v('instance')])).toEqual([]);
    expect(variableProblems(v('job'), [v('job')])[0]).toMatch(/already used/);
    expect(variableProblems({ ...v('x'), name: '1x' }, [])[0]).toMatch(/^name:/);
    expect(variableProblems(v('__x'), [])[0]).toMatch(/reserved/);
  });
});

describe('variable bar helpers', () => {
  it('datasource names take variables', () => {
    const scope = { ds: { value: 'prom-b' } };
    expect(datasourceName(undefined, scope)).toBeUndefined();
    expect(datasourceName('prom-a', scope)).toBe('prom-a');
    expect(datasourceName('$ds', scope)).toBe('prom-b');
    expect(datasourceName('${ds}', {})).toBe('${ds}');
  });
  it('button text for a selection', () => {
    const base = { name: 'x', options: [], isAll: false };
    expect(selectionText(undefined)).toBe('…');
    expect(selectionText({ ...base, value: '$__all', text: 'All', isAll: true })).toBe('All');
    expect(selectionText({ ...base, value: ['a', 'b'], text: ['a', 'b'] })).toBe('a + b');
    expect(selectionText({ ...base, value: [], text: [] })).toBe('None');
    expect(selectionText({ ...base, value: '', text: '' })).toBe('None');
    expect(
      selectionText({ ...base, options: [{ text: '', value: '' }], value: '', text: '' }),
    ).toBe('');
  });
  it('the picker says ".+" exactly when the query gets it', () => {
    const def = variableSchema.parse({ name: 'x', type: 'custom', multi: true, includeAll: true });
    for (const [n, allValue, note] of [
      [200, undefined, false],
      [201, undefined, true],
      [201, '', true],
      [201, 'a.*', false],
    ] as const) {
      const vd = { ...def, ...(allValue === undefined ? {} : { allValue }) };
      const options = Array.from({ length: n }, (_, i) => ({ text: `v${i}`, value: `v${i}` }));
      const r: ResolvedVariable = { name: 'x', options, value: '$__all', text: 'All', isAll: true };
      const sent = interpolate('$x', { x: scopeValue(vd, r, 0) });
      expect([n, allValue, sendsAllAsRegex(vd, r)]).toEqual([n, allValue, note]);
      expect(sent === LARGE_ALL_REGEX).toBe(note);
      // a picked list of the same size is never replaced
      expect(sendsAllAsRegex(vd, { ...r, isAll: false })).toBe(false);
    }
  });
});
