import { beforeEach, describe, expect, it } from 'vitest';
import {
  allDatasources,
  headerRecord,
  pickDatasource,
  useDatasources,
  type Datasource,
} from './datasources';

const ds = (name: string, extra: Partial<Datasource> = {}): Datasource => ({
  id: name,
  name,
  url: `http://${name}`,
  scrapeInterval: '15s',
  headers: [],
  isDefault: false,
  maxConcurrent: 6,
  ...extra,
});

describe('datasource helpers', () => {
  it('an own datasource shadows a provisioned one of the same name', () => {
    const list = allDatasources({
      own: [ds('a')],
      provisioned: [ds('a', { url: 'http://other' }), ds('b')],
    });
    expect(list.map((d) => [d.name, d.url])).toEqual([
      ['a', 'http://a'],
      ['b', 'http://b'],
    ]);
  });

  it('picks by name, else the default, else the first; a missing name is not silently replaced', () => {
    const list = [ds('a'), ds('b', { isDefault: true })];
    expect(pickDatasource(list, 'a')?.name).toBe('a');
    expect(pickDatasource(list, undefined)?.name).toBe('b');
    expect(pickDatasource([ds('x')], undefined)?.name).toBe('x');
    expect(pickDatasource(list, 'nope')).toBeUndefined();
  });

  it('drops blank header names', () => {
    expect(
      headerRecord({
        headers: [
          { name: ' X-Scope-OrgID ', value: 't' },
          { name: '', value: 'v' },
        ],
      }),
    ).toEqual({
      'X-Scope-OrgID': 't',
    });
  });
});

describe('datasource store', () => {
  beforeEach(() => useDatasources.setState({ own: [], provisioned: [] }));

  it('makes the first datasource the default, and only one default at a time', () => {
    const s = useDatasources.getState();
    const a = s.add({
      name: 'a',
      url: 'http://a',
      scrapeInterval: '15s',
      headers: [],
      maxConcurrent: 6,
    });
    expect(a.isDefault).toBe(true);
    const b = s.add({
      name: 'b',
      url: 'http://b',
      scrapeInterval: '15s',
      headers: [],
      maxConcurrent: 6,
      isDefault: true,
    });
    const own = useDatasources.getState().own;
    expect(own.find((d) => d.id === a.id)?.isDefault).toBe(false);
    expect(own.find((d) => d.id === b.id)?.isDefault).toBe(true);
  });

  it('a provisioned default yields to a user default', () => {
    const s = useDatasources.getState();
    s.add({ name: 'mine', url: 'http://m', scrapeInterval: '15s', headers: [], maxConcurrent: 6 });
    s.setProvisioned([ds('prov', { isDefault: true })]);
    expect(useDatasources.getState().provisioned[0]).toMatchObject({
      provisioned: true,
      isDefault: false,
    });
  });

  it('merge adds and replaces by id; the default in effect stays the default', () => {
    const s = useDatasources.getState();
    const a = s.add({
      name: 'a',
      url: 'http://a',
      scrapeInterval: '15s',
      headers: [],
      maxConcurrent: 6,
    });
    s.merge([
      { ...a, url: 'http://a2', isDefault: false },
      { ...ds('b', { isDefault: true }), provisioned: undefined },
    ]);
    const own = useDatasources.getState().own;
    expect(own.map((d) => [d.id, d.url, d.isDefault])).toEqual([
      [a.id, 'http://a2', true],
      ['b', ds('b').url, false],
    ]);
    // into an empty list, an incoming default becomes the default
    useDatasources.setState({ own: [] });
    useDatasources.getState().merge([ds('c'), ds('d', { isDefault: true })]);
    expect(useDatasources.getState().own.map((d) => d.isDefault)).toEqual([false, true]);
  });
});
