import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { fetchingServerData, invalidateServerData } from '../../prometheus/queries';
import { parseDuration } from '../../time/duration';
import { resolveShownRange, timeFromUrl, type RawRange, type TimeDefaults } from '../../time/range';
import { updateParams, useRoute } from '../router';
import { zoomOutOf } from './rangeParams';
import { takeStartupNow } from './startupNow';

/** The page's clock: the range asked for in the URL, resolved against "now", and its settings. */
export interface TimeRange {
  /** the range as written (URL or defaults) */
  raw: RawRange;
  /** resolved range (ms) that queries and panels use */
  fromMs: number;
  toMs: number;
  /** why `raw` could not be used (the defaults' range is shown instead) */
  error: string | undefined;
  timeZone: string;
  /** auto-refresh interval ('' = off) */
  refresh: string;
  /** the instant relative expressions were resolved against */
  nowMs: number;
  /** takes "now" again: relative ranges move to the present */
  tick(): void;
  /** "now" again and every server answer refetched (the toolbar's Refresh) */
  refreshNow(): void;
  setRange(raw: RawRange): void;
  /** a zone equal to the default leaves the URL */
  setTimeZone(tz: string): void;
  setRefresh(interval: string): void;
  /** doubles the span around its centre */
  zoomOut(): void;
}

/**
 * One clock for a page (dashboard, Explore): URL parameters over `defaults` → the absolute range,
 * auto-refresh ticks, the time zone. A new range (picker, link, zoom) is resolved against the
 * present, as in Grafana: "now" is taken again whenever from/to change, not only on mount.
 */
export function useTimeRange(defaults: TimeDefaults): TimeRange {
  const route = useRoute();
  const queryClient = useQueryClient();
  const { raw, refresh, timeZone } = timeFromUrl(route.params, defaults);
  // the start-up planner's instant, if it sent this page's first requests already
  const [nowMs, setNowMs] = useState(() => takeStartupNow(route.hash) ?? Date.now());
  const rangeKey = `${raw.from}\u0000${raw.to}`;
  const [prevRangeKey, setPrevRangeKey] = useState(rangeKey);
  if (rangeKey !== prevRangeKey) {
    setPrevRangeKey(rangeKey);
    setNowMs(route.atMs);
  }

  // Auto refresh: move "now" forward; new keys fetch, identical ones (same aligned step) hit cache.
  useEffect(() => {
    const ms = refresh ? parseDuration(refresh) : undefined;
    if (!ms) return;
    const id = setInterval(
      () => {
        // A tick while the last one's answers are still coming would leave their queries unused,
        // which cancels them: on a server slower than the interval nothing would ever arrive (and
        // an incremental refresh would find no answer to extend). Skip it, as Grafana does.
        if (fetchingServerData(queryClient)) return;
        setNowMs(Date.now());
      },
      Math.max(ms, 1000),
    );
    return () => clearInterval(id);
  }, [refresh, queryClient]);

  const shown = resolveShownRange(raw, defaults, { nowMs, timeZone });
  const { fromMs, toMs } = shown;
  const tick = useCallback(() => setNowMs(Date.now()), [setNowMs]);
  const zoomOut = useCallback(() => zoomOutOf({ fromMs, toMs }), [fromMs, toMs]);
  return {
    raw,
    fromMs,
    toMs,
    error: shown.error,
    timeZone,
    refresh,
    nowMs,
    tick,
    refreshNow: () => {
      tick();
      void invalidateServerData(queryClient);
    },
    setRange: (r) => updateParams({ from: r.from, to: r.to }),
    setTimeZone: (tz) => updateParams({ tz: tz === defaults.timeZone ? null : tz, timezone: null }),
    setRefresh: (v) =>
      updateParams({
        refresh: v === defaults.refresh ? null : v || (defaults.refresh ? '' : null),
      }),
    zoomOut,
  };
}

/** Ctrl/Cmd+Z outside text fields zooms out (Grafana's shortcut). */
export function useZoomOutKey(zoomOut: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'z') {
        e.preventDefault();
        zoomOut();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoomOut]);
}
