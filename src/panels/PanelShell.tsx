import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Panel } from '../model/dashboard';
import { QueryEnvContext, useQueryEnv } from '../query/env';
import { usePanelEnv } from '../query/panelEnv';
import { useInView } from '../query/useInView';
import { queryWidthPx } from '../query/plan';
import { usePanelData } from '../query/usePanelData';
import type { TransformProblem } from '../transform/index';
import { useTransformed } from '../transform/useTransformed';
import { changePanelType } from './changeType';
import PluginView from './PluginView';
import { lazyComponent } from './shared/lazy';
import { panelPlugin, panelRegistry } from './registry';
import { useMenu } from './shared/useMenu';
import type { PanelContext } from './types';
import './request.css';

// only panels with links need them (and the interpolation behind them): their own chunk
const PanelLinks = lazyComponent('panel links', () => import('./shared/PanelLinks'));

export interface PanelActions {
  onEdit?: (() => void) | undefined;
  onDuplicate?: (() => void) | undefined;
  onRemove?: (() => void) | undefined;
  /** shows the panel alone, full screen (`viewPanel=<id>`) */
  onView?: (() => void) | undefined;
  /** replaces the panel in the dashboard's working copy (e.g. "Show as heatmap") */
  onChange?: ((panel: Panel) => void) | undefined;
  /** opens the query inspector */
  onInspect?: (() => void) | undefined;
  /** opens the share dialog for this panel */
  onShare?: (() => void) | undefined;
}

/**
 * Shared chrome of every panel: title, menu, loading bar, errors and warnings verbatim, and the
 * DOM hooks tests rely on (data-testid="panel", data-panel-title, data-state).
 */
export default function PanelShell(props: {
  panel: Panel;
  ctx: PanelContext;
  actions?: PanelActions;
  /** what an empty panel without a query says (Explore, the editor: where to type one) */
  noQueryText?: string;
}) {
  const { panel, ctx, actions } = props;
  // the page's env, or the panel's own range (Grafana's Relative time / Time shift)
  const pageEnv = useQueryEnv();
  const { env, timeInfo, timeError } = usePanelEnv(panel, pageEnv);
  const rootRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const inView = useInView(rootRef);
  const [size, setSize] = useState({ widthPx: 0, heightPx: 0 });
  const plugin = panelPlugin(panel.type);

  // measured before the first paint (in the same layout as the other panels' and the in-view
  // check): the panel's step, and so its queries, are known in the task that laid it out
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const measure = () => setSize({ widthPx: el.clientWidth, heightPx: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const queryWidth = queryWidthPx(size.widthPx);
  const data = useTransformed(
    panel,
    usePanelData(panel, env, queryWidth, inView && !!plugin && plugin.queryMode !== 'none', {
      instant: plugin?.queryMode === 'instant',
      compare: plugin?.comparesToPast === true,
      exemplars: plugin?.showsExemplars === true,
    }),
    plugin?.queryMode === 'instant',
  );
  // the editor lists why a transformation did not apply (src/transform)
  const onProblems = ctx.onTransformProblems;
  const problemKey = JSON.stringify(data.transformProblems ?? []);
  useEffect(() => {
    onProblems?.(JSON.parse(problemKey) as TransformProblem[]);
  }, [onProblems, problemKey]);
  // Panels without queries (text, alert list) own their content...
  const noQuery = plugin?.queryMode === 'none';
  // ...and report their errors through ctx.reportError: whatever the query mode, errors are
  // shown here, and data-state is "error" exactly when one is shown
  const [ownError, setOwnError] = useState<string | undefined>(undefined);
  const viewCtx = useMemo(() => ({ ...ctx, reportError: setOwnError }), [ctx]);
  const errors = !plugin
    ? [`Unsupported panel type "${panel.type}"`]
    : [...(noQuery ? [] : data.errors), ...(ownError === undefined ? [] : [ownError])];
  const state = errors.length > 0 ? 'error' : noQuery ? 'ok' : data.state;
  const onChange = actions?.onChange;
  // other types that suit this data ("Show as heatmap" for histogram buckets drawn as lines)
  const offers = onChange
    ? panelRegistry.plugins.filter((p) => p.offer?.from.includes(panel.type) && p.offer.when(data))
    : [];

  const shell = (
    <div
      ref={rootRef}
      className="panel"
      data-testid="panel"
      data-panel-title={panel.title}
      data-panel-id={panel.id}
      data-state={state}
    >
      <div className="panel-head">
        <span className="panel-title" title={panel.description || panel.title}>
          {panel.title || '\u00a0'}
        </span>
        {timeInfo && (
          <span
            className={`panel-time-info${timeError ? ' invalid' : ''}`}
            data-testid="panel-time-info"
            title={timeError ?? "This panel's own time range"}
          >
            {timeInfo}
          </span>
        )}
        {data.warnings.length > 0 && (
          <span className="warn" title={data.warnings.join('\n')} data-testid="panel-warning-icon">
            ⚠
          </span>
        )}
        {offers.map((p) => (
          <button
            key={p.type}
            type="button"
            className="icon"
            style={{ fontSize: 11 }}
            data-testid={`show-as-${p.type}`}
            title={p.offer?.title}
            onClick={() => onChange?.(changePanelType(panel, p.type))}
          >
            Show as {p.name.toLowerCase()}
          </button>
        ))}
        {panel.links?.length ? <PanelLinks links={panel.links} env={env} /> : null}
        {actions && hasMenu(actions) && <PanelMenu actions={actions} />}
      </div>
      {data.fetching && <div className="panel-loading" aria-hidden />}
      {data.fetching && <PanelRequestState data={data} />}
      {!data.fetching && !noQuery && data.rerun && data.errors.length > 0 && (
        <div className="panel-request">
          <button type="button" onClick={data.rerun}>
            Run again
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <div className="panel-error" data-testid="panel-error" role="alert">
          {errors.join('\n')}
        </div>
      )}
      {data.warnings.length > 0 && (
        <div className="panel-warning" data-testid="panel-warning">
          {data.warnings.join(' · ')}
        </div>
      )}
      <div className="panel-body" ref={bodyRef}>
        {plugin && size.widthPx > 0 && size.heightPx > 0 && (
          <PluginView
            plugin={plugin}
            panel={panel}
            data={data}
            widthPx={size.widthPx}
            heightPx={size.heightPx}
            ctx={viewCtx}
          />
        )}
        {plugin && !noQuery && data.state === 'empty' && (
          <div className="panel-msg">
            {panel.targets.some((t) => t.expr.trim())
              ? 'No data'
              : (props.noQueryText ?? 'No query: edit the panel to add one')}
          </div>
        )}
      </div>
    </div>
  );
  // the panel's view and its hooks (alert annotations, …) see the panel's own range
  return env === pageEnv ? (
    shell
  ) : (
    <QueryEnvContext.Provider value={env}>{shell}</QueryEnvContext.Provider>
  );
}

/** A spinner appears once a request has taken this long: quick refreshes do not flash it. */
const SPINNER_AFTER_MS = 300;
/** ...and Cancel once it has taken a second. */
const CANCEL_AFTER_MS = 1000;

/**
 * While a panel's requests run: a spinner with the seconds waited ("Loading… 3 s"), retry
 * notices and a Cancel button, inside the panel: centred while there is nothing drawn yet, in
 * the bottom-right corner over a chart being refreshed.
 */
function PanelRequestState({ data }: { data: ReturnType<typeof usePanelData> }) {
  const [elapsedMs, setElapsedMs] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const tick = () => setElapsedMs(Date.now() - start);
    const first = setTimeout(tick, SPINNER_AFTER_MS);
    const every = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, []);
  if (elapsedMs < SPINNER_AFTER_MS && !data.notices?.length) return null;
  const seconds = Math.floor(elapsedMs / 1000);
  return (
    <div
      className={`panel-request${data.state === 'loading' ? ' first' : ''}`}
      data-testid="panel-request"
    >
      <span
        className="panel-spinner"
        role="status"
        data-testid="panel-spinner"
        data-seconds={seconds}
      >
        Loading…{seconds > 0 ? ` ${seconds} s` : ''}
      </span>
      {data.notices?.map((n) => (
        <span key={n} data-testid="panel-retry">
          {n}
        </span>
      ))}
      {data.cancel && elapsedMs >= CANCEL_AFTER_MS && (
        <button type="button" data-testid="panel-cancel" onClick={data.cancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** whether any of the menu's items is offered (the editor's preview has none) */
function hasMenu(a: PanelActions): boolean {
  return !!(a.onView || a.onEdit || a.onDuplicate || a.onRemove || a.onInspect || a.onShare);
}

function PanelMenu({ actions }: { actions: PanelActions }) {
  const { open, setOpen, ref } = useMenu();
  const item = (label: string, fn: (() => void) | undefined) =>
    fn && (
      <button
        type="button"
        role="menuitem"
        onClick={() => {
          setOpen(false);
          fn();
        }}
      >
        {label}
      </button>
    );
  return (
    <div className="panel-menu" ref={ref}>
      <button
        type="button"
        className="icon"
        aria-label="Panel menu"
        aria-haspopup="menu"
        onClick={() => setOpen(!open)}
        onMouseDown={(e) => e.stopPropagation()}
      >
        ⋮
      </button>
      {open && (
        <div className="menu" role="menu" onMouseDown={(e) => e.stopPropagation()}>
          {item('View', actions.onView)}
          {item('Edit', actions.onEdit)}
          {item('Duplicate', actions.onDuplicate)}
          {item('Remove', actions.onRemove)}
          {item('Inspect', actions.onInspect)}
          {item('Share', actions.onShare)}
        </div>
      )}
    </div>
  );
}
