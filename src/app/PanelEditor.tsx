import { useEffect, useMemo, useRef, useState } from 'react';
import { preloadPromQLEditor } from '../editor/LazyPromQLEditor';
import type { Panel } from '../model/dashboard';
import PanelShell from '../panels/PanelShell';
import { panelPlugin } from '../panels/registry';
import type { PanelContext, SeriesName } from '../panels/types';
import { probeText } from '../prometheus/seriesProbe';
import { useQueryEnv } from '../query/env';
import { interpolate } from '../variables/interpolate';
import type { TransformProblem } from '../transform/index';
import { SeriesGateNotice, useSeriesGate } from './cost/seriesGate';
import QueryInspector from './inspect/QueryInspector';
import PanelOptionsPane from './panelEditor/PanelOptionsPane';
import { changePanelType } from './panelEditor/edit';
import { exemplarToggle } from './panelEditor/exemplarToggle';
import QueryList from './panelEditor/QueryList';
import { useMetadataUnits } from './panelEditor/useMetadataUnits';
import { useEditorClient } from './useEditorClient';
import { useLeaveGuard } from './useLeaveGuard';

export { emptyTarget, nextRefId } from './panelEditor/edit';

export interface PanelEditorProps {
  panel: Panel;
  /** names of the dashboard's template variables (completion and lint) */
  variables?: readonly string[];
  onApply(p: Panel): void;
  onDiscard(): void;
}

const NO_VARIABLES: readonly string[] = [];

/** Live preview on top, queries below, options on the side. Apply keeps; Discard drops all. */
export default function PanelEditor(props: PanelEditorProps) {
  const [p, setP] = useState<Panel>(props.panel);
  const [inspecting, setInspecting] = useState(false);
  const env = useQueryEnv();
  const changed = JSON.stringify(p) !== JSON.stringify(props.panel);

  useEffect(() => preloadPromQLEditor(), []);

  // The editor's completion source: the panel's datasource, stable between renders.
  const ds = env.datasource(p.datasource);
  const [openedAt] = useState(() => Date.now());
  const editorClient = useEditorClient('error' in ds ? null : ds, env.fromMs, openedAt);
  const variables = props.variables ?? NO_VARIABLES;

  // The preview runs the query text as of the last Run (Ctrl+Enter, blur); options apply at once.
  const [ranExprs, setRanExprs] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.panel.targets.map((t) => [t.refId, t.expr])),
  );
  const preview = useMemo<Panel>(
    () => ({ ...p, targets: p.targets.map((t) => ({ ...t, expr: ranExprs[t.refId] ?? '' })) }),
    [p, ranExprs],
  );
  // reads the latest targets (the editor calls onRun/onBlur from CodeMirror's handlers)
  const pRef = useRef(p);
  useEffect(() => {
    pRef.current = p;
  });
  const ranRef = useRef(ranExprs);
  useEffect(() => {
    ranRef.current = ranExprs;
  });
  // a new query touching more series than the user's limit asks first (app/cost/seriesGate.tsx)
  const gate = useSeriesGate('error' in ds ? undefined : ds.client, Math.floor(env.toMs / 1000));
  const run = () => {
    const targets = pRef.current.targets;
    const next = Object.fromEntries(targets.map((t) => [t.refId, t.expr]));
    const fresh = targets
      .filter((t) => !t.hide && t.expr.trim() && t.expr !== ranRef.current[t.refId])
      .map((t) => probeText(interpolate(t.expr, env.scope)));
    gate.guard(fresh, () => setRanExprs(next));
  };

  const discard = () => {
    if (!changed || confirm('Discard the changes to this panel?')) props.onDiscard();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || inspecting) return;
      // Escape inside the editor closes its completion list first
      const t = e.target as HTMLElement | null;
      if (t?.closest('.cm-editor') && document.querySelector('.cm-tooltip-autocomplete')) return;
      discard();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Leaving the page with unapplied changes asks first (tab close, or another route).
  useLeaveGuard(changed, 'The panel has unapplied changes. Leave without applying them?');

  // The preview is not in a dashboard's cursor-sync group and does not zoom; it tells the
  // options which series it draws (the overrides' name picker).
  const [series, setSeries] = useState<readonly SeriesName[]>([]);
  const [problems, setProblems] = useState<readonly TransformProblem[]>([]);
  const ctx = useMemo<PanelContext>(
    () => ({ onSeries: setSeries, onTransformProblems: setProblems }),
    [],
  );
  const queries = panelPlugin(p.type)?.queryMode !== 'none';
  // a switch to another type (Visualization, or the preview's "Show as heatmap") takes the unit
  // the new type reads from the queries, the metadata's first
  const metadataUnit = useMetadataUnits(
    editorClient,
    p.targets.map((t) => t.expr),
  );
  const changeType = (type: string) => setP((cur) => changePanelType(cur, type, metadataUnit));

  return (
    <div className="drawer" role="dialog" aria-label="Edit panel" data-testid="panel-editor">
      <div className="preview">
        <PanelShell
          panel={preview}
          ctx={ctx}
          actions={{ onChange: (np) => changeType(np.type) }}
          noQueryText="No query yet: write one below, Ctrl/Cmd+Enter runs it"
        />
      </div>
      <QueryList
        targets={p.targets}
        queries={queries}
        client={editorClient}
        variables={variables}
        run={run}
        notice={<SeriesGateNotice gate={gate} />}
        onInspect={() => setInspecting(true)}
        update={(change) => setP((cur) => ({ ...cur, targets: change(cur.targets) }))}
        exemplars={(t) =>
          exemplarToggle({
            datasource: 'error' in ds ? ds : { flavour: ds.flavour ?? 'prometheus' },
            panelShows: panelPlugin(p.type)?.showsExemplars === true,
            instant: t.instant,
          })
        }
      />
      <div className="options">
        <div className="row">
          <button
            type="button"
            className="primary"
            data-testid="panel-apply"
            onClick={() => props.onApply(p)}
          >
            Apply
          </button>
          <button type="button" data-testid="panel-discard" onClick={discard}>
            Discard
          </button>
          {changed && <span className="dirty">● unapplied</span>}
        </div>
        <PanelOptionsPane
          panel={p}
          variables={variables}
          series={series}
          transformProblems={problems}
          update={setP}
          changeType={changeType}
        />
      </div>
      {inspecting && <QueryInspector panel={preview} onClose={() => setInspecting(false)} />}
    </div>
  );
}
