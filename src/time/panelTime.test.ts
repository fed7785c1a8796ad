import { describe, expect, it } from 'vitest';
import { panelTime } from './panelTime';

const H = 3_600_000;
const D = 24 * H;
// 2026-01-02 12:34:56 UTC
const NOW = Date.UTC(2026, 0, 2, 12, 34, 56);
const dash = {
  range: { fromMs: NOW - 6 * H, toMs: NOW },
  relative: true,
  nowMs: NOW,
  timeZone: 'utc',
};

describe('panelTime (Grafana applyPanelTimeOverrides)', () => {
  it('no override: the dashboard range, no header text', () => {
    expect(panelTime({}, dash)).toEqual({ range: dash.range, info: '' });
  });

  it('relative time "10s": the last 10 s up to the same now', () => {
    expect(panelTime({ timeFrom: '10s' }, dash)).toEqual({
      range: { fromMs: NOW - 10_000, toMs: NOW },
      info: 'Last 10 seconds',
    });
  });

  it('relative time "now/d": today so far; "+1h" the next hour', () => {
    const today = panelTime({ timeFrom: 'now/d' }, dash);
    expect(today.range).toEqual({ fromMs: Date.UTC(2026, 0, 2), toMs: NOW });
    expect(today.info).toBe('Today so far');
    expect(panelTime({ timeFrom: '+1h' }, dash).range).toEqual({ fromMs: NOW, toMs: NOW + H });
  });

  it('an absolute dashboard range keeps its range under a relative time (as Grafana)', () => {
    const abs = { ...dash, relative: false };
    expect(panelTime({ timeFrom: '10s' }, abs)).toEqual({ range: dash.range, info: '' });
  });

  it('time shift moves both ends back; with rounding, from rounds down and to up', () => {
    expect(panelTime({ timeShift: '1d' }, dash)).toEqual({
      range: { fromMs: NOW - 6 * H - D, toMs: NOW - D },
      info: 'timeshift -1d',
    });
    const rounded = panelTime({ timeShift: '1d/d' }, dash).range;
    expect(rounded).toEqual({ fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 0, 2) - 1 });
  });

  it('both: the relative range, then shifted; hideTimeOverride hides only the text', () => {
    expect(panelTime({ timeFrom: '1h', timeShift: '1h' }, dash)).toEqual({
      range: { fromMs: NOW - 2 * H, toMs: NOW - H },
      info: 'Last 1 hour timeshift -1h',
    });
    expect(panelTime({ timeFrom: '1h', timeShift: '1h', hideTimeOverride: true }, dash)).toEqual({
      range: { fromMs: NOW - 2 * H, toMs: NOW - H },
      info: '',
    });
  });

  it('what does not parse keeps the dashboard range and says why', () => {
    expect(panelTime({ timeFrom: '10 parsecs' }, dash)).toMatchObject({
      range: dash.range,
      info: 'invalid time override',
      error: 'Relative time "10 parsecs" is not a time range (e.g. 1h, 7d, now/d)',
    });
    expect(panelTime({ timeShift: 'x' }, dash)).toMatchObject({
      range: dash.range,
      info: 'invalid timeshift',
    });
  });
});
