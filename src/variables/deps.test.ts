import { describe, expect, it } from 'vitest';
import { buildDependencyGraph, referencedVariables, type DependencyInput } from './deps';

const q = (name: string, query: string, extra: Partial<DependencyInput> = {}): DependencyInput => ({
  name,
  type: 'query',
  query,
  ...extra,
});

describe('referencedVariables', () => {
  it('query variables: query, datasource and regex', () => {
    expect(
      referencedVariables(
        q('x', 'label_values(up{job="$job"}, instance)', { datasource: '${ds}', regex: '/$re/' }),
      ),
    ).toEqual(['job', 'ds', 're']);
  });
  it('custom: query; datasource: regex; others: nothing', () => {
    expect(referencedVariables({ name: 'c', type: 'custom', query: '$a,b', regex: '$z' })).toEqual([
      'a',
    ]);
    expect(
      referencedVariables({ name: 'd', type: 'datasource', query: 'prometheus', regex: '/$env/' }),
    ).toEqual(['env']);
    expect(referencedVariables({ name: 'i', type: 'interval', query: '$a' })).toEqual([]);
    expect(referencedVariables({ name: 't', type: 'textbox', query: '$a' })).toEqual([]);
    expect(referencedVariables({ name: 'k', type: 'constant', query: '$a' })).toEqual([]);
  });
});

describe('buildDependencyGraph', () => {
  it('orders dependencies first, otherwise definition order', () => {
    const g = buildDependencyGraph([
      q('instance', 'label_values(up{job="$job", env="$env"}, instance)'),
      q('job', 'label_values(up{env="$env"}, job)'),
      q('env', 'label_values(env)'),
      q('other', 'label_values(x)'),
      q('rate', 'query_result(rate(x[$__range]))'),
    ]);
    expect(g.order).toEqual(['env', 'job', 'instance', 'other', 'rate']);
    expect(g.dependsOn).toEqual({
      instance: ['job', 'env'],
      job: ['env'],
      env: [],
      other: [],
      rate: [],
    });
    expect(g.dependants.env).toEqual(['instance', 'job']);
    expect(g.errors).toEqual({});
  });
  it('reports cycles per variable, naming the cycle, and what depends on them', () => {
    const g = buildDependencyGraph([
      q('a', '$b'),
      q('b', '$c'),
      q('c', '$a'),
      q('d', '$c'),
      q('e', '$d'),
      q('self', 'label_values(up{x="$self"}, x)'),
      q('ok', 'label_values(job)'),
    ]);
    expect(g.order).toEqual(['ok']);
    expect(g.errors).toEqual({
      a: 'Circular dependency: $a → $b → $c → $a',
      b: 'Circular dependency: $b → $c → $a → $b',
      c: 'Circular dependency: $c → $a → $b → $c',
      self: 'Circular dependency: $self → $self',
      d: 'Depends on $c, which has a circular dependency',
      e: 'Depends on $c, which has a circular dependency',
    });
  });
  it('finishes quickly on large graphs', () => {
    const vars = Array.from({ length: 500 }, (_, i) =>
      q(`v${i}`, i === 0 ? '$v499' : `$v${i - 1}`),
    );
    const g = buildDependencyGraph(vars);
    expect(g.order).toEqual([]);
    expect(Object.keys(g.errors)).toHaveLength(500);
    const chain = Array.from({ length: 500 }, (_, i) => q(`v${i}`, i === 0 ? 'x' : `$v${i - 1}`));
    expect(buildDependencyGraph(chain.reverse()).order[499]).toBe('v499');
  });
  it('duplicates: first definition wins, the name is reported', () => {
    const g = buildDependencyGraph([q('a', 'x'), q('a', 'y')]);
    expect(g.names).toEqual(['a']);
    expect(g.order).toEqual(['a']);
    expect(g.errors.a).toMatch(/more than once/);
  });
});
