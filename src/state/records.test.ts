import { describe, expect, it } from 'vitest';
import { parseHistoryLimits, versionsToPrune } from './records';

describe('versionsToPrune', () => {
  const v = (revision: number, bytes = 10) => ({ revision, bytes });
  it('keeps the newest N', () => {
    expect(
      versionsToPrune(
        [1, 2, 3, 4, 5].map((r) => v(r)),
        { count: 3, bytes: 1e9 },
      ),
    ).toEqual([2, 1]);
  });
  it('keeps within the byte budget but always the newest', () => {
    expect(versionsToPrune([v(1, 40), v(2, 40), v(3, 40)], { count: 20, bytes: 100 })).toEqual([1]);
    expect(versionsToPrune([v(1, 40), v(2, 500)], { count: 20, bytes: 100 })).toEqual([1]);
  });
});

describe('parseHistoryLimits', () => {
  it('reads versions and megabytes, and names the field that is wrong', () => {
    expect(parseHistoryLimits(' 5 ', '2')).toEqual({
      ok: true,
      limits: { count: 5, bytes: 2 * 1024 * 1024 },
    });
    expect(parseHistoryLimits('0', '5')).toEqual({
      ok: false,
      error: 'Versions kept: a whole number from 1 to 100',
    });
    expect(parseHistoryLimits('2.5', '5')).toMatchObject({ ok: false });
    expect(parseHistoryLimits('', '5')).toMatchObject({ ok: false });
    expect(parseHistoryLimits('20', '')).toEqual({
      ok: false,
      error: 'Size per dashboard: a number of MB from 1 to 50',
    });
    expect(parseHistoryLimits('20', '51')).toMatchObject({ ok: false });
  });
});
