import { PrometheusClient } from '../../prometheus/client';
import { parseCompare, type CompareTo } from '../../query/compare';
import type { DatasourceHandle, QueryEnv } from '../../query/env';
import { datasourceName } from '../../variables/resolve';
import type { Snapshot } from '../format';
import { replayFetch, snapshotUrl } from '../replay';

/**
 * The snapshot's datasources as handles whose client answers from the captured answers
 * (replay.ts): the real client code parses them, nothing is sent anywhere.
 */
export function snapshotHandles(s: Snapshot): Map<string, DatasourceHandle> {
  const out = new Map<string, DatasourceHandle>();
  for (const d of s.datasources) {
    const client = new PrometheusClient(
      { url: snapshotUrl(d.name) },
      replayFetch(s.answers, d.name),
    );
    out.set(d.name, {
      name: d.name,
      client,
      scrapeIntervalMs: d.scrapeIntervalMs,
      cacheKey: `snapshot:${d.name}`,
      ...(d.flavour ? { flavour: d.flavour } : {}),
    });
  }
  return out;
}

/** The comparison the snapshot was taken with (its past answers are in it), else none. */
export function snapshotCompare(s: Pick<Snapshot, 'compare'>): CompareTo | null {
  const c = s.compare ? parseCompare(s.compare) : null;
  return c && !('error' in c) ? c : null;
}

/** The QueryEnv of a snapshot shown over [fromMs, toMs] (its range, or a zoom inside it). */
export function snapshotEnv(
  s: Snapshot,
  handles: Map<string, DatasourceHandle>,
  fromMs: number,
  toMs: number,
): QueryEnv {
  return {
    fromMs,
    toMs,
    timeZone: s.range.timeZone,
    scope: s.scope,
    dashboard: { uid: s.dashboard.uid, title: s.dashboard.title },
    compare: snapshotCompare(s),
    datasource(name) {
      const wanted = datasourceName(name, s.scope);
      const d = wanted
        ? s.datasources.find((x) => x.name === wanted)
        : (s.datasources.find((x) => x.isDefault) ?? s.datasources[0]);
      const h = d && handles.get(d.name);
      if (h) return h;
      return {
        error: wanted
          ? `Not in this snapshot: datasource "${wanted}" answered nothing when it was taken`
          : 'Not in this snapshot: no datasource answered when it was taken',
      };
    },
  };
}

/**
 * The dashboard as the viewer draws it: each panel asks for as many points as it did at capture
 * (its captured width as maxDataPoints), so steps, `$__interval` and the requests are the
 * captured ones whatever the size of the window.
 */
export function pinnedDashboard(s: Snapshot): Snapshot['dashboard'] {
  const pin = <P extends { id: number; maxDataPoints?: number | undefined }>(p: P): P => {
    const w = s.widths[String(p.id)];
    return w !== undefined && p.maxDataPoints === undefined ? { ...p, maxDataPoints: w } : p;
  };
  return {
    ...s.dashboard,
    panels: s.dashboard.panels.map((p) => {
      const pinned = pin(p);
      return pinned.panels ? { ...pinned, panels: pinned.panels.map(pin) } : pinned;
    }),
  };
}

/** A zoom clamped to the captured range; null when it covers all of it. */
export function clampZoom(
  s: Pick<Snapshot, 'range'>,
  fromMs: number,
  toMs: number,
): [number, number] | null {
  const from = Math.max(s.range.fromMs, Math.min(fromMs, toMs));
  const to = Math.min(s.range.toMs, Math.max(fromMs, toMs));
  if (to - from < 1000) return null;
  if (from <= s.range.fromMs && to >= s.range.toMs) return null;
  return [from, to];
}
