import { describe, expect, it } from 'vitest';
import type { Exemplar } from '../../model/exemplar';
import { exemplarPoints, queryScales } from './exemplarPoints';

const ex = (value: number): Exemplar => ({
  seriesLabels: { le: '0.25' },
  labels: { trace_id: `t${value}` },
  value,
  timeSec: 1_800_000_000,
});

describe('exemplarPoints', () => {
  it('puts each dot on the scale of its query’s first series; a query without series on the first', () => {
    const r = exemplarPoints(
      {
        results: [
          { refId: 'A', exemplars: [ex(1)] },
          { refId: 'B', exemplars: [ex(0.2), ex(0.3)] },
          { refId: 'C', exemplars: [ex(5)] },
        ],
        warnings: [],
        linkTemplate: 'https://t/${trace_id}',
      },
      queryScales([
        { refId: 'A', scale: undefined },
        { refId: 'B', scale: 'y2' },
        { refId: 'B', scale: 'y3' },
      ]),
    );
    expect(r.points.map((p) => [p.refId, p.exemplar.value, p.scale])).toEqual([
      ['A', 1, undefined],
      ['B', 0.2, 'y2'],
      ['B', 0.3, 'y2'],
      ['C', 5, undefined],
    ]);
    expect(r.linkTemplate).toBe('https://t/${trace_id}');
  });
});
