import { describe, expect, it } from 'vitest';
import { checkJsonDepth, checkTextSize, MAX_DASHBOARD_BYTES } from './limits';

describe('JSON limits', () => {
  it('accepts 64 levels and names the place of the 65th', () => {
    const nest = (n: number) => {
      let v: unknown = 1;
      for (let i = 0; i < n; i++) v = { a: v };
      return v;
    };
    expect(checkJsonDepth(nest(64))).toBeNull();
    expect(checkJsonDepth({ panels: [{ options: nest(10_000) }] })).toBe(
      'panels[0].options.a.a.a…a.a.a: nested deeper than 64 levels (Scry accepts at most 64)',
    );
  });

  it('quotes keys that are not identifiers', () => {
    expect(checkJsonDepth({ 'a b': [[[1]]] }, 2)).toBe(
      '["a b"][0]: nested deeper than 2 levels (Scry accepts at most 2)',
    );
  });

  it('states the size limit', () => {
    expect(checkTextSize('x'.repeat(MAX_DASHBOARD_BYTES + 1))).toBe(
      'The dashboard JSON is 10.0 MB; Scry accepts at most 10.0 MB',
    );
  });
});
