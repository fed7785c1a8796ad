import { describe, expect, it } from 'vitest';
import { diffJson, showValue } from './diff';

describe('diffJson', () => {
  it('lists changed leaves with their paths, panels matched by id', () => {
    const a = {
      title: 'One',
      version: 1,
      panels: [
        { id: 1, title: 'A', targets: [{ expr: 'up' }] },
        { id: 2, title: 'B', targets: [] },
      ],
    };
    const b = {
      title: 'Three',
      version: 3,
      panels: [
        { id: 3, title: 'New', targets: [] },
        { id: 1, title: 'A', targets: [{ expr: 'rate(x[5m])' }] },
      ],
    };
    expect(diffJson(a, b, ['version'])).toEqual([
      { path: 'title', kind: 'changed', before: 'One', after: 'Three' },
      { path: 'panels[id=1].targets[0].expr', kind: 'changed', before: 'up', after: 'rate(x[5m])' },
      { path: 'panels[id=2]', kind: 'removed', before: { id: 2, title: 'B', targets: [] } },
      { path: 'panels[id=3]', kind: 'added', after: { id: 3, title: 'New', targets: [] } },
    ]);
  });

  it('compares other arrays by index and quotes odd keys; equal values give nothing', () => {
    expect(diffJson({ tags: ['a', 'b'], 'x y': 1 }, { tags: ['a'], 'x y': 2 })).toEqual([
      { path: 'tags[1]', kind: 'removed', before: 'b' },
      { path: '["x y"]', kind: 'changed', before: 1, after: 2 },
    ]);
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  it('shows values as short JSON', () => {
    expect(showValue('x'.repeat(200), 5)).toBe('"xxxx…');
    expect(showValue(undefined)).toBe('');
  });
});
