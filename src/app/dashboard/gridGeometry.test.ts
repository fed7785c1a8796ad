import { describe, expect, it } from 'vitest';
import { cellTopPx, gridContentWidth, panelBodyWidthPx } from './gridGeometry';

describe('grid geometry', () => {
  it('gives the panel body widths Chromium measured on the real grid', () => {
    // measured with Playwright on the built app (.panel-body clientWidth), three page widths
    const measured: Record<number, Record<number, number>> = {
      1920: { 24: 1886, 12: 938, 8: 622, 6: 464, 5: 385, 7: 543, 13: 1017, 17: 1333, 3: 227 },
      1440: { 24: 1406, 12: 698, 8: 462, 6: 344, 5: 285, 7: 403, 13: 757, 17: 993, 3: 167 },
      1000: { 24: 966, 12: 478, 8: 315, 6: 234, 5: 193, 7: 275, 13: 519, 17: 681, 3: 112 },
    };
    for (const [page, byW] of Object.entries(measured))
      for (const [w, px] of Object.entries(byW))
        expect(panelBodyWidthPx(gridContentWidth(Number(page)), Number(w)), `${page}/${w}`).toBe(
          px,
        );
  });

  it('places rows 38 px apart below the paddings', () => {
    expect(cellTopPx(0)).toBe(16);
    expect(cellTopPx(6)).toBe(16 + 228);
  });
});
