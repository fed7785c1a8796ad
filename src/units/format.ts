/**
 * Grafana-compatible value formatting: the same unit ids, the same auto-scaling ladders and the
 * same automatic decimals as `@grafana/data` valueFormats (as shipped in Grafana 9.5–11), so a
 * dashboard imported from Grafana reads the same here.
 *
 * Deliberate differences from Grafana:
 * - NaN prints "NaN" and ±Infinity print "+Inf" / "-Inf" (Prometheus' spelling), with no unit.
 * - `time:<format>` (moment.js patterns) is not supported; it falls back like any unknown id.
 *
 * Unknown unit ids behave like Grafana: the number is printed unscaled (automatic decimals) with
 * the id as suffix, e.g. `formatValue(1532.82, 'widgets', 0)` → "1533 widgets".
 */

import { wallTimeIn } from '../time/zone';

/** A formatted number split into the parts a stat panel styles separately. */
export interface FormattedValue {
  prefix?: string;
  text: string;
  suffix?: string;
}

/** Options that only some units read (date/time units). */
export interface FormatOptions {
  /** "browser" (default), "utc" or an IANA zone; used by dateTime* units */
  timeZone?: string;
}

/** One entry of the unit picker. */
export interface UnitOption {
  id: string;
  label: string;
}

/** One group of the unit picker ("Data", "Time", …). */
export interface UnitCategory {
  category: string;
  units: UnitOption[];
}

/** The scale a unit picks for a value: how to transform it and what to put around it. */
export interface UnitScale {
  apply: (value: number) => number;
  prefix?: string;
  suffix?: string;
}

/** Picks the scale for a value (by its magnitude, and for currencies its sign). */
export type UnitScaler = (value: number) => UnitScale;

type CustomFormatter = (
  value: number,
  decimals: number | undefined,
  options: FormatOptions,
) => FormattedValue;

interface UnitDef {
  /** ladder units: picking a scale then printing with toFixed */
  scale?: UnitScaler;
  /** non-ladder units (durations as text, dates, booleans …) */
  format?: CustomFormatter;
  /** checked before `scale`; returns a result for values the unit prints specially */
  special?: (value: number) => FormattedValue | undefined;
}

/** Joins prefix, text and suffix as Grafana's `formattedValueToString` does. */
export function formattedToString(f: FormattedValue): string {
  return `${f.prefix ?? ''}${f.text}${f.suffix ?? ''}`;
}

/**
 * Grafana's `getDecimalsForValue`: two significant digits (three when the leading digits exceed
 * 2.25, i.e. almost always), none for integers.
 */
export function decimalsForValue(value: number): number {
  if (value % 1 === 0) return 0;
  const absValue = Math.abs(value);
  const log10 = Math.floor(Math.log(absValue) / Math.LN10);
  let dec = -log10 + 1;
  const magn = Math.pow(10, -dec);
  const norm = absValue / magn;
  if (norm > 2.25) ++dec;
  return Math.max(0, dec);
}

/**
 * Grafana's `toFixed`: rounds half up to `decimals` places (automatic when omitted) and pads with
 * zeros to exactly that many places; exponent notation is returned as JavaScript prints it.
 */
export function toFixed(value: number, decimals?: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const dec = decimals ?? decimalsForValue(value);
  if (value === 0) return value.toFixed(Math.max(0, Math.min(100, dec)));
  const factor = dec ? Math.pow(10, Math.max(0, dec)) : 1;
  const formatted = String(Math.round(value * factor) / factor);
  if (formatted.includes('e')) return formatted;
  const decimalPos = formatted.indexOf('.');
  const precision = decimalPos === -1 ? 0 : formatted.length - decimalPos - 1;
  if (precision < dec) {
    return (precision ? formatted : formatted + '.') + String(factor).slice(1, dec - precision + 1);
  }
  return formatted;
}

// ---------------------------------------------------------------------------------------------
// Building blocks (mirroring Grafana's valueFormats / symbolFormatters / dateTimeFormatters)

const identity = (x: number): number => x;
const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
const logb = (b: number, x: number): number => Math.log10(x) / Math.log10(b);

/** Fixed unit, no scaling (`toFixedUnit`). */
function fixedUnit(unit: string, asPrefix = false): UnitDef {
  const scale: UnitScale = !unit
    ? { apply: identity }
    : asPrefix
      ? { apply: identity, prefix: unit }
      : { apply: identity, suffix: ' ' + unit };
  return { scale: () => scale };
}

/** Geometric ladder (`scaledUnits`): index = floor(log_factor |v|), clamped to the ladder. */
function scaledUnits(factor: number, exts: readonly string[], offset = 0): UnitScaler {
  return (v) => {
    const idx = v === 0 || !Number.isFinite(v) ? 0 : Math.floor(logb(factor, Math.abs(v)));
    const suffix = exts[clamp(offset + idx, 0, exts.length - 1)] ?? '';
    const power = clamp(idx, -offset, exts.length - offset - 1);
    return { apply: (x) => x / factor ** power, suffix };
  };
}

const SI_PREFIXES = ['f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SI_BASE_INDEX = SI_PREFIXES.indexOf('');
const BIN_PREFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi'];

/** SI ladder in steps of 1000, both up and down (`SIPrefix`); offset = prefix of the input. */
function siPrefix(unit: string, offset = 0): UnitDef {
  const exts = SI_PREFIXES.map((p) => ' ' + p + unit);
  return { scale: scaledUnits(1000, exts, SI_BASE_INDEX + offset) };
}

/** IEC ladder in steps of 1024 (`binaryPrefix`); offset = prefix of the input. */
function binaryPrefix(unit: string, offset = 0): UnitDef {
  const exts = BIN_PREFIXES.map((p) => ' ' + p + unit);
  return { scale: scaledUnits(1024, exts, offset) };
}

/** Offset of a leading SI prefix character (`getOffsetFromSIPrefix`; µ and μ both count), 0 when none. */
function siOffset(c: string): number {
  const i = SI_PREFIXES.findIndex((p) => p !== '' && p.normalize('NFKD') === c.normalize('NFKD'));
  return i < 0 ? 0 : i - SI_BASE_INDEX;
}

const COUNT_EXTS = ['', 'K', 'M', 'B', 'T'];

/** `simpleCountUnit`: 1.50K req/s. */
function countUnit(symbol: string): UnitDef {
  const inner = scaledUnits(1000, COUNT_EXTS);
  return {
    scale: (v) => {
      const s = inner(v);
      return { apply: s.apply, suffix: `${s.suffix ?? ''} ${symbol}` };
    },
  };
}

/** `currency`: symbol as prefix (or suffix), sign in front of the symbol: -$1.50K. */
function currency(symbol: string, asSuffix = false): UnitDef {
  const inner = scaledUnits(1000, COUNT_EXTS);
  return {
    scale: (v) => {
      const s = inner(Math.abs(v));
      const neg = v < 0;
      const apply = (x: number): number => s.apply(Math.abs(x));
      if (asSuffix) {
        return neg
          ? { apply, prefix: '-', suffix: `${s.suffix ?? ''}${symbol}` }
          : { apply, suffix: `${s.suffix ?? ''}${symbol}` };
      }
      return { apply, prefix: (neg ? '-' : '') + symbol, suffix: s.suffix ?? '' };
    },
  };
}

type Rung = readonly [below: number, apply: (x: number) => number, suffix: string];

/** A ladder of explicit rungs: the first whose bound exceeds |v| wins, the last otherwise. */
function ladder(
  rungs: readonly Rung[],
  last: readonly [(x: number) => number, string],
): UnitScaler {
  return (v) => {
    const a = Math.abs(v);
    for (const [below, apply, suffix] of rungs) {
      if (a < below) return { apply, suffix };
    }
    return { apply: last[0], suffix: last[1] };
  };
}

const div =
  (d: number) =>
  (x: number): number =>
    x / d;
const mul =
  (m: number) =>
  (x: number): number =>
    x * m;

const toNanoSeconds = ladder(
  [
    [1000, identity, ' ns'],
    [1e6, div(1000), ' µs'],
    [1e9, div(1e6), ' ms'],
    [6e10, div(1e9), ' s'],
    [3.6e12, div(6e10), ' min'],
    [8.64e13, div(3.6e12), ' hour'],
  ],
  [div(8.64e13), ' day'],
);
const toMicroSeconds = ladder(
  [
    [1000, identity, ' µs'],
    [1e6, div(1000), ' ms'],
  ],
  [div(1e6), ' s'],
);
const toMilliSeconds = ladder(
  [
    [1000, identity, ' ms'],
    [60000, div(1000), ' s'],
    [3600000, div(60000), ' min'],
    [86400000, div(3600000), ' hour'],
    [31536000000, div(86400000), ' day'],
  ],
  [div(31536000000), ' year'],
);
const toSeconds = ladder(
  [
    [1e-6, mul(1e9), ' ns'],
    [1e-3, mul(1e6), ' µs'],
    [1, mul(1e3), ' ms'],
    [60, identity, ' s'],
    [3600, div(60), ' min'],
    [86400, div(3600), ' hour'],
    [604800, div(86400), ' day'],
    [31536000, div(604800), ' week'],
  ],
  [div(3.15569e7), ' year'],
);
const toMinutes = ladder(
  [
    [60, identity, ' min'],
    [1440, div(60), ' hour'],
    [10080, div(1440), ' day'],
    [604800, div(10080), ' week'],
  ],
  [div(5.25948e5), ' year'],
);
const toHours = ladder(
  [
    [24, identity, ' hour'],
    [168, div(24), ' day'],
    [8760, div(168), ' week'],
  ],
  [div(8760), ' year'],
);
const toDays = ladder(
  [
    [7, identity, ' day'],
    [365, div(7), ' week'],
  ],
  [div(365), ' year'],
);

/** Seconds print 0 as "0 s" whatever the decimals (Grafana special case). */
const secondsZero = (v: number): FormattedValue | undefined =>
  v === 0 ? { text: '0', suffix: ' s' } : undefined;

const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['year', 31536000],
  ['month', 2592000],
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
  ['millisecond', 0.001],
];

/** `toDuration`: "1 hour, 2 minutes"; decimals = how many further units after the first. */
function toDuration(
  size: number,
  decimals: number | undefined,
  scaleSec: number,
  scaleName: string,
): FormattedValue {
  if (size === 0) return { text: '0', suffix: ` ${scaleName}s` };
  if (size < 0) {
    const v = toDuration(-size, decimals, scaleSec, scaleName);
    return { ...v, suffix: `${v.suffix ?? ''} ago` };
  }
  let rest = size * scaleSec * 1000;
  const parts: string[] = [];
  let started = false;
  let left = decimals ?? 0;
  for (const [name, sec] of DURATION_UNITS) {
    if (left < 0) break;
    const interval = sec * 1000;
    const value = rest / interval;
    if (value >= 1 || started) {
      started = true;
      const floor = Math.floor(value);
      parts.push(`${floor} ${name}${floor !== 1 ? 's' : ''}`);
      rest = rest % interval;
      left--;
    }
  }
  return { text: parts.join(', ') };
}

const pad2 = (n: number): string => (n > 9 ? String(n) : '0' + n);
const pad3 = (n: number): string => String(n).padStart(3, '0');

/** `toDurationInHoursMinutesSeconds`: 01:02:03 from seconds. */
function toHms(size: number): FormattedValue {
  if (size < 0) {
    const v = toHms(-size);
    return { ...v, suffix: `${v.suffix ?? ''} ago` };
  }
  const h = Math.floor(size / 3600);
  const m = Math.floor((size % 3600) / 60);
  const s = Math.floor((size % 3600) % 60);
  return { text: `${pad2(h)}:${pad2(m)}:${pad2(s)}` };
}

/** `toDurationInDaysHoursMinutesSeconds`: "2 d 01:02:03". */
function toDhms(size: number): FormattedValue {
  if (size < 0) {
    const v = toDhms(-size);
    return { ...v, suffix: `${v.suffix ?? ''} ago` };
  }
  const days = Math.floor(size / 86400);
  return { text: (days > 0 ? `${days} d ` : '') + toHms(size - days * 86400).text };
}

/** `toClock` from milliseconds: 05s:045ms, 01m:05s:045ms, 26h:01m:05s:045ms. */
function toClock(ms: number, decimals?: number): FormattedValue {
  const d = new Date(ms);
  const SSS = pad3(d.getUTCMilliseconds()) + 'ms';
  const ss = pad2(d.getUTCSeconds()) + 's';
  const mm = pad2(d.getUTCMinutes()) + 'm';
  if (ms < 1000) return { text: SSS };
  if (ms < 60000) return { text: decimals === 0 ? ss : `${ss}:${SSS}` };
  if (ms < 3600000) {
    if (decimals === 0) return { text: mm };
    if (decimals === 1) return { text: `${mm}:${ss}` };
    return { text: `${mm}:${ss}:${SSS}` };
  }
  const hours = `${Math.floor(ms / 3600000)}h`;
  if (decimals === 0) return { text: hours };
  if (decimals === 1) return { text: `${hours}:${mm}` };
  if (decimals === 2) return { text: `${hours}:${mm}:${ss}` };
  return { text: `${hours}:${mm}:${ss}:${SSS}` };
}

/** YYYY-MM-DD HH:mm:ss */
function dateTimeIso(ms: number, opts: FormatOptions): FormattedValue {
  const p = wallTimeIn(ms, opts.timeZone);
  return {
    text: `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`,
  };
}

/** MM/DD/YYYY h:mm:ss a */
function dateTimeUs(ms: number, opts: FormatOptions): FormattedValue {
  const p = wallTimeIn(ms, opts.timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const ampm = p.hour < 12 ? 'am' : 'pm';
  return {
    text: `${pad2(p.month)}/${pad2(p.day)}/${p.year} ${h12}:${pad2(p.minute)}:${pad2(p.second)} ${ampm}`,
  };
}

function bool(t: string, f: string): UnitDef {
  return { format: (v) => ({ text: v ? t : f }) };
}

function hex(v: number, decimals?: number): string {
  return parseFloat(toFixed(v, decimals)).toString(16).toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// The catalogue: category → [id, label, definition]

type Entry = readonly [id: string, label: string, def: UnitDef];

const SHORT_EXTS = ['', ' K', ' Mil', ' Bil', ' Tri', ' Quadr', ' Quint', ' Sext', ' Sept'];

const CATALOGUE: ReadonlyArray<readonly [string, readonly Entry[]]> = [
  [
    'Misc',
    [
      ['none', 'Number', fixedUnit('')],
      ['short', 'short', { scale: scaledUnits(1000, SHORT_EXTS) }],
      ['percent', 'Percent (0-100)', { scale: () => ({ apply: identity, suffix: '%' }) }],
      ['percentunit', 'Percent (0.0-1.0)', { scale: () => ({ apply: mul(100), suffix: '%' }) }],
      ['humidity', 'Humidity (%H)', fixedUnit('%H')],
      ['dB', 'Decibel', fixedUnit('dB')],
      [
        'hex0x',
        'Hexadecimal (0x)',
        {
          format: (v, d) => {
            const h = hex(v, d);
            return { text: h.startsWith('-') ? '-0x' + h.slice(1) : '0x' + h };
          },
        },
      ],
      ['hex', 'Hexadecimal', { format: (v, d) => ({ text: hex(v, d) }) }],
      ['sci', 'Scientific notation', { format: (v, d) => ({ text: v.toExponential(d) }) }],
      [
        'locale',
        'Locale format',
        { format: (v, d) => ({ text: v.toLocaleString(undefined, { maximumFractionDigits: d }) }) },
      ],
      ['pixel', 'Pixels', fixedUnit('px')],
    ],
  ],
  [
    'Data',
    [
      ['bytes', 'bytes(IEC)', binaryPrefix('B')],
      ['decbytes', 'bytes(SI)', siPrefix('B')],
      ['bits', 'bits(IEC)', binaryPrefix('b')],
      ['decbits', 'bits(SI)', siPrefix('b')],
      ['kbytes', 'kibibytes', binaryPrefix('B', 1)],
      ['deckbytes', 'kilobytes', siPrefix('B', 1)],
      ['mbytes', 'mebibytes', binaryPrefix('B', 2)],
      ['decmbytes', 'megabytes', siPrefix('B', 2)],
      ['gbytes', 'gibibytes', binaryPrefix('B', 3)],
      ['decgbytes', 'gigabytes', siPrefix('B', 3)],
      ['tbytes', 'tebibytes', binaryPrefix('B', 4)],
      ['dectbytes', 'terabytes', siPrefix('B', 4)],
      ['pbytes', 'pebibytes', binaryPrefix('B', 5)],
      ['decpbytes', 'petabytes', siPrefix('B', 5)],
    ],
  ],
  [
    'Data rate',
    [
      ['pps', 'packets/sec', siPrefix('p/s')],
      ['binBps', 'bytes/sec(IEC)', binaryPrefix('B/s')],
      ['Bps', 'bytes/sec(SI)', siPrefix('B/s')],
      ['binbps', 'bits/sec(IEC)', binaryPrefix('b/s')],
      ['bps', 'bits/sec(SI)', siPrefix('b/s')],
      ['KiBs', 'kibibytes/sec', binaryPrefix('B/s', 1)],
      ['Kibits', 'kibibits/sec', binaryPrefix('b/s', 1)],
      ['KBs', 'kilobytes/sec', siPrefix('B/s', 1)],
      ['Kbits', 'kilobits/sec', siPrefix('b/s', 1)],
      ['MiBs', 'mebibytes/sec', binaryPrefix('B/s', 2)],
      ['Mibits', 'mebibits/sec', binaryPrefix('b/s', 2)],
      ['MBs', 'megabytes/sec', siPrefix('B/s', 2)],
      ['Mbits', 'megabits/sec', siPrefix('b/s', 2)],
      ['GiBs', 'gibibytes/sec', binaryPrefix('B/s', 3)],
      ['Gibits', 'gibibits/sec', binaryPrefix('b/s', 3)],
      ['GBs', 'gigabytes/sec', siPrefix('B/s', 3)],
      ['Gbits', 'gigabits/sec', siPrefix('b/s', 3)],
    ],
  ],
  [
    'Time',
    [
      ['hertz', 'Hertz (1/s)', siPrefix('Hz')],
      ['ns', 'nanoseconds (ns)', { scale: toNanoSeconds }],
      ['µs', 'microseconds (µs)', { scale: toMicroSeconds }],
      ['ms', 'milliseconds (ms)', { scale: toMilliSeconds }],
      ['s', 'seconds (s)', { scale: toSeconds, special: secondsZero }],
      ['m', 'minutes (m)', { scale: toMinutes }],
      ['h', 'hours (h)', { scale: toHours }],
      ['d', 'days (d)', { scale: toDays }],
      [
        'dtdurationms',
        'duration (ms)',
        { format: (v, d) => toDuration(v, d, 0.001, 'millisecond') },
      ],
      ['dtdurations', 'duration (s)', { format: (v, d) => toDuration(v, d, 1, 'second') }],
      ['dthms', 'duration (hh:mm:ss)', { format: (v) => toHms(v) }],
      ['dtdhms', 'duration (d hh:mm:ss)', { format: (v) => toDhms(v) }],
      [
        'timeticks',
        'Timeticks (s/100)',
        {
          scale: (v) => {
            const s = toSeconds(v / 100);
            return { ...s, apply: (x) => s.apply(x / 100) };
          },
          special: (v) => secondsZero(v / 100),
        },
      ],
      ['clockms', 'clock (ms)', { format: (v, d) => toClock(v, d) }],
      ['clocks', 'clock (s)', { format: (v, d) => toClock(v * 1000, d) }],
    ],
  ],
  [
    'Throughput',
    [
      ['cps', 'counts/sec (cps)', countUnit('c/s')],
      ['ops', 'ops/sec (ops)', countUnit('ops/s')],
      ['reqps', 'requests/sec (rps)', countUnit('req/s')],
      ['rps', 'reads/sec (rps)', countUnit('rd/s')],
      ['wps', 'writes/sec (wps)', countUnit('wr/s')],
      ['iops', 'I/O ops/sec (iops)', countUnit('io/s')],
      ['eps', 'events/sec (eps)', countUnit('evt/s')],
      ['mps', 'messages/sec (mps)', countUnit('msg/s')],
      ['recps', 'records/sec (rps)', countUnit('rec/s')],
      ['rowsps', 'rows/sec (rps)', countUnit('rows/s')],
      ['cpm', 'counts/min (cpm)', countUnit('c/m')],
      ['opm', 'ops/min (opm)', countUnit('ops/m')],
      ['reqpm', 'requests/min (rpm)', countUnit('req/m')],
      ['rpm', 'reads/min (rpm)', countUnit('rd/m')],
      ['wpm', 'writes/min (wpm)', countUnit('wr/m')],
      ['epm', 'events/min (epm)', countUnit('evts/m')],
      ['mpm', 'messages/min (mpm)', countUnit('msgs/m')],
      ['recpm', 'records/min (rpm)', countUnit('rec/m')],
      ['rowspm', 'rows/min (rpm)', countUnit('rows/m')],
    ],
  ],
  [
    'Date & time',
    [
      ['dateTimeAsIso', 'Datetime ISO', { format: (v, _d, o) => dateTimeIso(v, o) }],
      ['dateTimeAsUS', 'Datetime US', { format: (v, _d, o) => dateTimeUs(v, o) }],
      ['dateTimeAsSystem', 'Datetime default', { format: (v, _d, o) => dateTimeIso(v, o) }],
    ],
  ],
  [
    'Energy',
    [
      ['watt', 'Watt (W)', siPrefix('W')],
      ['kwatt', 'Kilowatt (kW)', siPrefix('W', 1)],
      ['megwatt', 'Megawatt (MW)', siPrefix('W', 2)],
      ['mwatt', 'Milliwatt (mW)', siPrefix('W', -1)],
      ['voltamp', 'Volt-Ampere (VA)', siPrefix('VA')],
      ['watth', 'Watt-hour (Wh)', siPrefix('Wh')],
      ['kwatth', 'Kilowatt-hour (kWh)', siPrefix('Wh', 1)],
      ['joule', 'Joule (J)', siPrefix('J')],
      ['amp', 'Ampere (A)', siPrefix('A')],
      ['mamp', 'Milliampere (mA)', siPrefix('A', -1)],
      ['volt', 'Volt (V)', siPrefix('V')],
      ['kvolt', 'Kilovolt (kV)', siPrefix('V', 1)],
      ['mvolt', 'Millivolt (mV)', siPrefix('V', -1)],
      ['dBm', 'Decibel-milliwatt (dBm)', siPrefix('dBm')],
      ['ohm', 'Ohm (Ω)', siPrefix('Ω')],
    ],
  ],
  [
    'Temperature',
    [
      ['celsius', 'Celsius (°C)', fixedUnit('°C')],
      ['fahrenheit', 'Fahrenheit (°F)', fixedUnit('°F')],
      ['kelvin', 'Kelvin (K)', fixedUnit('K')],
    ],
  ],
  [
    'Length',
    [
      ['lengthmm', 'millimeter (mm)', siPrefix('m', -1)],
      ['lengthm', 'meter (m)', siPrefix('m')],
      ['lengthkm', 'kilometer (km)', siPrefix('m', 1)],
      ['lengthin', 'inch (in)', fixedUnit('in')],
      ['lengthft', 'feet (ft)', fixedUnit('ft')],
      ['lengthmi', 'mile (mi)', fixedUnit('mi')],
    ],
  ],
  [
    'Mass',
    [
      ['massmg', 'milligram (mg)', siPrefix('g', -1)],
      ['massg', 'gram (g)', siPrefix('g')],
      ['masskg', 'kilogram (kg)', siPrefix('g', 1)],
      ['masslb', 'pound (lb)', fixedUnit('lb')],
      ['masst', 'metric ton (t)', fixedUnit('t')],
    ],
  ],
  [
    'Velocity',
    [
      ['velocityms', 'meters/second (m/s)', fixedUnit('m/s')],
      ['velocitykmh', 'kilometers/hour (km/h)', fixedUnit('km/h')],
      ['velocitymph', 'miles/hour (mph)', fixedUnit('mph')],
    ],
  ],
  [
    'Volume',
    [
      ['mlitre', 'millilitre (mL)', siPrefix('L', -1)],
      ['litre', 'litre (L)', siPrefix('L')],
      ['m3', 'cubic meter', fixedUnit('m³')],
    ],
  ],
  [
    'Currency',
    [
      ['currencyUSD', 'Dollars ($)', currency('$')],
      ['currencyGBP', 'Pounds (£)', currency('£')],
      ['currencyEUR', 'Euro (€)', currency('€')],
      ['currencyJPY', 'Yen (¥)', currency('¥')],
      ['currencyCHF', 'Swiss franc (CHF)', currency('CHF')],
      ['currencySEK', 'Swedish Krona (kr)', currency('kr', true)],
      ['currencyBTC', 'Bitcoin (฿)', currency('฿')],
    ],
  ],
  [
    'Boolean',
    [
      ['bool', 'True / False', bool('True', 'False')],
      ['bool_yes_no', 'Yes / No', bool('Yes', 'No')],
      ['bool_on_off', 'On / Off', bool('On', 'Off')],
    ],
  ],
];

const INDEX = new Map<string, UnitDef>();
for (const [, entries] of CATALOGUE) for (const [id, , def] of entries) INDEX.set(id, def);
// Aliases Grafana resolves, plus ASCII/Greek spellings of micro.
const ALIASES: Record<string, string> = { farenheit: 'fahrenheit', us: 'µs', μs: 'µs' };
for (const [from, to] of Object.entries(ALIASES)) INDEX.set(from, INDEX.get(to) as UnitDef);

/** Unit picker groups in Grafana's order (custom ids like `suffix:x` are typed, not listed). */
export const unitOptions: UnitCategory[] = CATALOGUE.map(([category, entries]) => ({
  category,
  units: entries.map(([id, label]) => ({ id, label })),
}));

/** Custom unit ids: `prefix:x`, `suffix:x`, `si:x` (optional SI prefix on x), `count:x`, `currency:x`, `bool:t/f`. */
function customUnit(id: string): UnitDef | undefined {
  const idx = id.indexOf(':');
  if (idx <= 0) return undefined;
  const key = id.slice(0, idx);
  const sub = id.slice(idx + 1);
  switch (key) {
    case 'prefix':
      return fixedUnit(sub, true);
    case 'suffix':
      return fixedUnit(sub);
    case 'si': {
      const offset = siOffset(sub.charAt(0));
      return siPrefix(offset === 0 ? sub : sub.slice(1), offset);
    }
    case 'count':
      return countUnit(sub);
    case 'currency':
      return currency(sub);
    case 'bool': {
      const slash = sub.indexOf('/');
      return slash >= 0 ? bool(sub.slice(0, slash), sub.slice(slash + 1)) : bool(sub, '-');
    }
    default:
      return undefined;
  }
}

const resolved = new Map<string, UnitDef>();

function resolveUnit(unit: string): UnitDef {
  const known = INDEX.get(unit);
  if (known) return known;
  let def = resolved.get(unit);
  if (!def) {
    def = customUnit(unit) ?? fixedUnit(unit);
    if (resolved.size > 500) resolved.clear();
    resolved.set(unit, def);
  }
  return def;
}

/** True when the id is one of the listed units or an alias (custom `x:y` ids are not "known"). */
export function isKnownUnit(unit: string): boolean {
  return INDEX.has(unit);
}

/**
 * The unit's scale picker when it is a ladder unit (numbers with a scaled suffix/prefix), for
 * axis labels that share one scale; undefined for text units (durations as text, dates, booleans).
 */
export function unitScaler(unit: string): UnitScaler | undefined {
  return resolveUnit(unit).scale;
}

function nonFinite(value: number): FormattedValue | undefined {
  if (Number.isNaN(value)) return { text: 'NaN' };
  if (value === Infinity) return { text: '+Inf' };
  if (value === -Infinity) return { text: '-Inf' };
  return undefined;
}

/**
 * Formats a value in a Grafana unit. Decimals: fixed when given, else Grafana's automatic choice
 * (`decimalsForValue` of the scaled value). Date units take epoch milliseconds.
 */
export function formatValue(
  value: number,
  unit: string,
  decimals?: number,
  options: FormatOptions = {},
): FormattedValue {
  const nf = nonFinite(value);
  if (nf) return nf;
  const def = resolveUnit(unit);
  const special = def.special?.(value);
  if (special) return special;
  if (def.format) return def.format(value, decimals, options);
  const scale = def.scale ? def.scale(value) : { apply: identity };
  const out: FormattedValue = { text: toFixed(scale.apply(value), decimals) };
  if (scale.prefix !== undefined) out.prefix = scale.prefix;
  if (scale.suffix !== undefined) out.suffix = scale.suffix;
  return out;
}

/** `formattedToString(formatValue(…))` in one call. */
export function formatValueToString(
  value: number,
  unit: string,
  decimals?: number,
  options?: FormatOptions,
): string {
  return formattedToString(formatValue(value, unit, decimals, options));
}
