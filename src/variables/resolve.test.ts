import { describe, expect, it } from 'vitest';
import type { InstantResult } from '../prometheus/types';
import { interpolate } from './interpolate';
import type { VariableClient } from './query';
import {
  refreshesOn,
  resolveVariables,
  selectValue,
  type ResolvableVariable,
  type VariableFetcher,
} from './resolve';

const range = { fromMs: 1_000_000, toMs: 1_000_000 + 6 * 3_600_000 };

/** A fake server: env → jobs → instances, counting requests. */
function server() {
  const calls: string[] = [];
  const jobsByEnv: Record<string, string[]> = { prod: ['api', 'db'], dev: ['api', 'web'] };
  const client: VariableClient = {
    async labelNames() {
      return { data: ['job'] };
    },
    async labelValues(label, q) {
      const match = q?.match?.[0] ?? '';
      calls.push(`${label} ${match}`.trim());
      await new Promise((r) => setTimeout(r, 1));
      if (label === 'env') return { data: ['prod', 'dev'] };
      if (label === 'job') {
        const envs = /env=~?"([^"]*)"/.exec(match)?.[1] ?? '';
        const out = Object.entries(jobsByEnv)
          .filter(([e]) => new RegExp(`^(?:${envs})$`).test(e))
          .flatMap(([, j]) => j);
        return { data: [...new Set(out)] };
      }
      if (label === 'instance') return { data: [`${match}-1`, `${match}-2`] };
      throw new Error(`no label ${label}`);
    },
    async series() {
      return { data: [] };
    },
    async query(): Promise<{ data: InstantResult }> {
      return { data: { resultType: 'scalar', result: [0, '1'] } };
    },
  };
  const fetcher: VariableFetcher = {
    client: (ds) => (ds === 'missing' ? { error: `Datasource ${ds} not found` } : client),
    datasources: (type) => (type === 'prometheus' ? ['Prom A', 'Prom B', 'Loki'] : []),
  };
  return { calls, fetcher };
}

const v = (
  name: string,
  query: string,
  extra: Partial<ResolvableVariable> = {},
): ResolvableVariable => ({
  name,
  type: 'query',
  query,
  ...extra,
});

const chain: ResolvableVariable[] = [
  v('job', 'label_values(up{env=~"$env"}, job)', { multi: true, includeAll: true }),
  v('env', 'label_values(env)'),
  v('inst', 'label_values(up{job=~"$job"}, instance)', { sort: 2 }),
];

describe('resolveVariables', () => {
  it('resolves in dependency order, each once, defaults to first / All', async () => {
    const { calls, fetcher } = server();
    const r = await resolveVariables({ variables: chain, range, fetcher });
    expect(r.order).toEqual(['env', 'job', 'inst']);
    expect(calls).toEqual(['env', 'job up{env=~"prod"}', 'instance up{job=~"(api|db)"}']);
    expect(r.variables.env).toMatchObject({ value: 'prod', isAll: false });
    expect(r.variables.job).toMatchObject({ value: '$__all', text: 'All', isAll: true });
    expect(r.variables.inst?.options.map((o) => o.value)).toEqual([
      'up{job=~"(api|db)"}-2',
      'up{job=~"(api|db)"}-1',
    ]);
    expect(r.variables.inst?.value).toBe('up{job=~"(api|db)"}-2');
    expect(interpolate('x{env="$env",job=~"$job"}', r.scope)).toBe('x{env="prod",job=~"(api|db)"}');
  });
  it('keeps URL values that are still options, falls back otherwise', async () => {
    const { fetcher } = server();
    const r = await resolveVariables({
      variables: chain,
      range,
      fetcher,
      urlValues: { env: 'dev', job: ['web', 'gone'], inst: 'nope' },
    });
    expect(r.variables.env?.value).toBe('dev');
    expect(r.variables.job?.value).toEqual(['web']);
    expect(r.variables.inst?.value).toBe('up{job=~"web"}-2');
  });
  it('URL values flow down the chain: a child kept because the URL parent offers it', async () => {
    const { calls, fetcher } = server();
    const r = await resolveVariables({
      variables: chain,
      range,
      fetcher,
      // `up{job=~"web"}-1` is an option only when job = web, which only env = dev offers
      urlValues: { env: 'dev', job: ['web'], inst: 'up{job=~"web"}-1' },
    });
    expect(calls).toEqual(['env', 'job up{env=~"dev"}', 'instance up{job=~"web"}']);
    expect(r.variables.env?.value).toBe('dev');
    expect(r.variables.job).toMatchObject({ value: ['web'], isAll: false });
    expect(r.variables.inst?.value).toBe('up{job=~"web"}-1');
    expect(interpolate('x{env="$env",job=~"$job"}', r.scope)).toBe('x{env="dev",job=~"web"}');
    // the same URL without the parents: the child is not an option and falls back
    const bare = await resolveVariables({
      variables: chain,
      range,
      fetcher,
      urlValues: { inst: 'up{job=~"web"}-1' },
    });
    expect(bare.variables.inst?.value).toBe('up{job=~"(api|db)"}-2');
  });
  it('URL beats saved current; saved current used otherwise; $__all', async () => {
    const { fetcher } = server();
    const vars = chain.map((x) =>
      x.name === 'env'
        ? { ...x, current: 'dev' }
        : x.name === 'job'
          ? { ...x, current: ['api'] }
          : x,
    );
    const r1 = await resolveVariables({ variables: vars, range, fetcher });
    expect(r1.variables.env?.value).toBe('dev');
    expect(r1.variables.job?.value).toEqual(['api']);
    const r2 = await resolveVariables({
      variables: vars,
      range,
      fetcher,
      urlValues: { env: 'prod', job: '$__all' },
    });
    expect(r2.variables.env?.value).toBe('prod');
    expect(r2.variables.job?.isAll).toBe(true);
  });
  it('reports errors per variable and keeps the desired value', async () => {
    const { fetcher } = server();
    const r = await resolveVariables({
      variables: [
        v('bad', 'label_values(nolabel)'),
        v('ds', 'label_values(env)', { datasource: 'missing' }),
        v('parse', 'label_values(up, 1x)'),
        v('after', 'label_values(up{b="$bad"}, instance)'),
      ],
      range,
      fetcher,
      urlValues: { bad: 'kept' },
    });
    expect(r.variables.bad).toMatchObject({ value: 'kept', error: 'no label nolabel' });
    expect(r.scope.bad?.value).toBe('kept');
    expect(r.variables.ds?.error).toBe('Datasource missing not found');
    expect(r.variables.parse?.error).toMatch(/Invalid label_values/);
    expect(r.variables.after?.value).toBe('up{b="kept"}-1');
  });
  it('reports cycles without hanging', async () => {
    const { fetcher } = server();
    const r = await resolveVariables({
      variables: [v('a', '$b'), v('b', '$a'), v('c', 'label_values(env)')],
      range,
      fetcher,
      urlValues: { a: 'x' },
    });
    expect(r.order).toEqual(['c', 'a', 'b']);
    expect(r.variables.a?.error).toBe('Circular dependency: $a → $b → $a');
    expect(r.scope.a?.value).toBe('x');
    expect(r.scope.b).toBeUndefined();
  });
  it('custom, constant, textbox, interval, datasource', async () => {
    const { fetcher } = server();
    const r = await resolveVariables({
      variables: [
        { name: 'c', type: 'custom', query: 'A : a, B : b', multi: true },
        { name: 'k', type: 'constant', query: 'x.y' },
        { name: 't', type: 'textbox', query: 'default' },
        { name: 'i', type: 'interval', query: '1m,1h', auto: true, auto_count: 10 },
        { name: 'd', type: 'datasource', query: 'prometheus', regex: '/^Prom/' },
      ],
      range,
      fetcher,
      urlValues: { c: ['b'], t: 'typed', i: '$__auto_interval_i' },
    });
    expect(r.variables.c).toMatchObject({ value: ['b'], text: ['B'] });
    expect(r.scope.k?.value).toBe('x.y');
    expect(r.scope.t?.value).toBe('typed');
    expect(r.variables.i?.value).toBe('$__auto');
    expect(r.scope.i).toMatchObject({ value: '30m', raw: true });
    expect(r.variables.d?.options.map((o) => o.value)).toEqual(['Prom A', 'Prom B']);
    expect(r.variables.d?.value).toBe('Prom A');
  });
  it('uses built-ins and cached options', async () => {
    const { calls, fetcher } = server();
    const r = await resolveVariables({
      variables: [
        v('env', 'label_values(env)'),
        v('x', 'label_values(up{r="$__range"}, instance)'),
      ],
      range,
      fetcher,
      builtins: { __range: { value: '21600s', raw: true } },
      cachedOptions: { env: [{ text: 'cached', value: 'cached' }] },
    });
    expect(r.variables.env?.value).toBe('cached');
    expect(calls).toEqual(['instance up{r="21600s"}']);
  });
  it('refresh-on-load variables fetch over the load range, refresh 2 over the current one', async () => {
    const seen: Record<string, [number | undefined, number | undefined]> = {};
    const client: VariableClient = {
      labelNames: async () => ({ data: [] }),
      labelValues: async (label, q) => {
        seen[label] = [q?.startSec, q?.endSec];
        return { data: ['x'] };
      },
      series: async () => ({ data: [] }),
      query: async () => ({ data: { resultType: 'scalar', result: [0, '1'] } }),
    };
    const loadRange = { fromMs: 0, toMs: 60_000 };
    await resolveVariables({
      variables: [
        v('a', 'label_values(a)', { refresh: 1 }),
        v('b', 'label_values(b)', { refresh: 2 }),
      ],
      range,
      loadRange,
      fetcher: { client: () => client },
    });
    expect(seen.a).toEqual([0, 60]);
    expect(seen.b).toEqual([range.fromMs / 1000, range.toMs / 1000]);
  });
  it('custom all value reaches the scope', async () => {
    const { fetcher } = server();
    const r = await resolveVariables({
      variables: [
        v('env', 'label_values(env)', { includeAll: true, allValue: '.*', current: '$__all' }),
      ],
      range,
      fetcher,
    });
    expect(interpolate('x{e=~"$env"}', r.scope)).toBe('x{e=~".*"}');
  });
});

describe('selectValue', () => {
  const options = [
    { text: 'One', value: '1' },
    { text: 'Two', value: '2' },
  ];
  it('matches by value, then text', () => {
    expect(selectValue({ name: 'x', type: 'custom' }, options, 'Two')).toEqual({
      value: '2',
      text: 'Two',
      isAll: false,
    });
  });
  it('$__all without includeAll falls back to the first option', () => {
    expect(selectValue({ name: 'x', type: 'custom' }, options, '$__all').value).toBe('1');
  });
  it('no options: empty', () => {
    expect(selectValue({ name: 'x', type: 'custom', multi: true }, [], 'a').value).toEqual([]);
    expect(selectValue({ name: 'x', type: 'custom' }, [], undefined).value).toBe('');
  });
  it('multi de-duplicates', () => {
    expect(
      selectValue({ name: 'x', type: 'custom', multi: true }, options, ['1', 'One', '2']).value,
    ).toEqual(['1', '2']);
  });
});

describe('refreshesOn', () => {
  it('load always; time only for refresh 2 query/datasource variables', () => {
    expect(refreshesOn({ type: 'query', refresh: 0 }, 'load')).toBe(true);
    expect(refreshesOn({ type: 'query', refresh: 1 }, 'time')).toBe(false);
    expect(refreshesOn({ type: 'query', refresh: 2 }, 'time')).toBe(true);
    expect(refreshesOn({ type: 'custom', refresh: 2 }, 'time')).toBe(false);
  });
});

describe("variable names that are Object.prototype's members", () => {
  it('are names like any other: no prototype is changed or read', async () => {
    const { fetcher } = server();
    const r = await resolveVariables({
      variables: [
        { name: '__proto__', type: 'custom', query: 'a,b', current: 'b' },
        { name: 'constructor', type: 'custom', query: 'x,y' },
      ],
      range,
      fetcher,
      urlValues: JSON.parse('{"constructor":"y"}') as Record<string, string>,
    });
    expect(Object.getPrototypeOf(r.scope)).toBeNull();
    expect(interpolate('$__proto__/$constructor', r.scope)).toBe('b/y');
    expect(Object.keys(r.variables).sort()).toEqual(['__proto__', 'constructor']);
    expect({}).not.toHaveProperty('value');
  });
});
