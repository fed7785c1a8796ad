import { expect, test } from '@playwright/test';
import { promApi, type Vector } from './support/app';
import { DATASET, DCS } from './fixture/env';
import { temperature } from './fixture/dataset.mjs';

// The fixture itself: the backfilled history is exactly what dataset.mjs says, and the live
// service is being scraped. Every other spec leans on both.

test('backfilled samples equal the dataset formulas', async () => {
  for (const k of [0, 1, 400, 1440]) {
    const got = await promApi<Vector>('/api/v1/query', {
      query: 'scry_temperature_celsius',
      time: (DATASET.startMs + k * DATASET.stepMs) / 1000,
    });
    const byDc = Object.fromEntries(got.result.map((s) => [s.metric.dc, Number(s.value[1])]));
    DCS.forEach((dc, d) => expect(byDc[dc], `${dc} at k=${k}`).toBe(temperature(d, k)));
  }
  const many = await promApi<Vector>('/api/v1/query', {
    query: 'count(scry_many_series)',
    time: DATASET.endMs / 1000,
  });
  expect(Number(many.result[0]!.value[1])).toBe(DATASET.manySeries);
});

test('the live demo service is scraped and its traffic counted', async () => {
  await expect
    .poll(async () => {
      const r = await promApi<Vector>('/api/v1/query', {
        query: 'sum(http_requests_total{job="cat-service"})',
      });
      return Number(r.result[0]?.value[1] ?? 0);
    })
    .toBeGreaterThan(0);
});
