// The exemplar dots over a uPlot plot: one absolutely positioned button per (decimated) dot
// inside the plot's `over` element, redrawn by the chart's draw hook, and one tooltip shown on
// hover and pinned by a click (so its trace link can be clicked; a click elsewhere or Esc
// closes it). Written into the DOM directly, like the charts' tooltips: no React render per
// redraw. The dots carry data-* attributes (end-to-end checks read them; `data-x`: the plot x in
// CSS px the decimation binned them by).
import { decimateDots, DOT_PX } from './exemplars';
import { escapeHtml } from './tooltipDom';

export interface LayerDot {
  /** CSS px inside the plotting area */
  x: number;
  y: number;
  color: string;
  /** data-* attributes (name without `data-`) */
  attrs: Record<string, string>;
}

export class ExemplarLayer {
  readonly el: HTMLDivElement;
  private readonly tip: HTMLDivElement;
  private dots: readonly LayerDot[] = [];
  private shown = -1;
  /** the shown dot's identity (its attributes): a redraw keeps showing the same exemplar */
  private shownKey = '';
  private pinned = false;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onDocDown = (e: PointerEvent) => {
    if (this.pinned && !this.el.contains(e.target as Node)) this.hide();
  };
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.shown >= 0) this.hide();
  };

  constructor(
    private readonly over: HTMLElement,
    /** the tooltip HTML of dot i (built only when shown) */
    private readonly tipFor: (i: number) => string,
  ) {
    this.el = document.createElement('div');
    this.el.className = 'exemplar-layer';
    this.el.dataset.testid = 'exemplar-layer';
    this.tip = document.createElement('div');
    this.tip.className = 'chart-tooltip exemplar-tip';
    this.tip.dataset.testid = 'exemplar-tooltip';
    this.tip.hidden = true;
    over.appendChild(this.el);
    over.appendChild(this.tip);
    // on a dot, the plot neither starts a drag-to-zoom nor pins its own tooltip
    this.el.addEventListener('mousedown', (e) => e.stopPropagation());
    this.el.addEventListener('click', (e) => {
      e.stopPropagation();
      const i = indexOf(e.target);
      if (i < 0) return;
      this.show(i);
      this.pinned = true;
      this.tip.classList.add('pinned');
    });
    this.el.addEventListener('mouseover', (e) => {
      const i = indexOf(e.target);
      if (i >= 0 && !this.pinned) this.show(i);
    });
    this.el.addEventListener('mouseout', () => this.scheduleHide());
    this.tip.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    this.tip.addEventListener('mouseleave', () => this.scheduleHide());
    this.tip.addEventListener('mousedown', (e) => e.stopPropagation());
    document.addEventListener('pointerdown', this.onDocDown);
    document.addEventListener('keydown', this.onKey);
  }

  /** Replaces the dots (positions in CSS px inside the plotting area). */
  draw(dots: readonly LayerDot[]): void {
    this.dots = dots;
    const r = DOT_PX / 2;
    this.el.innerHTML = dots
      .map(
        (d, i) =>
          `<button type="button" class="exemplar-dot" data-testid="exemplar" data-i="${i}" data-x="${d.x}"` +
          Object.entries(d.attrs)
            .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
            .join('') +
          ` aria-label="Exemplar" style="left:${(d.x - r).toFixed(1)}px;top:${(d.y - r).toFixed(1)}px;--exemplar-color:${escapeHtml(d.color)}"></button>`,
      )
      .join('');
    if (this.shown < 0) return;
    const i = dots.findIndex((d) => dotKey(d) === this.shownKey);
    if (i < 0) this.hide();
    else {
      this.shown = i;
      this.tip.innerHTML = this.tipFor(i);
      this.place(i);
    }
  }

  destroy(): void {
    clearTimeout(this.hideTimer);
    document.removeEventListener('pointerdown', this.onDocDown);
    document.removeEventListener('keydown', this.onKey);
    this.el.remove();
    this.tip.remove();
  }

  private show(i: number): void {
    clearTimeout(this.hideTimer);
    this.shown = i;
    this.shownKey = this.dots[i] ? dotKey(this.dots[i]) : '';
    this.tip.innerHTML = this.tipFor(i);
    this.tip.hidden = false;
    this.place(i);
  }

  private place(i: number): void {
    const d = this.dots[i];
    if (!d) return;
    const w = this.tip.offsetWidth;
    const left =
      d.x + DOT_PX + w > this.over.clientWidth ? Math.max(0, d.x - DOT_PX - w) : d.x + DOT_PX;
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${Math.max(0, d.y - 8)}px`;
  }

  private scheduleHide(): void {
    if (this.pinned) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), 250);
  }

  private hide(): void {
    this.shown = -1;
    this.pinned = false;
    this.tip.classList.remove('pinned');
    this.tip.hidden = true;
  }
}

const dotKey = (d: LayerDot) => JSON.stringify(d.attrs);

function indexOf(target: EventTarget | null): number {
  const el = (target as Element | null)?.closest?.('.exemplar-dot') as HTMLElement | null;
  return el ? Number(el.dataset.i) : -1;
}

/** A dot placed in CSS px, before decimation, with what it stands for (`pt`). */
export interface PlacedDot<P> extends LayerDot {
  pt: P;
  /** the value whose extremes the decimation keeps */
  value: number;
  /** dots of different lanes never hide each other */
  lane: string | number;
}

/** The layer of one chart and the dots it shows (after decimation). */
export interface ExemplarDots<P> {
  layer: ExemplarLayer;
  shown: { dot: PlacedDot<P>; hidden: number }[];
  /** the tooltip of a shown dot (the latest props') */
  tip: (pt: P, hidden: number) => string;
}

/**
 * Draws `placed` into the plotting area `over` (a layer created on first use, and again for a
 * new plot): dots outside [0, widthPx] dropped, the rest decimated per pixel column and lane,
 * and stacked by value (the highest on top).
 */
export function drawExemplarDots<P>(
  over: HTMLElement,
  ref: { current: ExemplarDots<P> | undefined },
  placed: readonly PlacedDot<P>[],
  widthPx: number,
  tip: (pt: P, hidden: number) => string,
): void {
  if (!ref.current && placed.length === 0) return;
  if (ref.current?.layer.el.parentElement !== over) {
    // a new plot (layout change): a new layer in its plotting area
    ref.current?.layer.destroy();
    const dots: ExemplarDots<P> = {
      layer: new ExemplarLayer(over, (i) => {
        const s = dots.shown[i];
        return s ? dots.tip(s.dot.pt, s.hidden) : '';
      }),
      shown: [],
      tip,
    };
    ref.current = dots;
  }
  const cur = ref.current;
  cur.tip = tip;
  // the higher values drawn last, on top: where dots of neighbouring columns overlap, the slow
  // request (what one hunts for) is the one under the pointer
  cur.shown = decimateDots(placed.filter((d) => d.x >= 0 && d.x <= widthPx)).sort(
    (a, b) => a.dot.value - b.dot.value,
  );
  cur.layer.draw(cur.shown.map((s) => s.dot));
}
