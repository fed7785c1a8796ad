import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Panel } from '../../model/dashboard';
import { QueryEnvContext, type DatasourceHandle, type QueryEnv } from '../../query/env';
import type { PanelData, TargetResult } from '../../query/usePanelData';
import PluginView from '../PluginView';
import type { PanelContext, PanelPlugin } from '../types';

/** Test helpers (jsdom only): mount a node or a plugin's view, and build panels / panel data. */

export interface Mounted {
  container: HTMLElement;
  /** renders another node into the same root (props change, the state stays) */
  rerender(node: ReactNode): void;
  unmount(): void;
}

const mounted = new Set<Mounted>();

/** Unmounts everything still mounted by `mount`/`mountPlugin`: `afterEach(cleanupMounts)`. */
export function cleanupMounts(): void {
  for (const m of [...mounted]) m.unmount();
}

export function mount(node: ReactNode): Mounted {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root | undefined;
  act(() => {
    root = createRoot(container);
    root.render(node);
  });
  const m: Mounted = {
    container,
    rerender: (next) => act(() => root?.render(next)),
    unmount: () => {
      if (!mounted.delete(m)) return;
      act(() => root?.unmount());
      container.remove();
    },
  };
  mounted.add(m);
  return m;
}

/** What a plugin's view is mounted with besides its panel (all optional). */
export interface PluginViewSetup {
  /** default: no results */
  data?: PanelData;
  /** default 400 × 300 */
  widthPx?: number;
  heightPx?: number;
  ctx?: PanelContext;
  /** the page's QueryEnv (time range, zone, datasources, variables) */
  env?: QueryEnv;
  /** for views that fetch data of their own */
  queryClient?: QueryClient;
}

/** A plugin's view as the shell renders it (options read by the plugin's readOptions). */
export function pluginView(plugin: PanelPlugin, panel: Panel, setup: PluginViewSetup = {}) {
  let node: ReactNode = (
    <PluginView
      plugin={plugin}
      panel={panel}
      data={setup.data ?? testData([])}
      widthPx={setup.widthPx ?? 400}
      heightPx={setup.heightPx ?? 300}
      ctx={setup.ctx ?? testCtx}
    />
  );
  if (setup.env)
    node = <QueryEnvContext.Provider value={setup.env}>{node}</QueryEnvContext.Provider>;
  if (setup.queryClient)
    node = <QueryClientProvider client={setup.queryClient}>{node}</QueryClientProvider>;
  return node;
}

/** Mounts a plugin's view (see `pluginView`); `cleanupMounts` unmounts it. */
export function mountPlugin(plugin: PanelPlugin, panel: Panel, setup: PluginViewSetup = {}) {
  return mount(pluginView(plugin, panel, setup));
}

export function testPanel(type: string, over: Partial<Panel> = {}): Panel {
  return {
    id: 1,
    type,
    title: 'T',
    description: '',
    gridPos: { x: 0, y: 0, w: 12, h: 8 },
    targets: [
      { refId: 'A', expr: 'up', legendFormat: '', interval: '', instant: false, hide: false },
    ],
    fieldConfig: { unit: 'short' },
    options: {},
    ...over,
  };
}

export function testData(results: TargetResult[]): PanelData {
  return { state: 'ok', results, errors: [], warnings: [], fetching: false, plans: [] };
}

export const testCtx: PanelContext = {};

/**
 * A QueryEnv whose every datasource is `client` (named `prom`), except the name `missing`,
 * which does not resolve ('Unknown datasource "missing"').
 */
export function testEnv(
  client: DatasourceHandle['client'],
  over: Partial<Pick<DatasourceHandle, 'flavour' | 'cacheKey'>> & { toMs?: number } = {},
): QueryEnv {
  const { toMs = 1, cacheKey = 'k1', flavour } = over;
  return {
    fromMs: 0,
    toMs,
    timeZone: 'utc',
    datasource: (name) =>
      name === 'missing'
        ? { error: 'Unknown datasource "missing"' }
        : {
            name: 'prom',
            client,
            scrapeIntervalMs: 15000,
            cacheKey,
            ...(flavour ? { flavour } : {}),
          },
    scope: {},
    dashboard: { uid: 'u', title: 't' },
  };
}
