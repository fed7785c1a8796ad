// The dashboard grid's geometry, in one place: PanelGrid lays panels out with it, and the start-up
// planner (app/earlyQueries.ts) predicts from it how wide each first-screen panel will be — its
// step, and so its requests — before the app's code has run. The two must agree to the pixel.

/** Grafana's grid: 24 columns, rows of 30 px, 8 px between cells. */
export const GRID_COLS = 24;
export const ROW_HEIGHT_PX = 30;
export const MARGIN_PX = 8;
/** `.dash-grid`'s padding (app.css); react-grid-layout adds its own container padding (= margin) */
export const GRID_PADDING_PX = 8;
/** `.panel`'s border (app.css): the body's clientWidth is the cell's width less both borders */
export const PANEL_BORDER_PX = 1;

/** The grid's content width in a page of `pageWidthPx` (the `.dash-grid` spans the page). */
export const gridContentWidth = (pageWidthPx: number): number =>
  Math.max(0, pageWidthPx - 2 * GRID_PADDING_PX);

/** A cell's width for `w` columns, as react-grid-layout computes it (calcGridItemWHPx). */
export function cellWidthPx(contentWidthPx: number, w: number): number {
  const colWidth = (contentWidthPx - MARGIN_PX * (GRID_COLS - 1) - MARGIN_PX * 2) / GRID_COLS;
  return Math.round(colWidth * w + Math.max(0, w - 1) * MARGIN_PX);
}

/** The panel body's width (what PanelShell measures, and plans its queries with). */
export const panelBodyWidthPx = (contentWidthPx: number, w: number): number =>
  Math.max(0, cellWidthPx(contentWidthPx, w) - 2 * PANEL_BORDER_PX);

/** A cell's top inside the grid container for grid row `y`. */
export const cellTopPx = (y: number): number =>
  GRID_PADDING_PX + MARGIN_PX + Math.round(y * (ROW_HEIGHT_PX + MARGIN_PX));
