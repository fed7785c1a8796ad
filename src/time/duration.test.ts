import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationHuman, formatInterval, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['15s', 15_000],
    ['1m', 60_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['2M', 5_184_000_000],
    ['2w3d', 1_468_800_000],
    ['1h0m0s', 3_600_000],
    ['1m30s500ms', 90_500],
    ['1.5h', 5_400_000],
    ['30m1h', 5_400_000],
    ['0s', 0],
    ['30', 30_000],
    ['0.5', 500],
    ['  5m  ', 300_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['5x'],
    ['-5m'],
    ['5 m'],
    ['1h 30m'],
    ['5min'],
    ['m'],
    ['$__interval'],
    ['1H'],
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(parseDuration(undefined)).toBeUndefined();
    expect(parseDuration(null)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [500, '500ms'],
    [0, '0s'],
    [15_000, '15s'],
    [135_000, '2m15s'],
    [86_400_000, '1d'],
    [604_800_000, '1w'],
    [2_592_000_000, '4w2d'],
    [31_536_000_000, '1y'],
    [90_061_001, '1d1h1m1s1ms'],
    [-60_000, '-1m'],
    [1499.6, '1s500ms'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const ms of [1, 999, 61_000, 5_400_000, 777_777_777]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});

describe('formatInterval (Grafana $__interval text)', () => {
  it.each([
    [90_000, '1m'],
    [135_000, '2m'],
    [20_000, '20s'],
    [500, '500ms'],
    [0.5, '1ms'],
    [3_600_000, '1h'],
    [172_800_000, '2d'],
    [604_800_000, '7d'],
    [31_536_000_000, '1y'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});

describe('formatDurationHuman', () => {
  it.each([
    [21_600_000, '6 hours'],
    [900_000, '15 minutes'],
    [3_600_000, '1 hour'],
    [5_400_000, '1 hour 30 minutes'],
    [604_800_000, '7 days'],
    [86_400_000, '1 day'],
    [31_536_000_000, '1 year'],
    [1_000, '1 second'],
    [250, '250 milliseconds'],
    [0, '0 seconds'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDurationHuman(ms)).toBe(text);
  });
});
