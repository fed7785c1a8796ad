import { describe, expect, it } from 'vitest';
import { builtinScope } from './builtins';
import { BUILTIN_VARIABLE_NAMES } from '../model/templateSyntax';
import { interpolate } from './interpolate';

const input = {
  fromMs: 1_600_000_000_000,
  toMs: 1_600_000_000_000 + 6 * 3_600_000 + 400,
  intervalMs: 90_000,
  rateIntervalMs: 150_000,
  dashboard: { uid: 'abc', title: "Node's \\ overview" },
  timeZone: 'Europe/Paris',
};

describe('builtinScope', () => {
  const scope = builtinScope(input);
  it('gives every Grafana global as raw text', () => {
    const values = Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, v.value]));
    expect(values).toEqual({
      __interval: '1m',
      __interval_ms: '90000',
      __rate_interval: '2m30s',
      __rate_interval_ms: '150000',
      __range: '21600s',
      __range_s: '21600',
      __range_ms: '21600400',
      __from: '1600000000000',
      __to: '1600021600400',
      __dashboard: "Node's \\ overview",
      __timezone: 'Europe/Paris',
    });
    for (const v of Object.values(scope)) expect(v.raw).toBe(true);
  });
  it('interpolates without escaping', () => {
    expect(interpolate('rate(x[$__rate_interval]) $__dashboard', scope)).toBe(
      "rate(x[2m30s]) Node's \\ overview",
    );
    expect(interpolate('${__range_s}s $__interval_ms', scope)).toBe('21600s 90000');
    expect(interpolate('${__to:date:seconds}', scope)).toBe('1600021600');
  });
  it('rounds the range to seconds and never goes negative', () => {
    const s = builtinScope({ ...input, toMs: input.fromMs + 1500 });
    expect(s.__range?.value).toBe('2s');
    const neg = builtinScope({ ...input, toMs: input.fromMs - 5000 });
    expect(neg.__range?.value).toBe('0s');
    expect(neg.__range_ms?.value).toBe('0');
  });
  it('rounds fractional ms and small intervals', () => {
    const s = builtinScope({ ...input, intervalMs: 0.4, rateIntervalMs: 15_000.6 });
    expect(s.__interval?.value).toBe('1ms');
    expect(s.__interval_ms?.value).toBe('0');
    expect(s.__rate_interval?.value).toBe('15s1ms');
    expect(builtinScope({ ...input, rateIntervalMs: 75_000 }).__rate_interval?.value).toBe('1m15s');
    expect(builtinScope({ ...input, rateIntervalMs: 0 }).__rate_interval?.value).toBe('1ms');
    expect(s.__rate_interval_ms?.value).toBe('15001');
  });
});

describe('the built-in names the editor offers', () => {
  it('are exactly the built-ins interpolation substitutes', () => {
    const scope = builtinScope({
      fromMs: 0,
      toMs: 60_000,
      intervalMs: 1000,
      rateIntervalMs: 60_000,
      dashboard: { uid: 'u', title: 't' },
      timeZone: 'utc',
    });
    expect(Object.keys(scope).sort()).toEqual([...BUILTIN_VARIABLE_NAMES].sort());
  });
});
