// The shapes of value formatting: what a unit produces, and how a unit is defined.

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

export type CustomFormatter = (
  value: number,
  decimals: number | undefined,
  options: FormatOptions,
) => FormattedValue;

export interface UnitDef {
  /** ladder units: picking a scale then printing with toFixed */
  scale?: UnitScaler;
  /** non-ladder units (durations as text, dates, booleans …) */
  format?: CustomFormatter;
  /** checked before `scale`; returns a result for values the unit prints specially */
  special?: (value: number) => FormattedValue | undefined;
}
