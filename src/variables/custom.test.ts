import { describe, expect, it } from 'vitest';
import {
  AUTO_VALUE,
  autoInterval,
  autoIntervalMs,
  constantOptions,
  intervalOptions,
  intervalValue,
  isAutoValue,
  parseCustomOptions,
  textboxOptions,
} from './custom';

const H = 3_600_000;

describe('parseCustomOptions', () => {
  it('splits on commas and trims', () => {
    expect(parseCustomOptions('a, b ,c')).toEqual([
      { text: 'a', value: 'a' },
      { text: 'b', value: 'b' },
      { text: 'c', value: 'c' },
    ]);
  });
  it('key : value pairs (spaces around the colon)', () => {
    expect(parseCustomOptions('Production : prod, Dev : dev')).toEqual([
      { text: 'Production', value: 'prod' },
      { text: 'Dev', value: 'dev' },
    ]);
  });
  it('a colon without spaces is part of the value', () => {
    expect(parseCustomOptions('http://x:9090,a:b')).toEqual([
      { text: 'http://x:9090', value: 'http://x:9090' },
      { text: 'a:b', value: 'a:b' },
    ]);
  });
  it('escaped commas', () => {
    expect(parseCustomOptions('a\\,b,c')).toEqual([
      { text: 'a,b', value: 'a,b' },
      { text: 'c', value: 'c' },
    ]);
    expect(parseCustomOptions('One\\, two : 1\\,2')).toEqual([{ text: 'One, two', value: '1,2' }]);
  });
  it('drops blank entries, keeps awkward characters', () => {
    expect(parseCustomOptions('')).toEqual([]);
    expect(parseCustomOptions('a,, ,b')).toEqual([
      { text: 'a', value: 'a' },
      { text: 'b', value: 'b' },
    ]);
    expect(parseCustomOptions('a.b|c,"q",é/ü')).toEqual([
      { text: 'a.b|c', value: 'a.b|c' },
      { text: '"q"', value: '"q"' },
      { text: 'é/ü', value: 'é/ü' },
    ]);
  });
});

describe('interval variables', () => {
  it('lists the intervals, defaults when empty, strips quotes', () => {
    expect(intervalOptions({ name: 'i', query: '1m, "5m",10m' }).map((o) => o.value)).toEqual([
      '1m',
      '5m',
      '10m',
    ]);
    expect(intervalOptions({ name: 'i', query: '' }).map((o) => o.value)).toEqual([
      '1m',
      '10m',
      '30m',
      '1h',
      '6h',
      '12h',
      '1d',
      '7d',
      '14d',
      '30d',
    ]);
  });
  it('puts auto first when enabled', () => {
    expect(intervalOptions({ name: 'i', query: '1m', auto: true })).toEqual([
      { text: 'auto', value: AUTO_VALUE },
      { text: '1m', value: '1m' },
    ]);
  });
  it('auto = roundInterval(range / auto_count), at least auto_min', () => {
    // 6h / 30 = 12m → ladder: 10m
    expect(autoInterval(6 * H)).toBe('10m');
    expect(autoIntervalMs(6 * H)).toBe(600_000);
    // 1h / 30 = 2m → 2m
    expect(autoInterval(H)).toBe('2m');
    // 5m / 30 = 10s → ladder 10s; min 10s
    expect(autoInterval(300_000)).toBe('10s');
    // min wins
    expect(autoInterval(300_000, 30, '1m')).toBe('1m');
    // 7d / 100 = 100.8m → ladder 2h
    expect(autoInterval(7 * 24 * H, 100)).toBe('2h');
    // bad settings fall back to the defaults
    expect(autoInterval(6 * H, 0, 'nope')).toBe('10m');
  });
  it('intervalValue resolves auto (all spellings) and passes picks through', () => {
    const v = { name: 'iv', query: '1m,1h', auto: true, auto_count: 10, auto_min: '1m' };
    expect(intervalValue('1h', v, 6 * H)).toBe('1h');
    expect(intervalValue('$__auto', v, 6 * H)).toBe('30m');
    expect(intervalValue('$__auto_interval_iv', v, 6 * H)).toBe('30m');
    expect(intervalValue('auto', v, 6 * H)).toBe('30m');
    expect(isAutoValue('$__auto_interval_other', 'iv')).toBe(false);
  });
});

describe('constant and textbox', () => {
  it('constant: one option', () => {
    expect(constantOptions('x.y')).toEqual([{ text: 'x.y', value: 'x.y' }]);
  });
  it('textbox: current else default', () => {
    expect(textboxOptions('def')).toEqual([{ text: 'def', value: 'def' }]);
    expect(textboxOptions('def', 'typed')).toEqual([{ text: 'typed', value: 'typed' }]);
    expect(textboxOptions('def', ['t'])).toEqual([{ text: 't', value: 't' }]);
  });
});
