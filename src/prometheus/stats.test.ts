import { describe, expect, it } from 'vitest';
import { parseQueryStats, sumCosts } from './stats';

// Prometheus 2.42's answer to query_range?…&stats=all (without the per-step feature flag)
const recorded = {
  timings: {
    evalTotalTime: 0.000447689,
    resultSortTime: 0,
    queryPreparationTime: 0.000047917,
    innerEvalTime: 0.000366183,
    execQueueTime: 0.000019708,
    execTotalTime: 0.000478045,
  },
  samples: { totalQueryableSamples: 2883, peakSamples: 12 },
};

describe('parseQueryStats', () => {
  it('reads samples, peak samples and the server time', () => {
    expect(parseQueryStats(recorded)).toEqual({
      samples: 2883,
      peakSamples: 12,
      serverSec: 0.000478045,
    });
  });
  it('ignores what is absent or not a number (other backends, hostile answers)', () => {
    expect(parseQueryStats(undefined)).toBeUndefined();
    expect(parseQueryStats({ seriesFetched: '3' })).toBeUndefined();
    expect(parseQueryStats({ samples: { totalQueryableSamples: '9', peakSamples: -1 } })).toBe(
      undefined,
    );
    expect(parseQueryStats({ timings: { evalTotalTime: 0.5 } })).toEqual({ serverSec: 0.5 });
  });
});

describe('sumCosts', () => {
  it('adds samples, time, bytes, series and points; the peak is the largest', () => {
    expect(
      sumCosts([
        { series: 2, points: 10, samples: 100, peakSamples: 7, serverSec: 0.5, bytes: 50 },
        { series: 1, points: 5, samples: 20, peakSamples: 9 },
      ]),
    ).toEqual({ series: 3, points: 15, samples: 120, peakSamples: 9, serverSec: 0.5, bytes: 50 });
  });
});
