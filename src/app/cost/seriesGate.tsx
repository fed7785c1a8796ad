import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrometheusClient } from '../../prometheus/client';
import { probeSeries, seriesWarning } from '../../prometheus/seriesProbe';
import { usePreferences } from '../../state/preferences';
import './cost.css';

interface Pending {
  message: string;
  go: () => void;
}

export interface SeriesGate {
  /** runs `go` at once, or after counting `expr`'s series, or asks first when they are too many */
  guard(expr: string | readonly string[], go: () => void): void;
  /** the question being asked, if any */
  pending: Pending | null;
  runAnyway(): void;
  cancel(): void;
}

/**
 * "Warn before a costly query" for Explore and the panel editor: before `go` runs a new query,
 * one cheap instant query counts the series its selectors touch at `atSec`; above the user's
 * limit (Settings) the query waits for "Run anyway". A probe that fails or takes over 3 s lets it
 * run.
 */
export function useSeriesGate(
  client: Pick<PrometheusClient, 'query'> | undefined,
  atSec: number,
): SeriesGate {
  const limit = usePreferences((s) => s.seriesWarnAbove);
  const [pending, setPending] = useState<Pending | null>(null);
  const probing = useRef<AbortController | null>(null);
  useEffect(() => () => probing.current?.abort(), []);

  const guard = useCallback(
    (expr: string | readonly string[], go: () => void) => {
      probing.current?.abort();
      setPending(null);
      const exprs = (typeof expr === 'string' ? [expr] : expr).filter((e) => e.trim());
      if (!client || limit <= 0 || exprs.length === 0) {
        go();
        return;
      }
      const ctl = new AbortController();
      probing.current = ctl;
      void probeSeries(client, exprs, atSec, ctl.signal).then((n) => {
        if (ctl.signal.aborted) return;
        const message = seriesWarning(n, limit);
        if (message) setPending({ message, go });
        else go();
      });
    },
    [client, limit, atSec],
  );
  return {
    guard,
    pending,
    runAnyway: () => {
      pending?.go();
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}

/** The question under the run button: the estimate, Run anyway, Cancel. */
export function SeriesGateNotice({ gate }: { gate: SeriesGate }) {
  // nothing while counting (ms, 3 s at most): a line appearing here moved the buttons mid-click
  if (!gate.pending) return null;
  return (
    <div className="banner warn series-gate" role="alert" data-testid="series-warning">
      <span>{gate.pending.message}</span>
      <button type="button" data-testid="series-run-anyway" onClick={gate.runAnyway}>
        Run anyway
      </button>
      <button type="button" onClick={gate.cancel}>
        Cancel
      </button>
    </div>
  );
}
