import { describe, expect, it } from 'vitest';
import {
  axisTickPattern,
  formatAxisTick,
  formatAxisTicks,
  formatInputTime,
  formatPattern,
  formatTime,
  parseInputTime,
} from './format';

const T = Date.UTC(2026, 0, 1, 15, 4, 5, 6);
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatTime', () => {
  it.each([
    ['utc', undefined, '2026-01-01 15:04:05'],
    ['utc', 'ms', '2026-01-01 15:04:05.006'],
    ['utc', 'm', '2026-01-01 15:04'],
    ['utc', 'd', '2026-01-01'],
    ['Asia/Tokyo', 's', '2026-01-02 00:04:05'],
    ['America/New_York', 's', '2026-01-01 10:04:05'],
    ['Asia/Kolkata', 's', '2026-01-01 20:34:05'],
    ['Not/AZone', 's', '2026-01-01 15:04:05'],
  ] as const)('in %s with precision %s → %s', (timeZone, precision, text) => {
    expect(formatTime(T, { timeZone, precision })).toBe(text);
  });

  it('shows summer time in New York', () => {
    expect(formatTime(Date.UTC(2026, 6, 1, 12), { timeZone: 'America/New_York' })).toBe(
      '2026-07-01 08:00:00',
    );
  });

  it('formats custom patterns', () => {
    expect(formatPattern(T, 'DD/MM/YYYY HH.mm', 'utc')).toBe('01/01/2026 15.04');
  });
});

describe('picker input', () => {
  it('writes YYYY-MM-DD HH:mm:ss in the zone', () => {
    expect(formatInputTime(T, 'Asia/Tokyo')).toBe('2026-01-02 00:04:05');
    expect(formatInputTime(T, 'utc')).toBe('2026-01-01 15:04:05');
  });

  it('reads it back as a wall-clock time in the zone', () => {
    expect(parseInputTime('2026-01-02 00:04:05', 'Asia/Tokyo')).toEqual({
      ok: true,
      ms: Date.UTC(2026, 0, 1, 15, 4, 5),
    });
    expect(parseInputTime('2026-01-01', 'America/New_York')).toEqual({
      ok: true,
      ms: Date.UTC(2026, 0, 1, 5),
    });
  });

  it('round-trips whole seconds', () => {
    for (const tz of ['utc', 'Asia/Tokyo', 'America/New_York']) {
      for (const ms of [Date.UTC(2026, 2, 8, 7, 0, 1), Date.UTC(2026, 6, 4, 23, 59, 59)]) {
        expect(parseInputTime(formatInputTime(ms, tz), tz)).toEqual({ ok: true, ms });
      }
    }
  });

  it('refuses relative and malformed input', () => {
    expect(parseInputTime('now-1h', 'utc')).toEqual({
      ok: false,
      error: '"now-1h": not an absolute time',
    });
    expect(parseInputTime('2026-13-01 00:00:00', 'utc')).toEqual({
      ok: false,
      error: '"2026-13-01 00:00:00": no such date',
    });
  });
});

describe('axis ticks', () => {
  it.each([
    [100, undefined, 'HH:mm:ss.SSS'],
    [10 * S, undefined, 'HH:mm:ss'],
    [59 * S, 10 * D, 'HH:mm:ss'],
    [M, undefined, 'HH:mm'],
    [6 * H, D, 'HH:mm'],
    [6 * H, 2 * D, 'MM-DD HH:mm'],
    [D, 30 * D, 'MM-DD'],
    [7 * D, 2 * 365 * D, 'YYYY-MM-DD'],
    [30 * D, 2 * 365 * D, 'YYYY-MM'],
  ])('spacing %d over range %s → %s', (spacingMs, rangeMs, pattern) => {
    expect(axisTickPattern(spacingMs, rangeMs)).toBe(pattern);
  });

  it('formats one tick in the zone', () => {
    const opts = { timeZone: 'Asia/Tokyo' };
    expect(formatAxisTick(T, { ...opts, spacingMs: M })).toBe('00:04');
    expect(formatAxisTick(T, { ...opts, spacingMs: M, rangeMs: 2 * D })).toBe('01-02 00:04');
    expect(formatAxisTick(T, { ...opts, spacingMs: 10 * S })).toBe('00:04:05');
    expect(formatAxisTick(T, { ...opts, spacingMs: 100 })).toBe('00:04:05.006');
    expect(formatAxisTick(T, { ...opts, spacingMs: D })).toBe('01-02');
    expect(formatAxisTick(T, { ...opts, spacingMs: 60 * D })).toBe('2026-01');
  });

  it('formats a whole axis at once', () => {
    const ticks = [
      Date.UTC(2026, 0, 1, 14, 30),
      Date.UTC(2026, 0, 1, 15),
      Date.UTC(2026, 0, 1, 15, 30),
    ];
    expect(formatAxisTicks(ticks, { timeZone: 'Asia/Kolkata', spacingMs: 30 * M })).toEqual([
      '20:00',
      '20:30',
      '21:00',
    ]);
  });
});
