import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useDashboards } from '../state/dashboards';
import { useDatasources } from '../state/datasources';
import { followOtherTabs, loadStores } from '../state/start';
import { useStorageError } from '../state/storage';
import DashboardPage from './pages/DashboardPage';
import type { Provisioned } from './provisioning';
import { currentRoute, href, updateParams, useRoute } from './router';
import GlobalShortcuts from './shortcuts/ShortcutsHelp';
import { whenIdle } from './idle';
import { startupProvisioning } from './startup';
import ThemePicker, { useThemeSync } from './ThemePicker';

// Dashboards (and the list of them) are what opens most; the other routes load on demand.
// the dashboard list too: a dashboard link (the most common way in) never needs it
const HomePage = lazy(() => import('./pages/HomePage'));
const DatasourcesPage = lazy(() => import('./pages/DatasourcesPage'));
const ExplorePage = lazy(() => import('./pages/ExplorePage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const HistoryPage = lazy(() => import('./history/HistoryPage'));
const SettingsPage = lazy(() => import('./backup/SettingsPage'));
const SnapshotPage = lazy(() => import('../snapshot/viewer/SnapshotPage'));
const SharedDashboardPage = lazy(() => import('./share/SharedDashboardPage'));

/**
 * What config.json provisions. The fetches were started by the entry script (startup.ts); the
 * validator and importer (zod, the Grafana converter) load only when there is a config to read.
 */
async function provisioning(first: string | undefined): Promise<Provisioned> {
  const raw = await startupProvisioning();
  if (!raw.config) return { datasources: [], dashboards: [], errors: [] };
  const [{ readProvisioning }, { readAnyDashboard }] = await Promise.all([
    import('./provisioning'),
    import('./readDashboard'),
  ]);
  return readProvisioning(raw, readAnyDashboard, { first });
}

/** The other provisioned dashboards are read this long after the opened one, when idle. */
const REST_AFTER_MS = 5000;

/** After `ms` and then a quiet moment of the main thread. */
function whenQuiet(fn: () => void, ms: number): void {
  setTimeout(() => whenIdle(fn, 2000), ms);
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: false,
      refetchOnWindowFocus: false,
      // A range query's answer is fully determined by its key (expr, start, end, step).
      staleTime: Infinity,
      gcTime: 5 * 60_000,
    },
  },
});

/** Inside an `<iframe>` (an embed). Comparing windows is allowed across origins. */
const framed = typeof window !== 'undefined' && window.top !== window.self;

export default function App() {
  const route = useRoute();
  const [provisioningErrors, setProvisioningErrors] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  // The other provisioned dashboards, read once the page leaves the one opened first (or later,
  // when the tab is quiet): a 10 000-panel one takes a few hundred ms to validate.
  const [later, setLater] = useState<{ path: string; read: () => void } | null>(null);
  const storageError = useStorageError((s) => s.error);
  useThemeSync(route);

  useEffect(() => {
    let cancelled = false;
    const unfollow = followOtherTabs();
    // The stored dashboards and datasources first (one IndexedDB transaction): provisioned
    // Grafana dashboards resolve datasource names against them. config.json is fetched meanwhile.
    // The dashboard being opened is read first; the other provisioned ones after it (`later`).
    const opened = /^\/d\/([^/]+)/.exec(currentRoute().path)?.[1];
    const show = (p: Pick<Provisioned, 'dashboards' | 'errors'>) => {
      useDashboards
        .getState()
        .setProvisioned(
          p.dashboards.map((d) => ({ dashboard: d.dashboard, savedAt: 0, source: d.source })),
        );
      setProvisioningErrors(p.errors);
    };
    void loadStores()
      .then(() => provisioning(opened && decodeURIComponent(opened)))
      .then((p) => {
        if (cancelled) return;
        useDatasources.getState().setProvisioned(p.datasources);
        show(p);
        performance.mark('scry:ready'); // the start-up's marks: bench/dashboard.mjs
        setReady(true);
        const { rest } = p;
        if (!rest) return;
        let done = false;
        const read = () => {
          if (done || cancelled) return;
          done = true;
          const more = rest();
          show({
            dashboards: [...p.dashboards, ...more.dashboards],
            errors: [...p.errors, ...more.errors],
          });
          setLater(null);
        };
        setLater({ path: currentRoute().path, read });
        whenQuiet(read, REST_AFTER_MS);
      });
    return () => {
      cancelled = true;
      unfollow();
    };
  }, []);

  const elsewhere = !!later && route.path !== later.path;
  useEffect(() => {
    if (elsewhere) later?.read();
  }, [elsewhere, later]);

  let page: React.ReactNode;
  const m = /^\/d\/([^/]+)/.exec(route.path);
  const versions = /^\/d\/([^/]+)\/history$/.exec(route.path);
  // a dashboard carried by a share link (app/share)
  const shared = /^\/s\/([^/]*)$/.exec(route.path);
  if (!ready || elsewhere) page = <p className="page muted">Loading…</p>;
  else if (versions)
    page = <HistoryPage key={versions[1]} uid={decodeURIComponent(versions[1]!)} />;
  else if (m) page = <DashboardPage key={m[1]} uid={decodeURIComponent(m[1]!)} />;
  else if (shared) page = <SharedDashboardPage key={shared[1]} payload={shared[1]!} />;
  else if (route.path === '/datasources') page = <DatasourcesPage />;
  else if (route.path === '/explore') page = <ExplorePage />;
  else if (route.path === '/settings') page = <SettingsPage />;
  else if (route.path === '/import') page = <ImportPage key={route.params.get('url') ?? ''} />;
  else if (route.path === '/snapshot') page = <SnapshotPage />;
  else if (route.path === '/') page = <HomePage />;
  else
    page = (
      <div className="page">
        <h1>Not found</h1>
        <p>
          There is no page at <code>{route.path}</code>.{' '}
          <a href={href('/')}>Go to the dashboards</a>.
        </p>
      </div>
    );

  // kiosk mode (`d k`, Grafana's `kiosk` parameter): a dashboard without the app's chrome
  // `kiosk`: variables stay; `kiosk=full`: panels only. Framed (an embed), not even the exit
  // button. config.json problems are for the app's pages, not for a wall screen or an embed.
  const kiosk = (!!m || !!shared) && route.params.has('kiosk');
  const kioskClass = !kiosk
    ? undefined
    : route.params.get('kiosk') === 'full'
      ? 'kiosk kiosk-full'
      : 'kiosk';
  return (
    <QueryClientProvider client={queryClient}>
      <GlobalShortcuts />
      <header className="topbar" hidden={kiosk}>
        <a className="brand" href={href('/')}>
          Scry
        </a>
        <nav>
          <a href={href('/')} aria-current={route.path === '/' ? 'page' : undefined}>
            Dashboards
          </a>
          <a href={href('/explore')} aria-current={route.path === '/explore' ? 'page' : undefined}>
            Explore
          </a>
          <a
            href={href('/datasources')}
            aria-current={route.path === '/datasources' ? 'page' : undefined}
          >
            Datasources
          </a>
          <a
            href={href('/settings')}
            aria-current={route.path === '/settings' ? 'page' : undefined}
          >
            Settings
          </a>
        </nav>
        <ThemePicker route={route} />
      </header>
      {storageError && (
        <div className="banner error" role="alert">
          {storageError}
        </div>
      )}
      {provisioningErrors.length > 0 && !kiosk && (
        <div className="banner warn" role="alert" data-testid="provisioning-errors">
          <strong>Provisioning problems:</strong>
          <ul>
            {provisioningErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <main className={kioskClass}>
        {kiosk && !framed && (
          <button
            type="button"
            className="kiosk-exit"
            onClick={() => updateParams({ kiosk: null })}
          >
            Exit kiosk (Esc)
          </button>
        )}
        {/* one boundary per route: a page whose code is still loading never keeps the page left
            behind alive (hidden), so leaving a dashboard always drops its working copy */}
        <Suspense key={route.path} fallback={<p className="page muted">Loading…</p>}>
          {page}
        </Suspense>
      </main>
    </QueryClientProvider>
  );
}
