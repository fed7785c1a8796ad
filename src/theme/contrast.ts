/**
 * WCAG 2 contrast: relative luminance, contrast ratio, compositing a translucent colour over its
 * background, and the text colour that reads on a data colour (a stat's background, a table
 * cell's). Pure.
 */
import { parseColor, type Rgba } from '../units/colors';

/** WCAG 2 relative luminance of an opaque sRGB colour (channels 0–255), 0 (black) to 1 (white). */
export function relativeLuminance(c: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 (same) to 21 (black on white). */
export function contrastRatio(a: Pick<Rgba, 'r' | 'g' | 'b'>, b: Pick<Rgba, 'r' | 'g' | 'b'>) {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `top` (possibly translucent) drawn over the opaque `bottom`: the colour the eye sees. */
export function composite(top: Rgba, bottom: Pick<Rgba, 'r' | 'g' | 'b'>): Rgba {
  const a = Math.min(1, Math.max(0, top.a));
  const mix = (t: number, b: number): number => t * a + b * (1 - a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

/** Text drawn on a data colour (user-chosen, any theme). */
export const TEXT_ON_DARK = '#ffffff';
export const TEXT_ON_LIGHT = '#000000';

/**
 * The text colour (white or black) with the higher contrast on `background` (any colour
 * `parseColor` reads; a translucent one is composited over `under`, default black).
 * Unreadable colours → white.
 */
export function textOnColor(background: string, under: Rgba = BLACK): string {
  const parsed = parseColor(background);
  if (!parsed) return TEXT_ON_DARK;
  const bg = composite(parsed, under);
  return contrastRatio(bg, WHITE) >= contrastRatio(bg, BLACK) ? TEXT_ON_DARK : TEXT_ON_LIGHT;
}

/**
 * A data colour used as text (a stat's value, a gauge's number) made readable on `background`:
 * the same hue mixed towards black (on a light background) or white (on a dark one) in small
 * steps until it reaches `minRatio` (WCAG AA: 4.5, 3 for large text). A colour that already
 * reads is returned as given; unreadable input unchanged.
 */
export function readableOn(color: string, background: string, minRatio = 4.5): string {
  const c = parseColor(color);
  const bgParsed = parseColor(background);
  if (!c || !bgParsed) return color;
  const bg = composite(bgParsed, WHITE);
  const seen = composite(c, bg);
  if (contrastRatio(seen, bg) >= minRatio) return color;
  const target = relativeLuminance(bg) > 0.18 ? BLACK : WHITE;
  for (let step = 1; step <= 20; step++) {
    const m = composite({ ...target, a: step / 20 }, seen);
    // whole channels, as the string will carry them
    const mixed = { r: Math.round(m.r), g: Math.round(m.g), b: Math.round(m.b), a: 1 };
    if (contrastRatio(mixed, bg) >= minRatio || step === 20) return rgbString(mixed);
  }
  return color;
}

function rgbString(c: Rgba): string {
  return `rgb(${c.r}, ${c.g}, ${c.b})`;
}
