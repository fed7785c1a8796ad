import { describe, expect, it } from 'vitest';
import { formatTicks, niceUnitIncrements } from './ticks';

describe('formatTicks', () => {
  it.each([
    ['bytes', [0, 512, 1024, 1536, 2048], ['0.0 KiB', '0.5 KiB', '1.0 KiB', '1.5 KiB', '2.0 KiB']],
    ['bytes', [0, 262144, 524288, 786432], ['0 KiB', '256 KiB', '512 KiB', '768 KiB']],
    [
      'bytes',
      [0, 262144, 524288, 786432, 1048576],
      ['0.00 MiB', '0.25 MiB', '0.50 MiB', '0.75 MiB', '1.00 MiB'],
    ],
    ['decbytes', [-1000, 0, 1000], ['-1 kB', '0 kB', '1 kB']],
    ['s', [0, 0.5, 1, 1.5], ['0.0 s', '0.5 s', '1.0 s', '1.5 s']],
    ['s', [0, 30, 60, 90, 120], ['0.0 min', '0.5 min', '1.0 min', '1.5 min', '2.0 min']],
    ['s', [0.0002, 0.0004, 0.0006], ['200 µs', '400 µs', '600 µs']],
    ['ms', [500, 1000, 1500], ['0.5 s', '1.0 s', '1.5 s']],
    ['short', [0, 2e6, 4e6], ['0 Mil', '2 Mil', '4 Mil']],
    ['short', [0, 0.1, 0.2, 0.30000000000000004], ['0.0', '0.1', '0.2', '0.3']],
    ['percentunit', [0, 0.25, 0.5], ['0%', '25%', '50%']],
    ['percent', [0, 12.5, 25], ['0.0%', '12.5%', '25.0%']],
    ['currencyUSD', [-2000, 0, 2000], ['-$2K', '$0K', '$2K']],
    ['reqps', [0, 500, 1000, 1500], ['0.0K req/s', '0.5K req/s', '1.0K req/s', '1.5K req/s']],
  ])('labels %s ticks %j as %j', (unit, ticks, expected) => {
    expect(formatTicks(ticks, unit)).toEqual(expected);
  });

  it('drops to a lower rung when the top one would print messy fractions', () => {
    // 1250 B is 1.2207… KiB; the ticks print exactly in bytes.
    expect(formatTicks([0, 250, 500, 750, 1000, 1250], 'bytes')).toEqual([
      '0 B',
      '250 B',
      '500 B',
      '750 B',
      '1000 B',
      '1250 B',
    ]);
  });

  it('uses the given decimals for every tick', () => {
    expect(formatTicks([0, 60, 120], 's', 2)).toEqual(['0.00 min', '1.00 min', '2.00 min']);
    expect(formatTicks([1536, 3072], 'bytes', 0)).toEqual(['2 KiB', '3 KiB']);
  });

  it('formats text units tick by tick', () => {
    expect(formatTicks([60, 120], 'dtdurations')).toEqual(['1 minute', '2 minutes']);
  });

  it('keeps non-finite ticks readable and ignores them when picking the scale', () => {
    expect(formatTicks([NaN, 1000, 2000, Infinity], 'decbytes')).toEqual([
      'NaN',
      '1 kB',
      '2 kB',
      '+Inf',
    ]);
    expect(formatTicks([], 'bytes')).toEqual([]);
    expect(formatTicks([0], 'bytes')).toEqual(['0 B']);
  });

  it('falls back to decimals that separate the ticks when none print exactly', () => {
    expect(formatTicks([1 / 3, 2 / 3], 'none')).toEqual(['0.33', '0.67']);
  });
});

describe('niceUnitIncrements', () => {
  it('steps byte axes by powers of two of 1024-based units', () => {
    const incrs = niceUnitIncrements('bytes') ?? [];
    expect(incrs).toContain(512);
    expect(incrs).toContain(1024);
    expect(incrs).toContain(256 * 1024);
    expect(incrs).toContain(1024 ** 3);
    expect(incrs).not.toContain(1000);
    expect([...incrs].sort((a, b) => a - b)).toEqual(incrs);
  });

  it('steps time axes by clock units', () => {
    const s = niceUnitIncrements('s') ?? [];
    expect(s).toEqual(expect.arrayContaining([0.5, 1, 15, 60, 300, 3600, 86400, 604800]));
    expect(s).not.toContain(3000);
    const ms = niceUnitIncrements('ms') ?? [];
    expect(ms).toEqual(expect.arrayContaining([0.5, 500, 1000, 60000, 3600000]));
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
  });

  it('leaves other units to the default 1-2-5 steps', () => {
    expect(niceUnitIncrements('short')).toBeUndefined();
    expect(niceUnitIncrements('decbytes')).toBeUndefined();
  });
});
