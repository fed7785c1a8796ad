import { describe, expect, it } from 'vitest';
import { PrometheusClient } from '../prometheus/client';
import { fetchTarget, type TargetRequest } from '../prometheus/queries';
import type { AlertsResult } from '../prometheus/types';
import { alertsToFrame } from '../prometheus/alerts';
import { fetchExemplars } from '../prometheus/exemplars';
import { alertsAnswerOf, answerOf, exemplarsAnswerOf, matrixOf } from './answers';
import type { CapturedAnswer } from './format';
import { exprShape, replayFetch, snapshotUrl } from './replay';

const signal = new AbortController().signal;
const plan: TargetRequest = {
  refId: 'A',
  expr: 'rate(x[1m])',
  instant: false,
  startSec: 600,
  endSec: 1200,
  stepSec: 60,
};
const matrix = {
  resultType: 'matrix',
  result: [
    {
      metric: { dc: 'fra' },
      values: [600, 660, 720, 780, 840, 960, 1020, 1080, 1140, 1200].map((t) => [t, String(t / 7)]),
    },
    {
      metric: { dc: 'ams' },
      values: [
        [660, '+Inf'],
        [720, '-2.5e-7'],
      ],
    },
  ],
};

/** A live answer for `plan`, as the real client and frame code build it. */
async function live(p: TargetRequest, data: unknown) {
  const client = new PrometheusClient({ url: 'http://prom' }, async () =>
    Response.json({ status: 'success', data, warnings: ['w1'] }),
  );
  return fetchTarget(client, p, signal);
}

function replayClient(answers: CapturedAnswer[], ds = 'fixture') {
  return new PrometheusClient({ url: snapshotUrl(ds) }, replayFetch(answers, ds));
}

describe('captured answers replay as the same frames', () => {
  it('range: the replayed frame equals the live one, warnings included', async () => {
    const r = await live(plan, matrix);
    const answer = answerOf('fixture', plan, r);
    const again = await fetchTarget(replayClient([answer]), plan, signal);
    expect(again.frame).toEqual(r.frame);
    expect(again.warnings).toEqual(['w1']);
    expect(Number.isNaN(again.frame!.series[0]!.values[5]!)).toBe(true); // the gap stays a gap
  });

  it('instant: the same rows', async () => {
    const p = { ...plan, instant: true };
    const vector = {
      resultType: 'vector',
      result: [{ metric: { dc: 'fra' }, value: [1200, '12.25'] }],
    };
    const r = await live(p, vector);
    const again = await fetchTarget(replayClient([answerOf('fixture', p, r)]), p, signal);
    expect(again.rows).toEqual(r.rows);
  });

  it('native histograms travel beside the float series', async () => {
    const h = { count: '3', sum: '1', buckets: [[0, '0', '1', '3']] };
    const data = {
      resultType: 'matrix',
      result: [{ metric: { __name__: 'h' }, histograms: [[600, h]] }],
    };
    const r = await live(plan, data);
    expect(matrixOf(r).result).toEqual([{ metric: { __name__: 'h' }, histograms: [[600, h]] }]);
  });

  it('a zoom inside the capture shows the captured points, on their own times', async () => {
    const answer = answerOf('fixture', plan, await live(plan, matrix));
    // the viewer asks a finer grid over [780, 1020]
    const zoom = { ...plan, expr: 'rate(x[30s])', startSec: 780, endSec: 1020, stepSec: 20 };
    const r = await fetchTarget(replayClient([answer]), zoom, signal);
    expect(r.frame!.offGrid).toBe(true);
    expect([...r.frame!.times]).toEqual([720, 780, 840, 960, 1020]);
    expect(r.frame!.series[0]!.values[1]).toBe(780 / 7);
  });

  it('the same step inside the capture: the slice on the grid', async () => {
    const answer = answerOf('fixture', plan, await live(plan, matrix));
    const zoom = { ...plan, startSec: 780, endSec: 960 };
    const r = await fetchTarget(replayClient([answer]), zoom, signal);
    expect(r.frame!.offGrid).toBeUndefined();
    expect([...r.frame!.series[0]!.values]).toEqual([780 / 7, 840 / 7, NaN, 960 / 7]);
  });

  it('what was not captured says so and sends nothing; POST bodies are read too', async () => {
    const answer = answerOf('fixture', plan, await live(plan, matrix));
    const other = { ...plan, expr: 'up' };
    await expect(fetchTarget(replayClient([answer]), other, signal)).rejects.toThrow(
      /Not in this snapshot: "up" from 1970-01-01T00:10:00Z to 1970-01-01T00:20:00Z/,
    );
    // another datasource's answers are not this one's
    await expect(fetchTarget(replayClient([answer], 'other'), plan, signal)).rejects.toThrow(
      /Not in this snapshot/,
    );
    const long = { ...plan, expr: `sum(x) + ${'0 + '.repeat(600)}0` };
    const big = answerOf('fixture', long, await live(long, matrix));
    const r = await fetchTarget(replayClient([big]), long, signal);
    expect(r.frame!.series).toHaveLength(2);
  });

  it('a captured failure fails the same way', async () => {
    const failed = answerOf('fixture', plan, new Error('bad_data: parse error at char 3'));
    await expect(fetchTarget(replayClient([failed]), plan, signal)).rejects.toThrow(
      'bad_data: parse error at char 3',
    );
  });

  it('alerts are captured as the API answer that reads back as the same AlertFrame', () => {
    const wire: AlertsResult = {
      alerts: [
        {
          labels: { alertname: 'A' },
          annotations: { summary: 's' },
          state: 'firing',
          activeAt: '2024-01-01T09:00:00.5Z',
          value: '1.5',
        },
        { labels: {}, annotations: {}, state: 'inactive', value: '-Inf' },
      ],
    };
    const frame = alertsToFrame(wire);
    expect(alertsToFrame(alertsAnswerOf(frame))).toEqual(frame);
    expect(alertsAnswerOf(frame).alerts[0]).toEqual({
      ...wire.alerts[0]!,
      activeAt: '2024-01-01T09:00:00.500Z',
    });
  });

  it('alerts are replayed; other endpoints are not in a snapshot', async () => {
    const alerts = { alerts: [] };
    const c = replayClient([{ ds: 'fixture', path: 'alerts', data: alerts }]);
    expect((await c.alerts()).data).toEqual(alerts);
    await expect(c.labelNames({})).rejects.toThrow(/Not in this snapshot: \/api\/v1\/labels/);
  });

  it('range selectors are what a zoom may change', () => {
    expect(exprShape('rate(x[5m]) / rate(y[1m:30s])')).toBe('rate(x[])/rate(y[])');
  });
});

describe('exemplars in a snapshot', () => {
  const list = [
    { seriesLabels: { le: '0.5' }, labels: { trace_id: 'a' }, value: 0.3, timeSec: 700.123 },
    { seriesLabels: { le: '0.5' }, labels: { trace_id: 'b' }, value: 0.4, timeSec: 1100 },
    { seriesLabels: { le: '+Inf' }, labels: { trace_id: 'c' }, value: 7, timeSec: 900 },
  ];
  const captured: CapturedAnswer = {
    ds: 'p',
    path: 'query_exemplars',
    expr: 'x_bucket',
    start: 600,
    end: 1200,
    data: exemplarsAnswerOf(list),
  };
  const client = new PrometheusClient({ url: snapshotUrl('p') }, replayFetch([captured], 'p'));
  const sorted = [...list].sort((a, b) => a.timeSec - b.timeSec);

  it('gives the captured exemplars back as the API sent them', async () => {
    const got = await fetchExemplars(client, { expr: 'x_bucket', startSec: 600, endSec: 1200 });
    expect(got).toEqual(sorted);
  });
  it('a zoom inside the capture gets the exemplars inside its window', async () => {
    const got = await fetchExemplars(client, { expr: 'x_bucket', startSec: 800, endSec: 1000 });
    expect(got.map((e) => e.labels.trace_id)).toEqual(['c']);
  });
  it('another expression is not in the snapshot', async () => {
    await expect(
      fetchExemplars(client, { expr: 'y_bucket', startSec: 600, endSec: 1200 }),
    ).rejects.toThrow(/Not in this snapshot: the exemplars of "y_bucket"/);
  });
});
