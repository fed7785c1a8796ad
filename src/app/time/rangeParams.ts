// The absolute time range in the URL, as the dashboard and Explore change it: a drag-zoom on a
// graph, and "zoom out" (button or Ctrl/Cmd+Z).

import { msRangeToUrl, zoomOut, type MsRange } from '../../time/range';
import { updateParams } from '../router';

/** Shows `fromMs`..`toMs` (a drag-zoom); spans under a second are ignored. */
export function zoomTo(fromMs: number, toMs: number): void {
  if (toMs - fromMs < 1000) return;
  updateParams({ ...msRangeToUrl({ fromMs, toMs }) });
}

/** Doubles the span around its centre, never past the present when it ended before it. */
export function zoomOutOf(range: MsRange): void {
  updateParams({ ...msRangeToUrl(zoomOut(range, 2, Date.now())) });
}
