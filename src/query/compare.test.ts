import { describe, expect, it } from 'vitest';
import {
  compareLabel,
  dashboardCompare,
  panelCompare,
  parseCompare,
  shiftRequest,
  type CompareTo,
  pastRequests,
} from './compare';

describe('parseCompare', () => {
  it('reads off and durations, normalised', () => {
    expect(parseCompare('off')).toBeNull();
    expect(parseCompare(' ')).toBeNull();
    expect(parseCompare('OFF')).toBeNull();
    expect(parseCompare('1w')).toEqual({ text: '1w', offsetMs: 604_800_000, label: '1 w ago' });
    expect(parseCompare('7d')).toEqual({ text: '1w', offsetMs: 604_800_000, label: '1 w ago' });
    expect(parseCompare('2d')).toMatchObject({ text: '2d', offsetMs: 172_800_000 });
    expect(parseCompare('90m')).toMatchObject({ text: '1h30m', label: '1 h 30 min ago' });
  });
  it('names what is wrong', () => {
    expect(parseCompare('yesterday')).toEqual({
      error: 'Compare to "yesterday" is not a duration (e.g. 1h, 1d, 1w, 2d)',
    });
    expect(parseCompare('-1h')).toHaveProperty('error');
    expect(parseCompare('500ms')).toEqual({
      error: 'Compare to "500ms": the offset must be whole seconds, at least 1s',
    });
    expect(parseCompare('1500ms')).toHaveProperty('error');
    expect(parseCompare('11y')).toEqual({ error: 'Compare to "11y": at most 10 years back' });
  });
});

describe('compareLabel', () => {
  it('writes the largest units first', () => {
    expect(compareLabel(3_600_000)).toBe('1 h ago');
    expect(compareLabel(86_400_000)).toBe('1 d ago');
    expect(compareLabel(9 * 86_400_000)).toBe('1 w 2 d ago');
    expect(compareLabel(45_000)).toBe('45 s ago');
  });
});

describe('panelCompare and dashboardCompare', () => {
  const week = parseCompare('1w') as CompareTo;
  it('a panel setting overrides the dashboard, off included', () => {
    expect(panelCompare(undefined, week)).toBe(week);
    expect(panelCompare('', week)).toBe(week);
    expect(panelCompare('off', week)).toBeNull();
    expect(panelCompare('1h', week)).toMatchObject({ offsetMs: 3_600_000 });
    expect(panelCompare('1h', null)).toMatchObject({ offsetMs: 3_600_000 });
    expect(panelCompare('bad', week)).toHaveProperty('error');
  });
  it('the URL wins over the saved setting; a bad URL value is reported', () => {
    expect(dashboardCompare(null, '1d').compare).toMatchObject({ text: '1d' });
    expect(dashboardCompare(null, undefined).compare).toBeNull();
    expect(dashboardCompare('1w', '1d').compare).toMatchObject({ text: '1w' });
    expect(dashboardCompare('off', '1d').compare).toBeNull();
    const bad = dashboardCompare('soon', '1d');
    expect(bad.compare).toMatchObject({ text: '1d' });
    expect(bad.error).toContain('"soon"');
  });
});

describe('shiftRequest', () => {
  it('moves start and end back by the offset, step and expression unchanged', () => {
    const plan = {
      refId: 'A',
      expr: 'up',
      instant: false,
      startSec: 7200,
      endSec: 10800,
      stepSec: 60,
    };
    expect(shiftRequest(plan, 3_600_000)).toEqual({ ...plan, startSec: 3600, endSec: 7200 });
    expect(plan.startSec).toBe(7200);
  });
});

describe('pastRequests', () => {
  const plans = [{ refId: 'A', startSec: 7200, endSec: 10800 }];
  it('moves every request back by the offset; none without a valid comparison', () => {
    expect(pastRequests(plans, { text: '1h', offsetMs: 3_600_000, label: '1 h ago' })).toEqual([
      { refId: 'A', startSec: 3600, endSec: 7200 },
    ]);
    expect(pastRequests(plans, null)).toEqual([]);
    expect(pastRequests(plans, { error: 'bad' })).toEqual([]);
  });
});
