// The unit catalogue (a data table): category → [id, label, definition], in Grafana's order.
import {
  binaryPrefix,
  bool,
  countUnit,
  currency,
  fixedUnit,
  hex,
  identity,
  mul,
  scaledUnits,
  siPrefix,
  toDays,
  toHours,
  toMicroSeconds,
  toMilliSeconds,
  toMinutes,
  toNanoSeconds,
  toSeconds,
} from './scalers';
import {
  dateTimeIso,
  dateTimeUs,
  secondsZero,
  toClock,
  toDhms,
  toDuration,
  toHms,
} from './timeText';
import type { UnitCategory, UnitDef } from './types';

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

export const UNIT_INDEX = new Map<string, UnitDef>();
for (const [, entries] of CATALOGUE) for (const [id, , def] of entries) UNIT_INDEX.set(id, def);
// Aliases Grafana resolves, plus ASCII/Greek spellings of micro.
const ALIASES: Record<string, string> = { farenheit: 'fahrenheit', us: 'µs', μs: 'µs' };
for (const [from, to] of Object.entries(ALIASES))
  UNIT_INDEX.set(from, UNIT_INDEX.get(to) as UnitDef);

/** Unit picker groups in Grafana's order (custom ids like `suffix:x` are typed, not listed). */
export const unitOptions: UnitCategory[] = CATALOGUE.map(([category, entries]) => ({
  category,
  units: entries.map(([id, label]) => ({ id, label })),
}));
