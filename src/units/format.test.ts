import { describe, expect, it } from 'vitest';
import { unitOptions } from './catalogue';
import { decimalsForValue, toFixed } from './decimals';
import {
  formatValue,
  formatValueToString,
  formattedToString,
  isKnownUnit,
  unitScaler,
} from './format';

// Expected strings follow Grafana's valueFormats (9.5–11): automatic decimals give two
// significant digits padded with zeros ("1.50 KiB", not "1.5 KiB"), integers print bare.
type Row = [unit: string, value: number, expected: string];
const fmt = (unit: string, value: number, decimals?: number): string =>
  formatValueToString(value, unit, decimals);

describe('toFixed and automatic decimals', () => {
  it.each([
    [100, '100'],
    [100.4, '100'],
    [100.5, '101'],
    [3.14159, '3.14'],
    [-3.14159, '-3.14'],
    [1.5, '1.50'],
    [0.5, '0.500'],
    [0.0123, '0.0123'],
    [45.678, '45.7'],
    [0, '0'],
    [1e-7, '1e-7'],
  ])('prints %s as %s without fixed decimals', (value, expected) => {
    expect(toFixed(value)).toBe(expected);
  });

  it.each([
    [100, 1, '100.0'],
    [100.37, 1, '100.4'],
    [100.63, 1, '100.6'],
    [100.4, 2, '100.40'],
    [0, 2, '0.00'],
    [186.123, -2, '186'],
    [1.005, 0, '1'],
  ])('prints %s with %s decimals as %s', (value, decimals, expected) => {
    expect(toFixed(value, decimals)).toBe(expected);
  });

  it('gives integers no decimals and fractions about two significant digits', () => {
    expect(decimalsForValue(42)).toBe(0);
    expect(decimalsForValue(4.2)).toBe(2);
    expect(decimalsForValue(0.042)).toBe(4);
    expect(decimalsForValue(-0.042)).toBe(4);
    expect(decimalsForValue(420.5)).toBe(0);
  });
});

describe('non-finite values', () => {
  it.each(['bytes', 'short', 's', 'percent', 'dateTimeAsIso', 'currencyUSD'])(
    'prints NaN and infinities without a unit in %s',
    (unit) => {
      expect(formatValue(NaN, unit)).toEqual({ text: 'NaN' });
      expect(formatValue(Infinity, unit)).toEqual({ text: '+Inf' });
      expect(formatValue(-Infinity, unit)).toEqual({ text: '-Inf' });
    },
  );
});

describe('plain numbers', () => {
  it.each<Row>([
    ['none', 1234567, '1234567'],
    ['none', 3.14159, '3.14'],
    ['none', -0.5, '-0.500'],
    ['short', 0, '0'],
    ['short', 999, '999'],
    ['short', 1000, '1 K'],
    ['short', 1500, '1.50 K'],
    ['short', 98765, '98.8 K'],
    ['short', 1e6, '1 Mil'],
    ['short', 2.5e9, '2.50 Bil'],
    ['short', 1e12, '1 Tri'],
    ['short', 1e15, '1 Quadr'],
    ['short', 1e18, '1 Quint'],
    ['short', 1e21, '1 Sext'],
    ['short', 1e24, '1 Sept'],
    ['short', 1e27, '1000 Sept'],
    ['short', -1500, '-1.50 K'],
    ['short', 0.5, '0.500'],
    ['short', 0.0123, '0.0123'],
  ])('%s formats %s as %s', (unit, value, expected) => {
    expect(fmt(unit, value)).toBe(expected);
  });

  it('uses fixed decimals after scaling', () => {
    expect(fmt('short', 9876543, 2)).toBe('9.88 Mil');
    expect(fmt('short', 98765, 0)).toBe('99 K');
    expect(fmt('none', 100.4, 2)).toBe('100.40');
  });

  it('keeps the short suffix out of the text', () => {
    expect(formatValue(1500, 'short')).toEqual({ text: '1.50', suffix: ' K' });
  });
});

describe('percent', () => {
  it.each<Row>([
    ['percent', 45, '45%'],
    ['percent', 45.678, '45.7%'],
    ['percent', 0, '0%'],
    ['percent', -12.5, '-12.5%'],
    ['percent', 150, '150%'],
    ['percentunit', 0.5, '50%'],
    ['percentunit', 0.123, '12.3%'],
    ['percentunit', 1, '100%'],
    ['percentunit', 0, '0%'],
    // 0.07 * 100 = 7.000000000000001 in floating point; Grafana prints the same "7.00%".
    ['percentunit', 0.07, '7.00%'],
  ])('%s formats %s as %s', (unit, value, expected) => {
    expect(fmt(unit, value)).toBe(expected);
  });

  it('honours fixed decimals', () => {
    expect(fmt('percent', 99.99, 1)).toBe('100.0%');
    expect(fmt('percentunit', 0.12345, 2)).toBe('12.35%');
  });
});

describe('data sizes', () => {
  it.each<Row>([
    ['bytes', 0, '0 B'],
    ['bytes', 1023, '1023 B'],
    ['bytes', 1024, '1 KiB'],
    ['bytes', 1536, '1.50 KiB'],
    ['bytes', 1048576, '1 MiB'],
    ['bytes', 123456789, '118 MiB'],
    ['bytes', 1610612736, '1.50 GiB'],
    ['bytes', 2 ** 40, '1 TiB'],
    ['bytes', 2 ** 50, '1 PiB'],
    ['bytes', 2 ** 60, '1 EiB'],
    ['bytes', 2 ** 80, '1 YiB'],
    ['bytes', 2 ** 90, '1024 YiB'],
    ['bytes', -2048, '-2 KiB'],
    ['bytes', 0.5, '0.500 B'],
    ['decbytes', 999, '999 B'],
    ['decbytes', 1000, '1 kB'],
    ['decbytes', 1500, '1.50 kB'],
    ['decbytes', 2.5e9, '2.50 GB'],
    ['decbytes', 1e12, '1 TB'],
    // SI units scale down as well as up in Grafana: half a byte is "500 mB".
    ['decbytes', 0.5, '500 mB'],
    ['bits', 1024, '1 Kib'],
    ['bits', 3 * 2 ** 20, '3 Mib'],
    ['decbits', 1e6, '1 Mb'],
    ['kbytes', 1, '1 KiB'],
    ['kbytes', 1024, '1 MiB'],
    ['kbytes', 0.5, '512 B'],
    ['mbytes', 1536, '1.50 GiB'],
    ['mbytes', 100, '100 MiB'],
    ['gbytes', 2048, '2 TiB'],
    ['gbytes', 16, '16 GiB'],
    ['deckbytes', 1, '1 kB'],
    ['deckbytes', 1500, '1.50 MB'],
    ['decmbytes', 1500, '1.50 GB'],
    ['decgbytes', 0.5, '500 MB'],
    ['decgbytes', 4000, '4 TB'],
  ])('%s formats %s as %s', (unit, value, expected) => {
    expect(fmt(unit, value)).toBe(expected);
  });

  it('matches Grafana with fixed decimals on pre-scaled input', () => {
    expect(fmt('kbytes', 10000000, 3)).toBe('9.537 GiB');
    expect(fmt('deckbytes', 10000000, 3)).toBe('10.000 GB');
  });

  it('splits bytes into text and suffix', () => {
    expect(formatValue(1536, 'bytes')).toEqual({ text: '1.50', suffix: ' KiB' });
  });
});

describe('data rates', () => {
  it.each<Row>([
    ['Bps', 0, '0 B/s'],
    ['Bps', 1500, '1.50 kB/s'],
    ['Bps', 2e6, '2 MB/s'],
    ['binBps', 1024, '1 KiB/s'],
    ['binBps', 1536 * 1024, '1.50 MiB/s'],
    ['bps', 1e9, '1 Gb/s'],
    ['bps', 999, '999 b/s'],
    ['binbps', 512, '512 b/s'],
    ['binbps', 2048, '2 Kib/s'],
    ['pps', 12345, '12.3 kp/s'],
    ['pps', 7, '7 p/s'],
  ])('%s formats %s as %s', (unit, value, expected) => {
    expect(fmt(unit, value)).toBe(expected);
  });
});

describe('time units', () => {
  it.each<Row>([
    ['s', 0, '0 s'],
    ['s', 5e-10, '0.500 ns'],
    ['s', 1.5e-7, '150 ns'],
    ['s', 2.5e-6, '2.50 µs'],
    ['s', 0.0015, '1.50 ms'],
    ['s', 0.25, '250 ms'],
    ['s', 1, '1 s'],
    ['s', 59, '59 s'],
    ['s', 90, '1.50 min'],
    ['s', 3600, '1 hour'],
    ['s', 5400, '1.50 hour'],
    ['s', 86400, '1 day'],
    ['s', 604800, '1 week'],
    // Grafana divides years by 3.15569e7 but switches at 31536000, so 365 days is 0.999 year.
    ['s', 31536000, '0.999 year'],
    ['s', 63113800, '2 year'],
    ['s', -90, '-1.50 min'],
    ['s', -0.002, '-2 ms'],
    ['ms', 0, '0 ms'],
    ['ms', 0.5, '0.500 ms'],
    ['ms', 999, '999 ms'],
    ['ms', 1500, '1.50 s'],
    ['ms', 90000, '1.50 min'],
    ['ms', 7200000, '2 hour'],
    ['ms', 86400000, '1 day'],
    ['ms', 31536000000, '1 year'],
    ['µs', 500, '500 µs'],
    ['µs', 1500, '1.50 ms'],
    ['µs', 2.5e6, '2.50 s'],
    // The µs ladder stops at seconds, as in Grafana.
    ['µs', 7.2e9, '7200 s'],
    ['us', 1500, '1.50 ms'],
    ['ns', 999, '999 ns'],
    ['ns', 1500, '1.50 µs'],
    ['ns', 2e6, '2 ms'],
    ['ns', 3e9, '3 s'],
    ['ns', 9e10, '1.50 min'],
    ['ns', 7.2e12, '2 hour'],
    ['ns', 8.64e13, '1 day'],
    ['ns', 0.25, '0.250 ns'],
    ['m', 30, '30 min'],
    ['m', 90, '1.50 hour'],
    ['m', 1440, '1 day'],
    ['m', 10080, '1 week'],
    // Grafana's minute ladder stays in weeks up to 604800 minutes (60 weeks).
    ['m', 525948, '52.2 week'],
    ['m', 604800, '1.15 year'],
    ['h', 12, '12 hour'],
    ['h', 36, '1.50 day'],
    ['h', 168, '1 week'],
    ['h', 8760, '1 year'],
    ['d', 3, '3 day'],
    ['d', 14, '2 week'],
    ['d', 365, '1 year'],
    ['d', 730, '2 year'],
  ])('%s formats %s as %s', (unit, value, expected) => {
    expect(fmt(unit, value)).toBe(expected);
  });

  it.each([
    ['ms', 0.0024, 4, '0.0024 ms'],
    ['ms', 100, 0, '100 ms'],
    ['ms', 1250, 2, '1.25 s'],
    ['ms', 10000086.123, 1, '2.8 hour'],
    ['ms', 1200, 0, '1 s'],
    ['s', 0, 2, '0 s'],
    ['s', 1.5e-7, 2, '150.00 ns'],
  ] as const)('%s formats %s with %s decimals as %s', (unit, value, decimals, expected) => {
    expect(fmt(unit, value, decimals)).toBe(expected);
  });

  it('spells durations as text, one unit per requested decimal', () => {
    expect(fmt('dtdurations', 3725)).toBe('1 hour');
    expect(fmt('dtdurations', 3725, 1)).toBe('1 hour, 2 minutes');
    expect(fmt('dtdurations', 3725, 2)).toBe('1 hour, 2 minutes, 5 seconds');
    expect(fmt('dtdurations', 90061, 3)).toBe('1 day, 1 hour, 1 minute, 1 second');
    expect(fmt('dtdurations', 0)).toBe('0 seconds');
    expect(fmt('dtdurations', -60)).toBe('1 minute ago');
    expect(fmt('dtdurationms', 1500, 1)).toBe('1 second, 500 milliseconds');
    expect(fmt('dtdurationms', 0)).toBe('0 milliseconds');
  });

  it('prints clock-style durations', () => {
    expect(fmt('dthms', 3725)).toBe('01:02:05');
    expect(fmt('dthms', 45296)).toBe('12:34:56');
    expect(fmt('dtdhms', 90061)).toBe('1 d 01:01:01');
    expect(fmt('dtdhms', 61)).toBe('00:01:01');
    expect(fmt('clockms', 45)).toBe('045ms');
    expect(fmt('clockms', 5045)).toBe('05s:045ms');
    expect(fmt('clockms', 5045, 0)).toBe('05s');
    expect(fmt('clockms', 65045)).toBe('01m:05s:045ms');
    expect(fmt('clockms', 3665045, 2)).toBe('1h:01m:05s');
    expect(fmt('clocks', 65, 1)).toBe('01m:05s');
  });
});

describe('throughput and other SI units', () => {
  it.each<Row>([
    ['reqps', 5, '5 req/s'],
    ['reqps', 1500, '1.50K req/s'],
    ['reqps', 2e6, '2M req/s'],
    ['reqps', 0.5, '0.500 req/s'],
    ['reqps', 3e9, '3B req/s'],
    ['reqps', 4e12, '4T req/s'],
    ['rps', 10, '10 rd/s'],
    ['wps', 1000, '1K wr/s'],
    ['iops', 250, '250 io/s'],
    ['ops', 12, '12 ops/s'],
    ['opm', 60, '60 ops/m'],
    ['rpm', 2500, '2.50K rd/m'],
    ['cps', 3, '3 c/s'],
    ['hertz', 2.4e9, '2.40 GHz'],
    ['hertz', 50, '50 Hz'],
    ['celsius', 21.5, '21.5 °C'],
    ['celsius', -4, '-4 °C'],
    ['fahrenheit', 70, '70 °F'],
    ['farenheit', 70, '70 °F'],
    ['volt', 0.005, '5 mV'],
    ['volt', 230, '230 V'],
    ['watt', 1500, '1.50 kW'],
  ])('%s formats %s as %s', (unit, value, expected) => {
    expect(fmt(unit, value)).toBe(expected);
  });
});

describe('currencies', () => {
  it.each<Row>([
    ['currencyUSD', 0, '$0'],
    ['currencyUSD', 999, '$999'],
    ['currencyUSD', 1000, '$1K'],
    ['currencyUSD', 1e6, '$1M'],
    ['currencyUSD', -1000, '-$1K'],
    ['currencyEUR', 2.5e6, '€2.50M'],
    ['currencyEUR', 12.5, '€12.5'],
    ['currencySEK', 1000, '1Kkr'],
    ['currencySEK', -999, '-999kr'],
  ])('%s formats %s as %s', (unit, value, expected) => {
    expect(fmt(unit, value)).toBe(expected);
  });

  it('puts the symbol in the prefix', () => {
    expect(formatValue(1532.82, 'currencyUSD', 2)).toEqual({
      prefix: '$',
      text: '1.53',
      suffix: 'K',
    });
  });
});

describe('dates', () => {
  const t = Date.UTC(2010, 6, 2, 13, 4, 5);
  it('formats ISO date-times in UTC and in a named zone', () => {
    expect(formatValueToString(t, 'dateTimeAsIso', undefined, { timeZone: 'utc' })).toBe(
      '2010-07-02 13:04:05',
    );
    expect(
      formatValueToString(t, 'dateTimeAsIso', undefined, { timeZone: 'America/New_York' }),
    ).toBe('2010-07-02 09:04:05');
    expect(formatValueToString(t, 'dateTimeAsSystem', undefined, { timeZone: 'UTC' })).toBe(
      '2010-07-02 13:04:05',
    );
  });

  it('formats US date-times with a 12-hour clock', () => {
    expect(formatValueToString(t, 'dateTimeAsUS', undefined, { timeZone: 'utc' })).toBe(
      '07/02/2010 1:04:05 pm',
    );
    expect(
      formatValueToString(Date.UTC(2010, 6, 2), 'dateTimeAsUS', undefined, { timeZone: 'utc' }),
    ).toBe('07/02/2010 12:00:00 am');
  });

  it('uses the browser zone by default', () => {
    const local = new Date(2010, 6, 2, 8, 9, 10).getTime();
    expect(fmt('dateTimeAsIso', local)).toBe('2010-07-02 08:09:10');
  });
});

describe('custom and unknown units', () => {
  it.each([
    ['prefix:b', 1532.82, undefined, 'b1533'],
    ['suffix:d', 1532.82, undefined, '1533 d'],
    ['si:µF', 1234, 2, '1.23 mF'],
    ['si:μF', 1234, 2, '1.23 mF'],
    ['si:µF', 1234000000, 2, '1.23 kF'],
    ['si:µF', 1234000000000000, 2, '1.23 GF'],
    ['si:B', 1500, undefined, '1.50 kB'],
    ['si:kW', 1500, undefined, '1.50 MW'],
    ['count:xpm', 1234567, 2, '1.23M xpm'],
    ['count:x/min', 1234, 2, '1.23K x/min'],
    ['currency:@', 1234, 2, '@1.23K'],
    ['a', 1532.82, 0, '1533 a'],
    ['widgets', 1532.82, undefined, '1533 widgets'],
    ['widgets', 1e6, undefined, '1000000 widgets'],
    ['', 12.5, undefined, '12.5'],
  ] as const)('%s formats %s (decimals %s) as %s', (unit, value, decimals, expected) => {
    expect(fmt(unit, value, decimals)).toBe(expected);
  });

  it('formats booleans and hexadecimal', () => {
    expect(fmt('bool', 1)).toBe('True');
    expect(fmt('bool', 0)).toBe('False');
    expect(fmt('bool_on_off', 1)).toBe('On');
    expect(fmt('bool:up/down', 0)).toBe('down');
    expect(fmt('hex0x', 255)).toBe('0xFF');
    expect(fmt('hex0x', -255)).toBe('-0xFF');
    expect(fmt('hex', 4096)).toBe('1000');
    expect(fmt('sci', 12345, 2)).toBe('1.23e+4');
  });

  it('knows listed ids and aliases but not custom ids', () => {
    expect(isKnownUnit('bytes')).toBe(true);
    expect(isKnownUnit('us')).toBe(true);
    expect(isKnownUnit('suffix:x')).toBe(false);
    expect(isKnownUnit('widgets')).toBe(false);
  });
});

describe('formattedToString', () => {
  it('joins prefix, text and suffix', () => {
    expect(formattedToString({ prefix: '$', text: '1.53', suffix: 'K' })).toBe('$1.53K');
    expect(formattedToString({ text: '7' })).toBe('7');
  });
});

describe('unitOptions', () => {
  const ids = unitOptions.flatMap((g) => g.units.map((u) => u.id));

  it('lists every unit the app promises, each once', () => {
    const required = [
      'none',
      'short',
      'percent',
      'percentunit',
      'bytes',
      'decbytes',
      'bits',
      'decbits',
      'kbytes',
      'mbytes',
      'gbytes',
      'deckbytes',
      'decmbytes',
      'decgbytes',
      'Bps',
      'binBps',
      'bps',
      'binbps',
      'pps',
      's',
      'ms',
      'µs',
      'ns',
      'm',
      'h',
      'd',
      'dtdurations',
      'dtdurationms',
      'reqps',
      'rps',
      'wps',
      'iops',
      'ops',
      'opm',
      'rpm',
      'cps',
      'hertz',
      'celsius',
      'fahrenheit',
      'volt',
      'watt',
      'currencyUSD',
      'currencyEUR',
      'dateTimeAsIso',
    ];
    for (const id of required) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('groups units by Grafana category with readable labels', () => {
    const data = unitOptions.find((g) => g.category === 'Data');
    expect(data?.units[0]).toEqual({ id: 'bytes', label: 'bytes(IEC)' });
    expect(unitOptions[0]?.category).toBe('Misc');
  });
});

describe('unitScaler', () => {
  it('exposes the scale a ladder unit picks', () => {
    const scale = unitScaler('bytes')?.(1536);
    expect(scale?.suffix).toBe(' KiB');
    expect(scale?.apply(3072)).toBe(3);
  });

  it('has no scale for text units', () => {
    expect(unitScaler('dtdurations')).toBeUndefined();
    expect(unitScaler('dateTimeAsIso')).toBeUndefined();
  });
});
