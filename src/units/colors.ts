/**
 * Grafana's colour names and palettes (themes/createVisualizationColors.ts): the named shades
 * used in thresholds, mappings and overrides ("green", "semi-dark-red", "super-light-blue" …),
 * the classic series palette, and small helpers to parse colours and change their alpha.
 */

/** Which theme's shades a colour name resolves to. */
export type Theme = 'dark' | 'light';

let shownTheme: Theme = 'dark';

/**
 * The theme named colours resolve to when a call does not say (as Grafana's named colours follow
 * its theme); set by src/theme/runtime.ts when the page's theme changes. Hex colours never change.
 */
export function setColorTheme(theme: Theme): void {
  shownTheme = theme;
}

/** The theme set by setColorTheme. */
export function colorTheme(): Theme {
  return shownTheme;
}

const HUES = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const;
const SHADES = ['super-light-', 'light-', '', 'semi-dark-', 'dark-'] as const;

// Per hue, shades from super-light to dark.
const DARK: Record<(typeof HUES)[number], readonly string[]> = {
  red: ['#FFA6B0', '#FF7383', '#F2495C', '#E02F44', '#C4162A'],
  orange: ['#FFCB7D', '#FFB357', '#FF9830', '#FF780A', '#FA6400'],
  yellow: ['#FFF899', '#FFEE52', '#FADE2A', '#F2CC0C', '#E0B400'],
  green: ['#C8F2C2', '#96D98D', '#73BF69', '#56A64B', '#37872D'],
  blue: ['#C0D8FF', '#8AB8FF', '#5794F2', '#3274D9', '#1F60C4'],
  purple: ['#DEB6F2', '#CA95E5', '#B877D9', '#A352CC', '#8F3BB8'],
};
const LIGHT: Record<(typeof HUES)[number], readonly string[]> = {
  red: ['#FF7383', '#F2495C', '#E02F44', '#C4162A', '#AD0317'],
  orange: ['#FFB357', '#FF9830', '#FF780A', '#FA6400', '#E55400'],
  yellow: ['#FFEE52', '#FADE2A', '#F2CC0C', '#E0B400', '#CC9D00'],
  green: ['#96D98D', '#73BF69', '#56A64B', '#37872D', '#19730E'],
  blue: ['#8AB8FF', '#5794F2', '#3274D9', '#1F60C4', '#1250B0'],
  purple: ['#CA95E5', '#B877D9', '#A352CC', '#8F3BB8', '#7C2EA3'],
};

function buildIndex(hues: typeof DARK, special: Record<string, string>): Record<string, string> {
  const index: Record<string, string> = { ...special };
  for (const hue of HUES) {
    SHADES.forEach((shade, i) => {
      index[shade + hue] = hues[hue][i] ?? '';
    });
  }
  return index;
}

/** Grafana named colours → hex, per theme (plus "transparent", "text" and "panel-bg"). */
export const namedColors: Record<Theme, Readonly<Record<string, string>>> = {
  dark: buildIndex(DARK, {
    transparent: 'rgba(0,0,0,0)',
    text: '#CCCCDC',
    'panel-bg': '#181B1F',
  }),
  light: buildIndex(LIGHT, {
    transparent: 'rgba(255, 255, 255, 0)',
    text: '#24292E',
    'panel-bg': '#FFFFFF',
  }),
};

/** Colour used when none is given (Grafana's FALLBACK_COLOR). */
export const FALLBACK_COLOR = '#808080';

// CSS named colours, so names Grafana does not define still resolve to something parseable.
const CSS_COLORS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc ' +
    'bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a ' +
    'burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 ' +
    'cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan ' +
    '008b8b darkgoldenrod b8860b darkgray a9a9a9 darkgrey a9a9a9 darkgreen 006400 darkkhaki ' +
    'bdb76b darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred ' +
    '8b0000 darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f ' +
    'darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue ' +
    '00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 ' +
    'forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 goldenrod ' +
    'daa520 gray 808080 grey 808080 green 008000 greenyellow adff2f honeydew f0fff0 hotpink ' +
    'ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa ' +
    'lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral ' +
    'f08080 lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgrey d3d3d3 ' +
    'lightgreen 90ee90 lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue ' +
    '87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 ' +
    'lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine ' +
    '66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 ' +
    'mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred ' +
    'c71585 midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ' +
    'ffdead navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ' +
    'ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee ' +
    'palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd ' +
    'powderblue b0e0e6 purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue ' +
    '4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee ' +
    'sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey ' +
    '708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle ' +
    'd8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff whitesmoke ' +
    'f5f5f5 yellow ffff00 yellowgreen 9acd32'
  )
    .split(' ')
    .reduce<Array<[string, string]>>((pairs, word, i, words) => {
      if (i % 2 === 0) pairs.push([word, '#' + (words[i + 1] ?? '')]);
      return pairs;
    }, []),
);

/**
 * Resolves a colour as Grafana does: Grafana names first ("red" is Grafana's red, not CSS red),
 * then `#hex` and `rgb()`/`rgba()` pass through, then CSS names → hex; anything else is returned
 * unchanged. Empty → FALLBACK_COLOR.
 */
export function resolveColor(name: string | null | undefined, theme: Theme = shownTheme): string {
  if (!name) return FALLBACK_COLOR;
  const named = namedColors[theme][name];
  if (named) return named;
  if (name.startsWith('#') || name.includes('rgb')) return name;
  return CSS_COLORS[name.toLowerCase()] ?? name;
}

/** Grafana's classic series palette (palette-classic), in order, as names or hex. */
export const classicPalette: readonly string[] = [
  'green',
  'yellow',
  'blue',
  'orange',
  'red',
  'purple',
  'dark-green',
  'dark-yellow',
  'dark-blue',
  'dark-orange',
  'dark-red',
  'dark-purple',
  'super-light-green',
  'super-light-yellow',
  'super-light-blue',
  'super-light-orange',
  'super-light-red',
  'super-light-purple',
  '#447EBC',
  '#C15C17',
  '#890F02',
  '#0A437C',
  '#6D1F62',
  '#584477',
  '#B7DBAB',
  '#F4D598',
  '#70DBED',
  '#F9BA8F',
  '#F29191',
  '#82B5D8',
  '#E5A8E2',
  '#AEA2E0',
  '#629E51',
  '#E5AC0E',
  '#64B0C8',
  '#E0752D',
  '#BF1B00',
  '#0A50A1',
  '#962D82',
  '#614D93',
  '#9AC48A',
  '#F2C96D',
  '#65C5DB',
  '#F9934E',
  '#EA6460',
  '#5195CE',
  '#D683CE',
  '#806EB7',
  '#3F6833',
  '#967302',
  '#2F575E',
  '#99440A',
  '#58140C',
  '#052B51',
  '#511749',
  '#3F2B5B',
  '#E0F9D7',
  '#FCEACA',
  '#CFFAFF',
  '#F9E2D2',
  '#FCE2DE',
  '#BADFF4',
  '#F9D9F9',
  '#DEDAF7',
];

/** Hex colour of the index-th series in the classic palette (wraps around). */
export function seriesColor(index: number, theme: Theme = shownTheme): string {
  const n = classicPalette.length;
  const i = ((Math.trunc(index) % n) + n) % n;
  return resolveColor(classicPalette[i], theme);
}

/** Red, green, blue 0–255 and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parses a colour (any name resolveColor knows, #rgb[a], #rrggbb[aa], rgb(), rgba()). */
export function parseColor(color: string, theme: Theme = shownTheme): Rgba | undefined {
  const c = resolveColor(color, theme).trim();
  const hex = /^#([0-9a-f]{3,8})$/i.exec(c)?.[1];
  if (hex) {
    if (hex.length === 3 || hex.length === 4) {
      const [r, g, b, a] = [...hex].map((h) => parseInt(h + h, 16));
      return { r: r ?? 0, g: g ?? 0, b: b ?? 0, a: a === undefined ? 1 : a / 255 };
    }
    if (hex.length === 6 || hex.length === 8) {
      const n = (i: number): number => parseInt(hex.slice(i, i + 2), 16);
      return { r: n(0), g: n(2), b: n(4), a: hex.length === 8 ? n(6) / 255 : 1 };
    }
    return undefined;
  }
  const fn = /^rgba?\(([^)]*)\)$/i.exec(c)?.[1];
  if (fn) {
    const raw = fn.split(/[\s,/]+/).filter((p) => p !== '');
    const channel = (p: string): number =>
      p.endsWith('%') ? (parseFloat(p) / 100) * 255 : parseFloat(p);
    const alphaOf = (p: string): number => (p.endsWith('%') ? parseFloat(p) / 100 : parseFloat(p));
    if (raw.length < 3 || raw.length > 4) return undefined;
    const [r, g, b] = raw.slice(0, 3).map(channel) as [number, number, number];
    const a = raw[3] === undefined ? 1 : alphaOf(raw[3]);
    if ([r, g, b, a].some((v) => Number.isNaN(v))) return undefined;
    return { r, g, b, a };
  }
  return undefined;
}

/**
 * The colour with its alpha replaced, as `rgba(r, g, b, a)`; a is clamped to 0–1. Colours that
 * cannot be parsed are returned resolved but unchanged.
 */
export function alpha(color: string, a: number, theme: Theme = shownTheme): string {
  const rgba = parseColor(color, theme);
  if (!rgba) return resolveColor(color, theme);
  const aa = Math.min(1, Math.max(0, Number.isFinite(a) ? a : 1));
  return `rgba(${Math.round(rgba.r)}, ${Math.round(rgba.g)}, ${Math.round(rgba.b)}, ${aa})`;
}
