import { beforeAll, describe, expect, it } from 'vitest';
import { loadPromQLParser } from '../variables/promql';
import type { Target } from '../model/dashboard';
import type { ScopeValue } from './env';
import { planTarget, type PlanInput, type TargetPlan } from './plan';

// a dashboard variable in a matcher needs the grammar (the app loads it on demand)
beforeAll(loadPromQLParser);

const S = 1000;
const H = 3_600_000;
// not on any step boundary, so alignment shows
const FROM = 1_700_000_012_345;
const TO = FROM + 24 * H;

const target = (expr: string, extra: Partial<Target> = {}): Target => ({
  refId: 'A',
  expr,
  legendFormat: '',
  interval: '',
  instant: false,
  hide: false,
  ...extra,
});

const planInput = (
  expr: string,
  extra: Partial<Target> = {},
  input: Partial<PlanInput> = {},
): PlanInput => ({
  panel: {},
  target: target(expr, extra),
  fromMs: FROM,
  toMs: TO,
  widthPx: 1000,
  scrapeIntervalMs: 15 * S,
  scope: {},
  dashboard: { uid: 'd1', title: 'Plan' },
  timeZone: 'UTC',
  ...input,
});

function plan(
  expr: string,
  extra: Partial<Target> = {},
  input: Partial<PlanInput> = {},
): TargetPlan {
  const r = planTarget(planInput(expr, extra, input));
  if ('error' in r) throw new Error(r.error);
  return r;
}

const RATE = 'rate(x[$__rate_interval]) $__interval $__interval_ms $__rate_interval_ms';

describe('planTarget: built-ins end to end', () => {
  it('no Min step: step from range / width, $__rate_interval from the datasource scrape', () => {
    // 24 h / 1000 px = 86.4 s → 1 m; rate = max(1 m + 15 s, 4 × 15 s) = 1m15s (exact, not "1m")
    const r = plan(RATE);
    expect(r.stepSec).toBe(60);
    expect(r.expr).toBe('rate(x[1m15s]) 1m 60000 75000');
  });

  it('Min step set: it is the step and the scrape of $__rate_interval (max(interval + it, 4 × it))', () => {
    // above the calculated step: 5 m; rate = max(1 m + 5 m, 20 m)
    const up = plan(RATE, { interval: '5m' });
    expect([up.stepSec, up.expr]).toEqual([300, 'rate(x[20m]) 5m 300000 1200000']);
    // below it: 20 s verbatim; rate = max(1 m + 20 s, 80 s) = 1m20s, not the 15 s scrape's 1m15s
    const down = plan(RATE, { interval: '20s' });
    expect([down.stepSec, down.expr]).toEqual([20, 'rate(x[1m20s]) 20s 20000 80000']);
  });

  it('Min step from a variable ($step), interpolated before the step is worked out', () => {
    const scope: Record<string, ScopeValue> = { step: { value: '5m', text: '5m' } };
    const r = plan(RATE, { interval: '$step' }, { scope });
    expect([r.stepSec, r.expr]).toEqual([300, 'rate(x[20m]) 5m 300000 1200000']);
  });

  it('Min step $__rate_interval: the rate interval is the step', () => {
    const r = plan(RATE, { interval: '$__rate_interval' });
    // $__interval keeps Grafana's floored text (FormatInterval); its _ms form is exact
    expect([r.stepSec, r.expr]).toEqual([75, 'rate(x[1m15s]) 1m 75000 75000']);
  });

  it('the datasource scrape interval is the base when no Min step is set', () => {
    const r = plan(RATE, {}, { scrapeIntervalMs: 30 * S });
    // interval max(1 m, 30 s) = 1 m; rate = max(1 m + 30 s, 2 m)
    expect(r.expr).toBe('rate(x[2m]) 1m 60000 120000');
  });

  it('$__range, $__from, $__to and their :date formats', () => {
    const r = plan(
      '$__range $__range_s $__range_ms $__from $__to ${__from:date} ${__from:date:iso} ' +
        '${__to:date:seconds} ${__from:date:YYYY-MM-DD HH:mm} $__dashboard',
    );
    expect(r.expr).toBe(
      [
        '86400s 86400 86400000',
        String(FROM),
        String(TO),
        new Date(FROM).toISOString(),
        new Date(FROM).toISOString(),
        String(Math.floor(TO / 1000)),
        '2023-11-14 22:13',
        'Plan',
      ].join(' '),
    );
  });

  it('variables are escaped for where they stand in the PromQL; built-ins are not', () => {
    const scope: Record<string, ScopeValue> = {
      job: { value: "a'b\\c", text: "a'b\\c" },
      inst: { value: ['x.1', 'y|2'], multi: true },
    };
    const r = plan('up{job="$job",instance=~"${inst}"}[$__interval]', {}, { scope });
    // the exact matcher's string holds a'b\c (Grafana's rule sent a\'b\c); the regex matcher
    // regex-escapes, then string-escapes
    expect(r.expr).toBe('up{job="a\'b\\\\c",instance=~"(x\\\\.1|y\\\\|2)"}[1m]');
  });
});

describe('planTarget: step, max data points, alignment', () => {
  it('start and end aligned to the step, never past the range end', () => {
    const r = plan('up');
    expect(r.startSec % 60).toBe(0);
    expect(r.endSec % 60).toBe(0);
    expect(r.startSec * 1000).toBeLessThanOrEqual(FROM);
    expect(r.endSec * 1000).toBeLessThanOrEqual(TO);
    expect(TO - r.endSec * 1000).toBeLessThan(60 * S);
  });

  it("the panel's max data points beats the width; its min interval raises the step", () => {
    // 24 h / 100 = 864 s → 15 m
    expect(plan('up', {}, { panel: { maxDataPoints: 100 } }).stepSec).toBe(900);
    expect(plan('up', {}, { panel: { interval: '10m' } }).stepSec).toBe(600);
  });

  it("a query's Resolution 1/N multiplies the calculated step, and $__interval with it (Grafana's backend)", () => {
    // 24 h / 1000 px = 86.4 s → 1 m, × 5
    const r = plan('rate(x[$__interval])', { intervalFactor: 5 });
    expect(r.stepSec).toBe(300);
    expect(r.expr).toBe('rate(x[5m])');
    // a literal Min step is used as it is
    expect(plan('up', { intervalFactor: 5, interval: '30s' }).stepSec).toBe(30);
  });

  it('never more than 11 000 points, however many the panel asks for', () => {
    const r = plan('up', {}, { panel: { maxDataPoints: 1_000_000 }, scrapeIntervalMs: 1 });
    expect((r.endSec - r.startSec) / r.stepSec).toBeLessThanOrEqual(11_000);
    expect(r.stepSec).toBe(10);
  });

  it('instant queries end at the range end', () => {
    const r = plan('up', { instant: true });
    expect(r.instant).toBe(true);
    expect(r.endSec).toBe(TO / 1000);
  });

  it('reports a Min step or Min interval that is not a duration', () => {
    const bad = planTarget(planInput('up', { interval: 'soon' }));
    expect(bad).toEqual({ error: 'Min step "soon" is not a duration (e.g. 30s, 1m)' });
    const badPanel = planTarget(planInput('up', {}, { panel: { interval: 'soon' } }));
    expect(badPanel).toEqual({ error: 'Min interval "soon" is not a duration' });
  });
});

describe('planTarget: the grid is UTC multiples of the step whatever the zone (issue 14)', () => {
  it('Asia/Kathmandu (+05:45) asks for the same start/end as UTC', () => {
    // 6 h over 720 px → 30 s; a Min step of 30m makes the zone offset (:45) visible
    const utc = plan('x', { interval: '30m' });
    for (const timeZone of ['Asia/Kathmandu', 'America/New_York', 'browser']) {
      const zoned = plan('x', { interval: '30m' }, { timeZone });
      expect([zoned.startSec, zoned.endSec, zoned.stepSec]).toEqual([
        utc.startSec,
        utc.endSec,
        utc.stepSec,
      ]);
    }
    expect(utc.startSec % 1800).toBe(0);
    expect(utc.endSec % 1800).toBe(0);
  });
});
