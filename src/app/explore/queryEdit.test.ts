import { describe, expect, it } from 'vitest';
import { addFilter, addGroupBy } from './queryEdit';
import { HISTORY_MAX, pushHistory } from './history';

describe('addGroupBy', () => {
  it('extends an existing sum by', () => {
    expect(addGroupBy('sum by (le) (rate(x_bucket[5m]))', 'job')).toBe(
      'sum by (le, job) (rate(x_bucket[5m]))',
    );
    expect(addGroupBy('sum by (job) (rate(x[5m]))', 'job')).toBe('sum by (job) (rate(x[5m]))');
  });
  it('wraps anything else', () => {
    expect(addGroupBy('x', 'dc')).toBe('sum by (dc) (x)');
  });
});

describe('addFilter', () => {
  it('adds a matcher to each selector of the metric family', () => {
    expect(addFilter('sum by (le) (rate(x_bucket[5m]))', 'x', 'job', 'a')).toBe(
      'sum by (le) (rate(x_bucket{job="a"}[5m]))',
    );
    expect(addFilter('x{dc="ams"} + x{job="b"}', 'x', 'job', 'a')).toBe(
      'x{dc="ams", job="a"} + x{job="a"}',
    );
  });
  it('leaves other metrics alone', () => {
    expect(addFilter('xy + x_total', 'x', 'a', 'b"c')).toBe('xy + x_total{a="b\\"c"}');
    expect(addFilter('y', 'x', 'a', 'b')).toBe('y');
  });
});

describe('pushHistory', () => {
  it('moves a repeated query to the top and caps the list', () => {
    const base = Array.from({ length: HISTORY_MAX }, (_, i) => ({ expr: `q${i}`, ds: '', at: i }));
    const next = pushHistory(base, { expr: 'q3', ds: '', at: 99 });
    expect(next[0]).toEqual({ expr: 'q3', ds: '', at: 99 });
    expect(next).toHaveLength(HISTORY_MAX);
    expect(next.filter((e) => e.expr === 'q3')).toHaveLength(1);
    expect(pushHistory(base, { expr: 'new', ds: '', at: 1 })).toHaveLength(HISTORY_MAX);
  });
});
