import { describe, expect, it } from 'vitest';
import type { DsContext } from './datasource';
import { convertVariables, variableQueryText } from './variables';
import { Notes } from './util';

const ds: DsContext = {
  dsVariables: new Set(['datasource']),
  inputs: new Set(['DS_PROMETHEUS']),
  names: ['prom'],
  defaultDatasource: undefined,
};
const convert = (list: unknown[]) => {
  const notes = new Notes();
  const vars = convertVariables({ templating: { list } }, ds, notes);
  return { vars, notes: notes.list.map((n) => `${n.level} ${n.path}: ${n.message}`) };
};

describe('variableQueryText', () => {
  it.each([
    ['label_values(up, job) ', 'label_values(up, job)'],
    [{ query: 'label_values(up, job)', refId: 'StandardVariableQuery' }, 'label_values(up, job)'],
    [{ qryType: 1, label: 'job', metric: 'up', refId: 'x' }, 'label_values(up, job)'],
    [{ qryType: 1, label: 'job' }, 'label_values(job)'],
    [{ qryType: 0 }, 'label_names()'],
    [{ qryType: 2, metric: 'node_.*' }, 'metrics(node_.*)'],
    [42, undefined],
  ])('%j → %j', (raw, want) => {
    expect(variableQueryText(raw)).toBe(want);
  });
});

describe('convertVariables', () => {
  it('converts a chained query variable with All, multi, regex, sort, refresh and hide', () => {
    const { vars, notes } = convert([
      {
        type: 'datasource',
        name: 'datasource',
        query: 'prometheus',
        current: { text: 'default', value: 'default' },
      },
      {
        type: 'query',
        name: 'job',
        label: 'Job',
        datasource: { type: 'prometheus', uid: '${datasource}' },
        query: { query: 'label_values(up{cluster="$cluster"}, job)', refId: 'A' },
        definition: 'label_values(up{cluster="$cluster"}, job)',
        regex: '/(.*)-prod/',
        sort: 1,
        refresh: 2,
        hide: 0,
        multi: true,
        includeAll: true,
        allValue: '.*',
        current: { text: ['All'], value: ['$__all'] },
        options: [{ text: 'a', value: 'a' }],
        tagsQuery: '',
        useTags: false,
      },
    ]);
    expect(vars).toEqual([
      { name: 'datasource', type: 'datasource', query: 'prometheus' },
      {
        name: 'job',
        type: 'query',
        label: 'Job',
        datasource: '$datasource',
        query: 'label_values(up{cluster="$cluster"}, job)',
        regex: '/(.*)-prod/',
        sort: 1,
        refresh: 2,
        hide: 0,
        multi: true,
        includeAll: true,
        allValue: '.*',
        current: '$__all',
      },
    ]);
    expect(notes).toEqual([]);
  });

  it('keeps query_result, a custom list with spaces, constant, textbox and interval variables', () => {
    const { vars } = convert([
      {
        type: 'query',
        name: 'ns',
        datasource: 'prom',
        query: 'query_result(sum by (ns) (up))',
        regex: '/ns="([^"]+)"/',
      },
      {
        type: 'custom',
        name: 'resolution',
        query: '1s, 15s, 30s',
        current: { text: '15s', value: '15s' },
      },
      { type: 'constant', name: 'prefix', query: 'node_', hide: 2 },
      { type: 'textbox', name: 'filter', query: 'api', current: { value: '' } },
      {
        type: 'interval',
        name: 'interval',
        query: '5m,10m,30m',
        auto: true,
        auto_count: 300,
        auto_min: '10s',
        current: { text: 'auto', value: '$__auto_interval_interval' },
      },
    ]);
    expect(vars).toEqual([
      {
        name: 'ns',
        type: 'query',
        datasource: 'prom',
        query: 'query_result(sum by (ns) (up))',
        regex: '/ns="([^"]+)"/',
      },
      { name: 'resolution', type: 'custom', query: '1s, 15s, 30s', current: '15s' },
      { name: 'prefix', type: 'constant', query: 'node_', hide: 2, current: 'node_' },
      { name: 'filter', type: 'textbox', query: 'api', current: '' },
      {
        name: 'interval',
        type: 'interval',
        query: '5m,10m,30m',
        current: 'auto',
        auto: true,
        auto_count: 300,
        auto_min: '10s',
      },
    ]);
  });

  it('reads current values: a list for multi, the first for single, none when empty', () => {
    const { vars } = convert([
      { type: 'custom', name: 'a', query: 'x,y', multi: true, current: { value: ['x', 'y'] } },
      { type: 'custom', name: 'b', query: 'x,y', current: { value: ['y'] } },
      { type: 'query', name: 'c', query: 'label_values(c)', current: {} },
      { type: 'query', name: 'd', query: 'label_values(d)', current: { text: '', value: '' } },
      {
        type: 'query',
        name: 'e',
        query: 'label_values(e)',
        current: { text: 'All', value: '$__all' },
      },
    ]);
    expect(vars.map((v) => v.current)).toEqual([['x', 'y'], 'y', undefined, undefined, '$__all']);
  });

  it('drops adhoc variables, invalid names and duplicates with warnings', () => {
    const { vars, notes } = convert([
      { type: 'adhoc', name: 'filters' },
      { type: 'custom', name: 'my-var', query: 'a' },
      { type: 'custom', name: 'ok', query: 'a' },
      { type: 'custom', name: 'ok', query: 'b' },
    ]);
    expect(vars.map((v) => v.name)).toEqual(['ok']);
    expect(notes).toEqual([
      'warning templating.list[0]: Variable "filters" of type "adhoc" is not supported and was dropped (ad hoc filters are not applied to queries)',
      'warning templating.list[1]: Variable name "my-var" is not valid in Scry (letters, digits and _ only); the variable was dropped and $my-var will not be replaced',
      'warning templating.list[3]: Duplicate variable "ok" dropped',
    ]);
  });

  it('maps a datasource variable selection to a configured name, else leaves it to the default', () => {
    const { vars, notes } = convert([
      {
        type: 'datasource',
        name: 'ds1',
        query: 'prometheus',
        current: { text: 'Prom', value: 'P123' },
      },
      {
        type: 'datasource',
        name: 'ds2',
        query: 'prometheus',
        current: { text: 'dev-cortex', value: 'dev-cortex' },
      },
    ]);
    expect(vars.map((v) => v.current)).toEqual(['prom', undefined]);
    expect(notes).toEqual([
      'info templating.list[1]: Datasource variable "ds2": "dev-cortex" is not configured in Scry; it starts on the default datasource',
    ]);
  });

  it('drops a query variable on a non-Prometheus datasource', () => {
    const { vars, notes } = convert([
      {
        type: 'query',
        name: 'svc',
        datasource: { type: 'loki', uid: 'l' },
        query: 'label_values(app)',
      },
    ]);
    expect(vars).toEqual([]);
    expect(notes).toEqual([
      'warning templating.list[0]: Variable "svc" queries loki, not Prometheus; it was dropped',
    ]);
  });
});
