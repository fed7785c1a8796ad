import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import PanelView from '../../panels/PanelView';
import type { PanelContext } from '../../panels/types';
import { QueryEnvContext } from '../../query/env';
import { formatTime } from '../../time/format';
import { asArray } from '../../variables/interpolate';
import { findViewedItem } from '../../variables/repeat';
import PanelGrid from '../../app/dashboard/PanelGrid';
import { updateParams, useRoute } from '../../app/router';
import { ScopedEnv } from '../../app/rows/grid';
import type { Snapshot } from '../format';
import { clampZoom, pinnedDashboard, snapshotEnv, snapshotHandles } from './env';
import './snapshot.css';

/** "Snapshot of Fixture board, 2026-12-05 10:00:00 to 2026-12-05 12:00:00 (UTC), taken …" */
export function bannerText(s: Snapshot): string {
  const tz = s.range.timeZone;
  const at = (ms: number) => formatTime(ms, { timeZone: tz });
  const zone = tz === 'browser' || tz === '' ? '' : ` (${tz === 'utc' ? 'UTC' : tz})`;
  return `Snapshot of ${s.dashboard.title}, ${at(s.range.fromMs)} to ${at(s.range.toMs)}${zone}, taken ${at(s.takenAtMs)}`;
}

const noop = () => {};

/**
 * A snapshot on screen, read-only: the captured dashboard drawn by the same panel plugins as the
 * live view, its data from the snapshot (viewer/env.ts), the variables as they were, and zoom
 * inside the captured range. Used by the standalone .html and by the app's `#/snapshot` page.
 */
export default function SnapshotView(props: { snapshot: Snapshot; standalone?: boolean }) {
  const s = props.snapshot;
  // one cache per snapshot, apart from the app's: captured answers never mix with live ones
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
        },
      }),
  );
  const handles = useMemo(() => snapshotHandles(s), [s]);
  const [dashboard, setDashboard] = useState<Dashboard>(() => pinnedDashboard(s));
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const [fromMs, toMs] = zoom ?? [s.range.fromMs, s.range.toMs];
  const env = useMemo(() => snapshotEnv(s, handles, fromMs, toMs), [s, handles, fromMs, toMs]);
  const d = dashboard;
  const ctx: PanelContext = useMemo(
    () => ({
      syncKey: d.graphTooltip > 0 ? `snapshot-${d.uid}` : undefined,
      sharedTooltip: d.graphTooltip === 2,
      onZoom: (from, to) => setZoom(clampZoom(s, from, to)),
      // a snapshot page loads nothing from elsewhere (its policy forbids it too)
      externalImages: false,
    }),
    [d.graphTooltip, d.uid, s],
  );
  const change = useCallback((fn: (x: Dashboard) => Dashboard) => setDashboard(fn), []);
  const route = useRoute();
  const viewKey = route.params.get('viewPanel');
  const viewed = useMemo(
    () => findViewedItem(d.panels, s.scope, viewKey),
    [d.panels, s.scope, viewKey],
  );
  const vars = Object.entries(s.scope).filter(([name]) =>
    d.variables.some((v) => v.name === name && v.type !== 'constant' && v.hide !== 2),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <QueryEnvContext.Provider value={env}>
        <div className={props.standalone ? 'snapshot-view standalone' : 'snapshot-view'}>
          <div className="banner snapshot-banner" role="note" data-testid="snapshot-banner">
            {bannerText(s)}
          </div>
          <div className="dash-toolbar" data-testid="dashboard-toolbar">
            <div className="dash-title">
              <span data-testid="dashboard-title">{d.title}</span>
              <span className="badge muted">snapshot · read-only</span>
            </div>
            {vars.map(([name, v]) => (
              <span key={name} className="snapshot-var" data-testid={`variable-${name}`}>
                <span className="muted">{name}</span>{' '}
                {v.isAll ? 'All' : asArray(v.text ?? v.value).join(', ')}
              </span>
            ))}
            <span className="snapshot-range" data-testid="snapshot-range">
              {formatTime(fromMs, { timeZone: s.range.timeZone })} –{' '}
              {formatTime(toMs, { timeZone: s.range.timeZone })}
            </span>
            {zoom && (
              <button type="button" data-testid="snapshot-zoom-reset" onClick={() => setZoom(null)}>
                Whole snapshot
              </button>
            )}
          </div>
          {d.panels.length === 0 ? (
            <div className="empty-dash">This dashboard has no panels.</div>
          ) : viewed ? (
            <ScopedEnv scope={viewed.scope}>
              <PanelView
                panel={viewed.panel}
                ctx={ctx}
                onClose={() => updateParams({ viewPanel: null })}
              />
            </ScopedEnv>
          ) : (
            <PanelGrid
              dashboard={d}
              editing={false}
              ctx={ctx}
              onLayout={noop}
              onDuplicate={noop}
              onRemove={noop}
              onPanelChange={(p) =>
                change((cur) => ({
                  ...cur,
                  panels: cur.panels.map((x) => (x.id === p.id ? p : x)),
                }))
              }
              onChange={change}
            />
          )}
        </div>
      </QueryEnvContext.Provider>
    </QueryClientProvider>
  );
}
