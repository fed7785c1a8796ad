import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RANGE,
  describeRange,
  isRelative,
  msRangeToUrl,
  parseTimeExpr,
  quickRanges,
  rangeFromUrl,
  rangeToUrl,
  resolveRange,
  resolveShownRange,
  shiftRange,
  timeFromUrl,
  zoomOut,
} from './range';

const H = 3_600_000;
const D = 24 * H;
// Thursday 2026-01-15 10:30:45.500 UTC
const NOW = Date.UTC(2026, 0, 15, 10, 30, 45, 500);
const NY = 'America/New_York';

function at(expr: string, opts: { roundUp?: boolean; timeZone?: string; nowMs?: number } = {}) {
  const r = parseTimeExpr(expr, { nowMs: NOW, timeZone: 'utc', ...opts });
  if (!r.ok) throw new Error(r.error);
  return r.ms;
}

function errorOf(expr: string, timeZone = 'utc'): string {
  const r = parseTimeExpr(expr, { nowMs: NOW, timeZone });
  return r.ok ? `parsed as ${r.ms}` : r.error;
}

describe('relative expressions', () => {
  it.each([
    ['now', NOW],
    ['now-6h', NOW - 6 * H],
    ['now+1h', NOW + H],
    ['now - 6h', NOW - 6 * H],
    ['now-15m', NOW - 15 * 60_000],
    ['now-30s', NOW - 30_000],
    ['now-1d', NOW - D],
    ['now-2w', NOW - 14 * D],
    ['now-1M', Date.UTC(2025, 11, 15, 10, 30, 45, 500)],
    ['now-1Q', Date.UTC(2025, 9, 15, 10, 30, 45, 500)],
    ['now-2y', Date.UTC(2024, 0, 15, 10, 30, 45, 500)],
    ['now-h', NOW - H],
  ])('%s', (expr, ms) => {
    expect(at(expr)).toBe(ms);
  });

  it.each([
    ['now/d', Date.UTC(2026, 0, 15), Date.UTC(2026, 0, 16) - 1],
    ['now-1d/d', Date.UTC(2026, 0, 14), Date.UTC(2026, 0, 15) - 1],
    ['now/w', Date.UTC(2026, 0, 12), Date.UTC(2026, 0, 19) - 1],
    ['now-1w/w', Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 12) - 1],
    ['now/M', Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1) - 1],
    ['now-1M/M', Date.UTC(2025, 11, 1), Date.UTC(2026, 0, 1) - 1],
    ['now/Q', Date.UTC(2026, 0, 1), Date.UTC(2026, 3, 1) - 1],
    ['now/y', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1) - 1],
    ['now/h', Date.UTC(2026, 0, 15, 10), Date.UTC(2026, 0, 15, 11) - 1],
    ['now/m', Date.UTC(2026, 0, 15, 10, 30), Date.UTC(2026, 0, 15, 10, 31) - 1],
    ['now/s', Date.UTC(2026, 0, 15, 10, 30, 45), Date.UTC(2026, 0, 15, 10, 30, 46) - 1],
    ['now/d+8h', Date.UTC(2026, 0, 15, 8), Date.UTC(2026, 0, 16, 8) - 1],
  ])('%s rounds down for "from" and up for "to"', (expr, from, to) => {
    expect(at(expr)).toBe(from);
    expect(at(expr, { roundUp: true })).toBe(to);
  });

  it('starts weeks on the given weekday', () => {
    const r = parseTimeExpr('now/w', { nowMs: NOW, timeZone: 'utc', weekStart: 0 });
    expect(r).toEqual({ ok: true, ms: Date.UTC(2026, 0, 11) });
  });

  it('rounds in the time zone (Tokyo: 19:30 local)', () => {
    expect(at('now/d', { timeZone: 'Asia/Tokyo' })).toBe(Date.UTC(2026, 0, 14, 15));
    expect(at('now/d', { timeZone: 'Asia/Tokyo', roundUp: true })).toBe(
      Date.UTC(2026, 0, 15, 15) - 1,
    );
    expect(at('now/M', { timeZone: 'Asia/Tokyo' })).toBe(Date.UTC(2025, 11, 31, 15));
  });

  it('handles the spring-forward day in New York', () => {
    const noon = Date.UTC(2026, 2, 8, 16); // 12:00 EDT
    expect(at('now/d', { timeZone: NY, nowMs: noon })).toBe(Date.UTC(2026, 2, 8, 5));
    expect(at('now/d', { timeZone: NY, nowMs: noon, roundUp: true })).toBe(
      Date.UTC(2026, 2, 9, 4) - 1,
    );
    // a calendar day back keeps 12:00 on the wall clock: 23 hours
    expect(at('now-1d', { timeZone: NY, nowMs: noon })).toBe(Date.UTC(2026, 2, 7, 17));
    expect(at('now-1d/d', { timeZone: NY, nowMs: noon })).toBe(Date.UTC(2026, 2, 7, 5));
    expect(at('now-24h', { timeZone: NY, nowMs: noon })).toBe(noon - 24 * H);
  });

  it("uses the runtime's zone for 'browser'", () => {
    expect(at('now/d', { timeZone: 'browser' })).toBe(
      at('now/d', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    );
  });
});

describe('absolute times', () => {
  it.each([
    ['2026-01-01T00:00:00Z', 'Asia/Tokyo', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00.250Z', 'utc', Date.UTC(2026, 0, 1, 0, 0, 0, 250)],
    ['2026-01-01T09:00:00+09:00', NY, Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00-0500', 'utc', Date.UTC(2026, 0, 1, 5)],
    ['2026-01-01 00:00:00', 'utc', Date.UTC(2026, 0, 1)],
    ['2026-01-01 00:00:00', 'Asia/Tokyo', Date.UTC(2025, 11, 31, 15)],
    ['2026-01-01 00:00:00', NY, Date.UTC(2026, 0, 1, 5)],
    ['2026-07-01 00:00:00', NY, Date.UTC(2026, 6, 1, 4)],
    ['2026-01-01', 'Asia/Tokyo', Date.UTC(2025, 11, 31, 15)],
    ['2026-01-01T12:30', 'utc', Date.UTC(2026, 0, 1, 12, 30)],
    ['2026-03-08 02:30:00', NY, Date.UTC(2026, 2, 8, 7, 30)],
    ['20260101', 'utc', Date.UTC(2026, 0, 1)],
    ['20260101T123000', 'utc', Date.UTC(2026, 0, 1, 12, 30)],
    ['1735689600000', 'Asia/Tokyo', 1_735_689_600_000],
    ['0', 'utc', 0],
    ['2026-01-01||+1d', 'utc', Date.UTC(2026, 0, 2)],
    ['2026-01-20 10:00:00||/M', 'utc', Date.UTC(2026, 0, 1)],
  ])('%s in %s', (expr, timeZone, ms) => {
    expect(at(expr, { timeZone })).toBe(ms);
  });
});

describe('errors', () => {
  it.each([
    ['now-6x', '"now-6x": unknown unit "x"'],
    ['now-5min', '"now-5min": unknown unit "min"'],
    ['now-500ms', '"now-500ms": unknown unit "ms"'],
    ['now-', '"now-": missing unit after "-"'],
    ['now-6', '"now-6": missing unit after "-6"'],
    ['now/2d', '"now/2d": rounding takes a unit only, like "/d"'],
    ['now*2', '"now*2": unexpected "*"'],
    ['now/fy', '"now/fy": fiscal unit "fy" is not supported'],
    [
      'yesterday',
      '"yesterday": not a valid time (use now-6h, now/d, 2026-01-01 00:00:00 or epoch ms)',
    ],
    ['2026-02-30', '"2026-02-30": no such date'],
    ['2026-01-01 24:00:00', '"2026-01-01 24:00:00": no such date'],
    ['', 'empty time'],
  ])('%j → %s', (expr, error) => {
    expect(errorOf(expr)).toBe(error);
  });

  it('reports an unknown time zone', () => {
    expect(errorOf('now', 'Mars/Base')).toBe('unknown time zone "Mars/Base"');
  });
});

describe('resolveRange', () => {
  it('resolves from rounding down and to rounding up', () => {
    expect(
      resolveRange({ from: 'now-1d/d', to: 'now-1d/d' }, { nowMs: NOW, timeZone: 'utc' }),
    ).toEqual({
      ok: true,
      fromMs: Date.UTC(2026, 0, 14),
      toMs: Date.UTC(2026, 0, 15) - 1,
    });
    expect(resolveRange(DEFAULT_RANGE, { nowMs: NOW, timeZone: 'utc' })).toEqual({
      ok: true,
      fromMs: NOW - 6 * H,
      toMs: NOW,
    });
  });

  it('refuses a range whose from is after its to', () => {
    expect(resolveRange({ from: 'now', to: 'now-1h' }, { nowMs: NOW })).toEqual({
      ok: false,
      error: '"from" is after "to"',
    });
  });

  it('names the bad expression', () => {
    expect(resolveRange({ from: 'now-6x', to: 'now' }, { nowMs: NOW })).toEqual({
      ok: false,
      error: '"now-6x": unknown unit "x"',
    });
    expect(resolveRange({ from: 'now-6h', to: 'later' }, { nowMs: NOW }).ok).toBe(false);
  });

  it('resolves every quick range in order, and describes it by its label', () => {
    expect(quickRanges.length).toBeGreaterThanOrEqual(20);
    for (const q of quickRanges) {
      const r = resolveRange(q, { nowMs: NOW, timeZone: NY });
      expect(r.ok && r.fromMs <= r.toMs, q.label).toBe(true);
      expect(describeRange(q)).toBe(q.label);
    }
  });
});

describe('isRelative', () => {
  it.each([
    ['now-6h', true],
    [' now', true],
    ['now/d', true],
    ['1735689600000', false],
    ['2026-01-01', false],
    ['2026-01-01||+1d', false],
  ])('%j → %s', (expr, relative) => {
    expect(isRelative(expr)).toBe(relative);
  });
});

describe('describeRange', () => {
  it.each([
    ['now-6h', 'now', 'Last 6 hours'],
    ['now - 6h', 'now', 'Last 6 hours'],
    ['now/d', 'now', 'Today so far'],
    ['now/d', 'now/d', 'Today'],
    ['now-1d/d', 'now-1d/d', 'Yesterday'],
    ['now-45m', 'now', 'Last 45 minutes'],
    ['now-1h', 'now', 'Last 1 hour'],
    ['now-1d', 'now', 'Last 1 day'],
    ['now-2h', 'now-1h', 'now-2h to now-1h'],
    ['1767225600000', '1767229200000', '2026-01-01 00:00:00 to 2026-01-01 01:00:00'],
    ['2026-01-01', 'now', '2026-01-01 00:00:00 to now'],
    ['soon', 'now', 'soon to now'],
  ])('%s to %s → %s', (from, to, label) => {
    expect(describeRange({ from, to }, { timeZone: 'utc' })).toBe(label);
  });

  it('formats absolute ends in the time zone', () => {
    expect(
      describeRange({ from: '1767225600000', to: '1767229200000' }, { timeZone: 'Asia/Tokyo' }),
    ).toBe('2026-01-01 09:00:00 to 2026-01-01 10:00:00');
  });
});

describe('zoomOut', () => {
  it('doubles the range around its centre', () => {
    expect(zoomOut({ fromMs: 0, toMs: 1000 })).toEqual({ fromMs: -500, toMs: 1500 });
    expect(zoomOut({ fromMs: 0, toMs: 1000 }, 4, 1_000_000)).toEqual({ fromMs: -1500, toMs: 2500 });
  });

  it('never zooms past now when the range ended at now', () => {
    expect(zoomOut({ fromMs: 4000, toMs: 10_000 }, 2, 10_000)).toEqual({
      fromMs: -2000,
      toMs: 10_000,
    });
  });

  it('leaves a range that already reached into the future alone', () => {
    expect(zoomOut({ fromMs: 0, toMs: 2000 }, 2, 1000)).toEqual({ fromMs: -1000, toMs: 3000 });
  });
});

describe('shiftRange', () => {
  it('moves by half the range', () => {
    expect(shiftRange({ fromMs: 1000, toMs: 3000 }, -1)).toEqual({ fromMs: 0, toMs: 2000 });
    expect(shiftRange({ fromMs: 1000, toMs: 3000 }, 1)).toEqual({ fromMs: 2000, toMs: 4000 });
  });

  it('stops the end at now when moving forward', () => {
    expect(shiftRange({ fromMs: 1000, toMs: 3000 }, 1, 3500)).toEqual({ fromMs: 1000, toMs: 3500 });
  });
});

describe('URL helpers', () => {
  it('keeps relative expressions and writes absolute times as epoch ms', () => {
    expect(rangeToUrl({ from: ' now - 6h ', to: 'now' })).toEqual({ from: 'now-6h', to: 'now' });
    expect(
      rangeToUrl({ from: '2026-01-01 00:00:00', to: '2026-01-02' }, { timeZone: 'Asia/Tokyo' }),
    ).toEqual({ from: '1767193200000', to: '1767279600000' });
    expect(rangeToUrl({ from: '1735689600000', to: 'garbage' })).toEqual({
      from: '1735689600000',
      to: 'garbage',
    });
    expect(msRangeToUrl({ fromMs: 1.4, toMs: 2000.6 })).toEqual({ from: '1', to: '2001' });
  });

  it('reads from/to with fallbacks', () => {
    expect(rangeFromUrl(new URLSearchParams('from=now-1h&to=now'))).toEqual({
      from: 'now-1h',
      to: 'now',
    });
    expect(rangeFromUrl(new URLSearchParams(''))).toEqual(DEFAULT_RANGE);
    expect(rangeFromUrl(new URLSearchParams('from=now-2d'))).toEqual({ from: 'now-2d', to: 'now' });
    expect(rangeFromUrl(new URLSearchParams('to=now-1d'), { from: 'now-7d', to: 'now' })).toEqual({
      from: 'now-7d',
      to: 'now-1d',
    });
  });

  it("reads Grafana's time and time.window", () => {
    const expected = { from: '1767225570000', to: '1767225630000' };
    expect(rangeFromUrl(new URLSearchParams('time=1767225600000&time.window=60000'))).toEqual(
      expected,
    );
    expect(rangeFromUrl(new URLSearchParams('time=1767225600000&time.window=1m'))).toEqual(
      expected,
    );
  });

  it('round-trips an absolute range through the URL', () => {
    const url = rangeToUrl(
      { from: '2026-03-08 01:00:00', to: '2026-03-08 04:00:00' },
      { timeZone: NY },
    );
    const back = resolveRange(rangeFromUrl(new URLSearchParams({ ...url })), {
      nowMs: NOW,
      timeZone: NY,
    });
    expect(back).toEqual({
      ok: true,
      fromMs: Date.UTC(2026, 2, 8, 6),
      toMs: Date.UTC(2026, 2, 8, 8),
    });
  });
});

describe('timeFromUrl', () => {
  const defaults = { from: 'now-6h', to: 'now', refresh: '1m', timeZone: 'browser' };
  it('takes what the URL says and the defaults for the rest', () => {
    expect(timeFromUrl(new URLSearchParams('from=now-2d&tz=utc'), defaults)).toEqual({
      raw: { from: 'now-2d', to: 'now' },
      refresh: '1m',
      timeZone: 'utc',
    });
    expect(timeFromUrl(new URLSearchParams(''), defaults)).toEqual({
      raw: { from: 'now-6h', to: 'now' },
      refresh: '1m',
      timeZone: 'browser',
    });
  });
  it("reads an empty refresh as off, Grafana's timezone, and time + time.window", () => {
    const t = timeFromUrl(
      new URLSearchParams('refresh=&timezone=Europe/Paris&time=1767225600000&time.window=60000'),
      defaults,
    );
    expect(t).toEqual({
      raw: { from: '1767225570000', to: '1767225630000' },
      refresh: '',
      timeZone: 'Europe/Paris',
    });
  });
});

describe('resolveShownRange', () => {
  const nowMs = Date.UTC(2026, 0, 1, 12);
  it('resolves the asked range', () => {
    expect(resolveShownRange({ from: 'now-1h', to: 'now' }, DEFAULT_RANGE, { nowMs })).toEqual({
      fromMs: nowMs - 3_600_000,
      toMs: nowMs,
    });
  });
  it("shows the defaults' range, with the reason, when the asked one is bad", () => {
    expect(resolveShownRange({ from: 'now-1x', to: 'now' }, DEFAULT_RANGE, { nowMs })).toEqual({
      fromMs: nowMs - 6 * 3_600_000,
      toMs: nowMs,
      error: '"now-1x": unknown unit "x"',
    });
  });
  it('falls back to the last hour when the defaults are bad too', () => {
    const bad = { from: 'nope', to: 'now' };
    const r = resolveShownRange(bad, bad, { nowMs });
    expect(r).toMatchObject({ fromMs: nowMs - 3_600_000, toMs: nowMs });
    expect(r.error).toMatch(/^"nope": not a valid time/);
  });
});
