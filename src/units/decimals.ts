// Grafana's number printing: automatic decimals and its rounding `toFixed`.

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
