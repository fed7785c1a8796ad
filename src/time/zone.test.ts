import { describe, expect, it } from 'vitest';
import {
  addUnits,
  browserTimeZone,
  explicitTimeZone,
  endOfUnit,
  isValidTimeZone,
  resolveTimeZone,
  startOfUnit,
  utcOffsetMs,
  wallTime,
  wallTimeIn,
  wallToMs,
} from './zone';

const H = 3_600_000;
const NY = 'America/New_York';

describe('resolveTimeZone', () => {
  it('maps browser to the runtime zone and utc to UTC', () => {
    expect(resolveTimeZone('browser')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(resolveTimeZone(undefined)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(resolveTimeZone('utc')).toBe('UTC');
    expect(resolveTimeZone('UTC')).toBe('UTC');
    expect(resolveTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });

  it('rejects unknown zones', () => {
    expect(resolveTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
  });
});

describe('utcOffsetMs', () => {
  it.each([
    ['utc', Date.UTC(2026, 0, 15), 0],
    ['Asia/Tokyo', Date.UTC(2026, 0, 15), 9 * H],
    ['Asia/Kolkata', Date.UTC(2026, 0, 15), 5.5 * H],
    [NY, Date.UTC(2026, 0, 15), -5 * H],
    [NY, Date.UTC(2026, 6, 15), -4 * H],
    // DST starts 2026-03-08 at 07:00Z (02:00 EST)
    [NY, Date.UTC(2026, 2, 8, 6, 59, 59, 999), -5 * H],
    [NY, Date.UTC(2026, 2, 8, 7), -4 * H],
    ['Nowhere/Land', Date.UTC(2026, 0, 15), 0],
  ])('%s at %d is %d', (tz, at, off) => {
    expect(utcOffsetMs(tz, at)).toBe(off);
  });
});

describe('wall time ⇄ instant', () => {
  it('reads wall-clock fields in a zone', () => {
    expect(wallTime(Date.UTC(2026, 0, 1, 15, 4, 5, 6), 'Asia/Tokyo')).toEqual({
      year: 2026,
      month: 1,
      day: 2,
      hour: 0,
      minute: 4,
      second: 5,
      millisecond: 6,
    });
  });

  it('turns an ordinary wall time into its instant', () => {
    const w = { year: 2026, month: 1, day: 2, hour: 0, minute: 4, second: 5, millisecond: 6 };
    expect(wallToMs(w, 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 1, 15, 4, 5, 6));
  });

  it('moves a wall time skipped by DST forward by the gap (02:30 → 03:30 EDT)', () => {
    const w = { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0, millisecond: 0 };
    expect(wallToMs(w, NY)).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it('takes the earlier instant of a repeated wall time (01:30 EDT, not EST)', () => {
    const w = { year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, millisecond: 0 };
    expect(wallToMs(w, NY)).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });
});

describe('calendar arithmetic', () => {
  it('adds a day across spring-forward keeping the wall clock (23 h later)', () => {
    const sat = Date.UTC(2026, 2, 7, 17); // 12:00 EST
    expect(addUnits(sat, 1, 'd', NY)).toBe(Date.UTC(2026, 2, 8, 16)); // 12:00 EDT
    expect(addUnits(sat, 1, 'h', NY)).toBe(sat + H);
    expect(addUnits(sat, -90, 's', NY)).toBe(sat - 90_000);
    expect(addUnits(sat, 1, 'w', NY)).toBe(Date.UTC(2026, 2, 14, 16));
  });

  it.each([
    [Date.UTC(2026, 0, 31), 1, 'M', Date.UTC(2026, 1, 28)],
    [Date.UTC(2024, 0, 31), 1, 'M', Date.UTC(2024, 1, 29)],
    [Date.UTC(2026, 2, 31), -1, 'M', Date.UTC(2026, 1, 28)],
    [Date.UTC(2026, 0, 15), -1, 'M', Date.UTC(2025, 11, 15)],
    [Date.UTC(2026, 10, 30), 1, 'Q', Date.UTC(2027, 1, 28)],
    [Date.UTC(2024, 1, 29), 1, 'y', Date.UTC(2025, 1, 28)],
  ] as const)('clamps month arithmetic: %d %+d%s → %d', (from, n, unit, to) => {
    expect(addUnits(from, n, unit, 'UTC')).toBe(to);
  });

  it('finds the start and end of a 23-hour DST day', () => {
    const noon = Date.UTC(2026, 2, 8, 16);
    expect(startOfUnit(noon, 'd', NY)).toBe(Date.UTC(2026, 2, 8, 5));
    expect(endOfUnit(noon, 'd', NY)).toBe(Date.UTC(2026, 2, 9, 4) - 1);
  });

  it('finds the start and end of a 25-hour DST day', () => {
    const noon = Date.UTC(2026, 10, 1, 17);
    expect(startOfUnit(noon, 'd', NY)).toBe(Date.UTC(2026, 10, 1, 4));
    expect(endOfUnit(noon, 'd', NY)).toBe(Date.UTC(2026, 10, 2, 5) - 1);
  });

  it('floors hours with half-hour zones and inside the repeated hour', () => {
    expect(startOfUnit(Date.UTC(2026, 0, 1), 'h', 'Asia/Kolkata')).toBe(
      Date.UTC(2025, 11, 31, 23, 30),
    );
    // 01:30 EST, the second 01:30 of the night → 01:00 EST
    expect(startOfUnit(Date.UTC(2026, 10, 1, 6, 30), 'h', NY)).toBe(Date.UTC(2026, 10, 1, 6));
    expect(endOfUnit(Date.UTC(2026, 0, 1, 10, 20, 30, 400), 'm', 'UTC')).toBe(
      Date.UTC(2026, 0, 1, 10, 20, 59, 999),
    );
  });

  it.each([
    [1, Date.UTC(2025, 11, 29)],
    [0, Date.UTC(2025, 11, 28)],
    [6, Date.UTC(2025, 11, 27)],
    [4, Date.UTC(2026, 0, 1)],
  ])('starts the week of Thursday 2026-01-01 on weekday %d', (weekStart, start) => {
    expect(startOfUnit(Date.UTC(2026, 0, 1, 12), 'w', 'UTC', weekStart)).toBe(start);
  });

  it('ends a Monday week on Sunday night', () => {
    expect(endOfUnit(Date.UTC(2026, 0, 1, 12), 'w', 'UTC')).toBe(Date.UTC(2026, 0, 5) - 1);
  });

  it('rounds to quarter and year in a zone', () => {
    const may = Date.UTC(2026, 4, 15, 12);
    expect(startOfUnit(may, 'Q', 'UTC')).toBe(Date.UTC(2026, 3, 1));
    expect(endOfUnit(may, 'Q', 'UTC')).toBe(Date.UTC(2026, 6, 1) - 1);
    expect(startOfUnit(may, 'y', 'Asia/Tokyo')).toBe(Date.UTC(2025, 11, 31, 15));
    expect(endOfUnit(may, 'y', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 31, 15) - 1);
    expect(startOfUnit(may, 'M', NY)).toBe(Date.UTC(2026, 4, 1, 4));
  });
});

describe('wallTimeIn / explicitTimeZone', () => {
  const ms = Date.UTC(2026, 0, 1, 23, 30, 5);
  it('reads wall-clock fields for a setting, an unknown zone as UTC', () => {
    expect(wallTimeIn(ms, 'utc')).toMatchObject({ year: 2026, month: 1, day: 1, hour: 23 });
    expect(wallTimeIn(ms, 'Asia/Tokyo')).toMatchObject({ month: 1, day: 2, hour: 8, minute: 30 });
    expect(wallTimeIn(ms, 'Not/AZone')).toEqual(wallTimeIn(ms, 'utc'));
    expect(wallTimeIn(ms, 'browser')).toEqual(wallTime(ms, browserTimeZone()));
  });
  it("names the zone a chart converts to; none for 'browser'", () => {
    expect(explicitTimeZone('browser')).toBeUndefined();
    expect(explicitTimeZone('')).toBeUndefined();
    expect(explicitTimeZone('utc')).toBe('Etc/UTC');
    expect(explicitTimeZone('Europe/Paris')).toBe('Europe/Paris');
  });
});
