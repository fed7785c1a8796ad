import { describe, expect, it } from 'vitest';
import {
  FALLBACK_COLOR,
  alpha,
  colorTheme,
  setColorTheme,
  classicPalette,
  parseColor,
  resolveColor,
  seriesColor,
} from './colors';

describe('resolveColor', () => {
  it.each([
    ['green', '#73BF69'],
    ['red', '#F2495C'],
    ['orange', '#FF9830'],
    ['yellow', '#FADE2A'],
    ['blue', '#5794F2'],
    ['purple', '#B877D9'],
    ['semi-dark-red', '#E02F44'],
    ['dark-green', '#37872D'],
    ['light-blue', '#8AB8FF'],
    ['super-light-yellow', '#FFF899'],
    ['super-light-purple', '#DEB6F2'],
    ['dark-orange', '#FA6400'],
    ['transparent', 'rgba(0,0,0,0)'],
  ])('resolves Grafana name %s to %s in the dark theme', (name, hex) => {
    expect(resolveColor(name)).toBe(hex);
  });

  it('uses the light theme shades when asked', () => {
    expect(resolveColor('green', 'light')).toBe('#56A64B');
    expect(resolveColor('dark-red', 'light')).toBe('#AD0317');
  });

  it('passes hex and rgb colours through untouched', () => {
    expect(resolveColor('#abc')).toBe('#abc');
    expect(resolveColor('#FF000080')).toBe('#FF000080');
    expect(resolveColor('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
    expect(resolveColor('rgba(1, 2, 3, 0.5)')).toBe('rgba(1, 2, 3, 0.5)');
  });

  it('resolves CSS names Grafana does not define, and keeps unknown strings', () => {
    expect(resolveColor('steelblue')).toBe('#4682b4');
    expect(resolveColor('Black')).toBe('#000000');
    expect(resolveColor('hsl(0, 100%, 50%)')).toBe('hsl(0, 100%, 50%)');
  });

  it('falls back to grey for empty colours', () => {
    expect(resolveColor('')).toBe(FALLBACK_COLOR);
    expect(resolveColor(undefined)).toBe('#808080');
  });
});

describe('seriesColor', () => {
  it('follows the classic palette order', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => seriesColor(i))).toEqual([
      '#73BF69',
      '#FADE2A',
      '#5794F2',
      '#FF9830',
      '#F2495C',
      '#B877D9',
      '#37872D',
    ]);
    expect(seriesColor(18)).toBe('#447EBC');
  });

  it('wraps around after the last colour, also for negative indexes', () => {
    expect(classicPalette).toHaveLength(64);
    expect(seriesColor(64)).toBe(seriesColor(0));
    expect(seriesColor(65)).toBe('#FADE2A');
    expect(seriesColor(-1)).toBe('#DEDAF7');
  });
});

describe('parseColor', () => {
  it.each([
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#0f08', { r: 0, g: 255, b: 0, a: 136 / 255 }],
    ['#73BF69', { r: 115, g: 191, b: 105, a: 1 }],
    ['#73BF6980', { r: 115, g: 191, b: 105, a: 128 / 255 }],
    ['rgb(1, 2, 3)', { r: 1, g: 2, b: 3, a: 1 }],
    ['rgba(1,2,3,0.25)', { r: 1, g: 2, b: 3, a: 0.25 }],
    ['rgb(100% 0% 50% / 50%)', { r: 255, g: 0, b: 127.5, a: 0.5 }],
    ['green', { r: 115, g: 191, b: 105, a: 1 }],
  ])('parses %s', (color, rgba) => {
    expect(parseColor(color)).toEqual(rgba);
  });

  it.each(['#12', 'rgb(1, 2)', 'rgb(a, b, c)', 'nonsense'])('rejects %s', (color) => {
    expect(parseColor(color)).toBeUndefined();
  });
});

describe('alpha', () => {
  it('replaces the alpha of named, hex and rgb colours', () => {
    expect(alpha('green', 0.5)).toBe('rgba(115, 191, 105, 0.5)');
    expect(alpha('#ff0000', 0.1)).toBe('rgba(255, 0, 0, 0.1)');
    expect(alpha('rgba(1, 2, 3, 0.9)', 0.2)).toBe('rgba(1, 2, 3, 0.2)');
  });

  it('clamps alpha to 0–1', () => {
    expect(alpha('#000', 2)).toBe('rgba(0, 0, 0, 1)');
    expect(alpha('#000', -1)).toBe('rgba(0, 0, 0, 0)');
  });

  it('returns colours it cannot parse unchanged', () => {
    expect(alpha('hsl(0, 100%, 50%)', 0.5)).toBe('hsl(0, 100%, 50%)');
  });
});

describe('the shown theme', () => {
  it('resolves named colours to its shades when a call names no theme; hex stays', () => {
    try {
      setColorTheme('light');
      expect(colorTheme()).toBe('light');
      expect(resolveColor('green')).toBe('#56A64B');
      expect(resolveColor('#73BF69')).toBe('#73BF69');
      expect(resolveColor('green', 'dark')).toBe('#73BF69');
      setColorTheme('dark');
      expect(resolveColor('green')).toBe('#73BF69');
    } finally {
      setColorTheme('dark');
    }
  });
});
