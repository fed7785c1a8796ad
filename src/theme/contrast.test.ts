import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, readableOn, relativeLuminance, textOnColor } from './contrast';

const rgb = (r: number, g: number, b: number) => ({ r, g, b, a: 1 });

describe('WCAG contrast', () => {
  it('gives the luminance of black, white and a mid grey', () => {
    expect(relativeLuminance(rgb(0, 0, 0))).toBe(0);
    expect(relativeLuminance(rgb(255, 255, 255))).toBeCloseTo(1, 10);
    // #777 is the WCAG textbook grey: 0.184
    expect(relativeLuminance(rgb(0x77, 0x77, 0x77))).toBeCloseTo(0.1845, 3);
  });

  it('gives 21:1 for black on white, 1:1 for a colour on itself, symmetric', () => {
    expect(contrastRatio(rgb(0, 0, 0), rgb(255, 255, 255))).toBeCloseTo(21, 10);
    expect(contrastRatio(rgb(40, 90, 200), rgb(40, 90, 200))).toBe(1);
    const a = rgb(0x76, 0x76, 0x76);
    const w = rgb(255, 255, 255);
    // #767676 on white is the lightest grey that passes 4.5:1
    expect(contrastRatio(a, w)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(w, a)).toBe(contrastRatio(a, w));
  });

  it('composites a translucent colour over its background', () => {
    expect(composite({ r: 255, g: 0, b: 0, a: 0.5 }, rgb(0, 0, 255))).toEqual({
      r: 127.5,
      g: 0,
      b: 127.5,
      a: 1,
    });
    expect(composite({ r: 10, g: 20, b: 30, a: 1 }, rgb(0, 0, 0))).toEqual(rgb(10, 20, 30));
    expect(composite({ r: 10, g: 20, b: 30, a: 0 }, rgb(1, 2, 3))).toEqual(rgb(1, 2, 3));
  });

  it('picks black text on light data colours and white on dark ones', () => {
    expect(textOnColor('#FADE2A')).toBe('#000000'); // Grafana yellow
    expect(textOnColor('#73BF69')).toBe('#000000'); // Grafana green
    expect(textOnColor('#C4162A')).toBe('#ffffff'); // dark red
    expect(textOnColor('#1F60C4')).toBe('#ffffff'); // dark blue
    // Grafana's red #F2495C: black 5.9:1 beats white 3.6:1
    expect(textOnColor('red')).toBe('#000000');
    // translucent: composited over what is under it
    expect(textOnColor('rgba(250, 222, 42, 0.1)')).toBe('#ffffff');
    expect(textOnColor('rgba(250, 222, 42, 0.1)', { r: 255, g: 255, b: 255, a: 1 })).toBe(
      '#000000',
    );
    expect(textOnColor('not a colour')).toBe('#ffffff');
  });
});

describe('readableOn', () => {
  const parse = (s: string) => {
    const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(s);
    if (!m) throw new Error(`not rgb(): ${s}`);
    return rgb(Number(m[1]), Number(m[2]), Number(m[3]));
  };
  it('keeps a data colour that already reads on the background', () => {
    expect(readableOn('#73BF69', '#181b1f')).toBe('#73BF69');
    expect(readableOn('#C4162A', '#ffffff')).toBe('#C4162A');
  });
  it('darkens a light data colour on a light background until it reaches the ratio', () => {
    const got = readableOn('#56A64B', '#ffffff');
    const ratio = contrastRatio(parse(got), rgb(255, 255, 255));
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    // the smallest step that reaches it: one step less does not
    expect(ratio).toBeLessThan(5.2);
    const c = parse(got);
    expect(c.g).toBeGreaterThan(c.r); // still green
    // large text needs 3:1, which it already has (3.02)
    expect(readableOn('#56A64B', '#ffffff', 3)).toBe('#56A64B');
  });
  it('lightens a dark data colour on a dark background', () => {
    const got = parse(readableOn('#1F60C4', '#181b1f'));
    expect(contrastRatio(got, rgb(0x18, 0x1b, 0x1f))).toBeGreaterThanOrEqual(4.5);
  });
  it('leaves unreadable colours alone', () => {
    expect(readableOn('nonsense', '#ffffff')).toBe('nonsense');
  });
});
