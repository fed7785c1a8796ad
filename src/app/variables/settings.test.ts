import { describe, expect, it } from 'vitest';
import { variableSchema } from '../../model/variable';
import { moveItem, newVariable, variableProblems } from './VariableSettings';
import { datasourceName } from './useVariables';
import { selectionText } from './VariableBar';

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
});
