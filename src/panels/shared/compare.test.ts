import { describe, expect, it } from 'vitest';
import { attachPast } from './compare';

const f = (...v: number[]) => Float64Array.from(v);

describe('attachPast', () => {
  const now = [
    { key: 'A\u0000x', values: f(1, 2) },
    { key: 'A\u0000y', values: f(3, 4) },
  ];
  it('matches past series by key and puts them on the present grid', () => {
    const out = attachPast(
      now,
      f(100, 110),
      { times: f(40, 50), series: [{ key: 'A\u0000x', values: f(9, 8) }] },
      60,
    );
    expect([...out[0]!.past!]).toEqual([9, 8]);
    expect(out[1]!.past).toBeUndefined();
  });
  it('without a past answer the series are unchanged', () => {
    expect(attachPast(now, f(100, 110), undefined, 60)).toEqual(now);
  });
});
