import { describe, expect, it } from 'vitest';
import type { FieldOverride } from '../../model/dashboard';
import { pastDrawValues } from '../../charts/timeseries/compareSeries';
import { applyOverrides, chartYAxis, type PanelSeries } from './overrideSeries';

const f = (...xs: number[]) => Float64Array.from(xs);
const s = (label: string, values: Float64Array, refId = 'A'): PanelSeries => ({
  key: `${refId}\u0000${label}`,
  label,
  refId,
  values,
  color: '#111111',
});
const base = { unit: 'short', stacking: 'none' as const };

describe('applyOverrides', () => {
  it('without overrides: the series as built, on one left axis of the panel unit', () => {
    const built = [s('a', f(1, 2)), s('b', f(3, 4))];
    const r = applyOverrides(built, undefined, { ...base, min: 0, decimals: 2 });
    expect(r.axes).toEqual([
      { scale: 'y', side: 'left', unit: 'short', decimals: 2, min: 0, max: undefined },
    ]);
    expect(r.series.map((x) => [x.key, x.label, x.color, x.scale, x.drawValues])).toEqual([
      ['A\u0000a', 'a', '#111111', undefined, undefined],
      ['A\u0000b', 'b', '#111111', undefined, undefined],
    ]);
    expect(r.series[0]!.values).toBe(built[0]!.values);
  });

  it('negative-Y draws the values mirrored and keeps the values shown as they are', () => {
    const o: FieldOverride[] = [
      {
        matcher: { id: 'byName', options: 'write' },
        properties: [{ id: 'custom.transform', value: 'negative-Y' }],
      },
    ];
    const r = applyOverrides([s('read', f(1, 2)), s('write', f(5, NaN, 7))], o, base);
    const w = r.series[1]!;
    expect([...w.values]).toEqual([5, NaN, 7]);
    expect([...w.drawValues!]).toEqual([-5, NaN, -7]);
    expect(r.series[0]!.drawValues).toBeUndefined();
  });

  it('keeps what the series brings (labels for data links, the past of compare), the past mirrored with negative-Y', () => {
    const o: FieldOverride[] = [
      {
        matcher: { id: 'byName', options: 'write' },
        properties: [{ id: 'custom.transform', value: 'negative-Y' }],
      },
    ];
    const write = { ...s('write', f(5, 6)), labels: { dir: 'w' }, past: f(1, NaN), pastCalcs: [3] };
    const r = applyOverrides([write], o, base);
    const w = r.series[0]!;
    expect(w.labels).toEqual({ dir: 'w' });
    expect(w.past).toBe(write.past);
    expect(w.pastCalcs).toEqual([3]);
    expect(w.negativeY).toBe(true);
    expect([...pastDrawValues({ ...w, past: w.past! })]).toEqual([-1, NaN]);
  });

  it('a right-axis series gets its own scale, axis side, unit and value format', () => {
    const o: FieldOverride[] = [
      {
        matcher: { id: 'byFrameRefID', options: 'B' },
        properties: [
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'unit', value: 'Bps' },
          { id: 'max', value: 2048 },
          { id: 'color', value: { mode: 'fixed', fixedColor: '#00ff00' } },
        ],
      },
    ];
    const r = applyOverrides([s('cpu', f(1)), s('net', f(1536), 'B')], o, { ...base, min: 0 });
    expect(r.axes).toEqual([
      { scale: 'y', side: 'left', unit: 'short', decimals: undefined, min: 0, max: undefined },
      { scale: 'y2', side: 'right', unit: 'Bps', decimals: undefined, min: 0, max: 2048 },
    ]);
    const net = r.series[1]!;
    expect(net.scale).toBe('y2');
    expect(net.color).toBe('#00ff00');
    expect(net.formatValue!(1536)).toBe('1.54 kB/s');
    expect(r.series[0]!.formatValue).toBeUndefined();
    const right = chartYAxis(r.axes[1]!);
    expect(right.side).toBe('right');
    expect(right.formatTicks([0, 1000, 2000])).toEqual(['0 kB/s', '1 kB/s', '2 kB/s']);
  });

  it("a second unit on 'auto' goes to the right (Grafana), a third shares its unit's axis", () => {
    const o: FieldOverride[] = [
      {
        matcher: { id: 'byRegexp', options: '/ read| written/' },
        properties: [{ id: 'unit', value: 'Bps' }],
      },
      {
        matcher: { id: 'byRegexp', options: '/ io time/' },
        properties: [{ id: 'unit', value: 'percentunit' }],
      },
    ];
    const r = applyOverrides(
      [s('sda read', f(1)), s('sda io time', f(0.5)), s('sda written', f(2))],
      o,
      base,
    );
    expect(r.axes.map((a) => [a.scale, a.side, a.unit])).toEqual([
      ['y', 'left', 'Bps'],
      ['y2', 'right', 'percentunit'],
    ]);
    expect(r.series.map((x) => x.scale ?? 'y')).toEqual(['y', 'y2', 'y']);
  });

  it('stacks per group and direction; a mirrored series stacks below zero', () => {
    const o: FieldOverride[] = [
      {
        matcher: { id: 'byRegexp', options: '/out/' },
        properties: [{ id: 'custom.transform', value: 'negative-Y' }],
      },
      {
        matcher: { id: 'byName', options: 'solo' },
        properties: [{ id: 'custom.stacking', value: { mode: 'none', group: 'A' } }],
      },
    ];
    const r = applyOverrides(
      [
        s('in 1', f(1, 2)),
        s('out 1', f(10, 20)),
        s('in 2', f(3, 4)),
        s('out 2', f(30, 40)),
        s('solo', f(7, 7)),
      ],
      o,
      { ...base, stacking: 'normal' },
    );
    const drawn = r.series.map((x) => (x.drawValues ? [...x.drawValues] : undefined));
    expect(drawn).toEqual([[1, 2], [-10, -20], [4, 6], [-40, -60], undefined]);
    const groups = r.series.map((x) => x.stackGroup);
    expect(groups[0]).toBe(groups[2]);
    expect(groups[1]).toBe(groups[3]);
    expect(groups[0]).not.toBe(groups[1]);
    expect(groups[4]).toBeUndefined();
    // shown values stay the API's
    expect([...r.series[3]!.values]).toEqual([30, 40]);
  });

  it('a percent stack draws on a 0–1 percent axis', () => {
    const r = applyOverrides([s('a', f(1)), s('b', f(3))], undefined, {
      ...base,
      stacking: 'percent',
    });
    expect(r.axes).toEqual([
      { scale: 'y', side: 'left', unit: 'percentunit', decimals: undefined, min: 0, max: 1 },
    ]);
    expect(r.series.map((x) => [...x.drawValues!])).toEqual([[0.25], [1]]);
  });

  it('display name, draw style, width, fill and hidden parts per series', () => {
    const o: FieldOverride[] = [
      {
        matcher: { id: 'byName', options: 'a' },
        properties: [
          { id: 'displayName', value: 'Alpha' },
          { id: 'custom.drawStyle', value: 'bars' },
          { id: 'custom.lineWidth', value: 0 },
          { id: 'custom.fillOpacity', value: 30 },
          { id: 'custom.hideFrom', value: { legend: true, tooltip: true, viz: false } },
        ],
      },
    ];
    const [a, b] = applyOverrides([s('a', f(1)), s('b', f(2))], o, base).series;
    expect(a!.label).toBe('Alpha');
    expect(a!.key).toBe('A\u0000a');
    expect(a!.style).toEqual({ drawStyle: 'bars', lineWidth: 0, fillOpacity: 30 });
    expect(a!.hideFrom).toEqual({ legend: true, tooltip: true, viz: false });
    expect(b!.style).toBeUndefined();
    expect(b!.hideFrom).toBeUndefined();
  });
});
