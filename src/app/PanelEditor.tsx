import { useEffect, useMemo, useRef, useState } from 'react';
import LazyPromQLEditor, { preloadPromQLEditor } from '../editor/LazyPromQLEditor';
import type { Panel, Target, Thresholds } from '../model/dashboard';
import PanelShell from '../panels/PanelShell';
import { DEFAULT_PERCENTILES } from '../panels/heatmap/options';
import { reducerOptions } from '../panels/reducers';
import { panelPlugin, panelRegistry } from '../panels/registry';
import { allDatasources, useDatasources } from '../state/datasources';
import { unitOptions } from '../units/format';
import { useQueryEnv } from '../query/env';
import type { PanelContext } from '../panels/types';
import QueryInspector from './inspect/QueryInspector';
import { useEditorClient } from './useEditorClient';
import { useLeaveGuard } from './useLeaveGuard';

export interface PanelEditorProps {
  panel: Panel;
  /** names of the dashboard's template variables (completion and lint) */
  variables?: readonly string[];
  onApply(p: Panel): void;
  onDiscard(): void;
}

const NO_VARIABLES: readonly string[] = [];

/** A new query row: no expression yet, nothing hidden. */
export function emptyTarget(refId: string): Target {
  return { refId, expr: '', legendFormat: '', interval: '', instant: false, hide: false };
}

/** A new panel type: its default options, the shared field settings kept (Grafana's behaviour). */
export function changePanelType(p: Panel, type: string): Panel {
  const plugin = panelPlugin(type);
  if (!plugin || type === p.type) return { ...p, type };
  const d = plugin.defaults();
  const keep = Object.fromEntries(
    Object.entries(p.options).filter(([k]) => k in d.options && k === 'reduce'),
  );
  return {
    ...p,
    type,
    options: { ...d.options, ...keep },
    fieldConfig: {
      ...d.fieldConfig,
      ...p.fieldConfig,
      thresholds: p.fieldConfig.thresholds ?? d.fieldConfig.thresholds,
    },
  };
}

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function nextRefId(targets: readonly Pick<Target, 'refId'>[]): string {
  const used = new Set(targets.map((t) => t.refId));
  for (const c of REF_IDS) if (!used.has(c)) return c;
  let n = targets.length;
  while (used.has(`Q${n}`)) n++;
  return `Q${n}`;
}

/** The preview is not in a dashboard's cursor-sync group and does not zoom. */
const NO_CONTEXT: PanelContext = {};

/** Live preview on top, queries below, options on the side. Apply keeps; Discard drops all. */
export default function PanelEditor(props: PanelEditorProps) {
  const [p, setP] = useState<Panel>(props.panel);
  const [inspecting, setInspecting] = useState(false);
  const env = useQueryEnv();
  const own = useDatasources((st) => st.own);
  const provisioned = useDatasources((st) => st.provisioned);
  const datasources = useMemo(() => allDatasources({ own, provisioned }), [own, provisioned]);
  const changed = JSON.stringify(p) !== JSON.stringify(props.panel);
  const set = (patch: Partial<Panel>) => setP((cur) => ({ ...cur, ...patch }));
  const setField = (patch: Partial<Panel['fieldConfig']>) =>
    setP((cur) => ({ ...cur, fieldConfig: { ...cur.fieldConfig, ...patch } }));
  const setOption = (key: string, value: unknown) =>
    setP((cur) => ({ ...cur, options: { ...cur.options, [key]: value } }));
  const setTarget = (i: number, patch: Partial<Target>) =>
    setP((cur) => ({
      ...cur,
      targets: cur.targets.map((t, j) => (j === i ? { ...t, ...patch } : t)),
    }));

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
  const run = () =>
    setRanExprs(Object.fromEntries(pRef.current.targets.map((t) => [t.refId, t.expr])));

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

  const ctx: PanelContext = NO_CONTEXT;
  const plugin = panelPlugin(p.type);
  const queries = plugin?.queryMode !== 'none';

  return (
    <div className="drawer" role="dialog" aria-label="Edit panel" data-testid="panel-editor">
      <div className="preview">
        <PanelShell panel={preview} ctx={ctx} />
      </div>
      <div className="queries">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
          <strong>Queries</strong>
          <div className="row">
            <button type="button" onClick={run} data-testid="run-queries">
              Run queries
            </button>
            <button type="button" onClick={() => setInspecting(true)} data-testid="open-inspect">
              Query inspector
            </button>
            <button
              type="button"
              data-testid="add-query"
              onClick={() => set({ targets: [...p.targets, emptyTarget(nextRefId(p.targets))] })}
            >
              Add query
            </button>
          </div>
        </div>
        {!queries && (
          <p className="muted">This panel type runs no queries; its options are on the right.</p>
        )}
        {p.targets.map((t, i) => (
          <div className="target" key={t.refId} data-testid="target" data-ref-id={t.refId}>
            <div className="row">
              <strong>{t.refId}</strong>
              <label className="check row">
                <input
                  type="checkbox"
                  data-testid="query-hide"
                  checked={t.hide}
                  onChange={(e) => setTarget(i, { hide: e.target.checked })}
                />{' '}
                hide
              </label>
              <label className="check row">
                <input
                  type="checkbox"
                  data-testid="query-instant"
                  checked={t.instant}
                  onChange={(e) => setTarget(i, { instant: e.target.checked })}
                />{' '}
                instant
              </label>
              {p.targets.length > 1 && (
                <button
                  type="button"
                  className="danger"
                  data-testid="remove-query"
                  onClick={() => set({ targets: p.targets.filter((_x, j) => j !== i) })}
                >
                  Remove
                </button>
              )}
            </div>
            <LazyPromQLEditor
              data-testid="query-expr"
              aria-label={`PromQL expression ${t.refId}`}
              value={t.expr}
              onChange={(expr) => setTarget(i, { expr })}
              onRun={run}
              onBlur={run}
              client={editorClient}
              variables={variables}
              placeholder="sum by (job) (rate(http_requests_total[$__rate_interval]))"
            />
            <div className="row">
              <label>
                Legend
                <input
                  data-testid="query-legend"
                  value={t.legendFormat}
                  placeholder="{{job}}"
                  onChange={(e) => setTarget(i, { legendFormat: e.target.value })}
                />
              </label>
              <label>
                Min step
                <input
                  data-testid="query-min-step"
                  value={t.interval}
                  placeholder="auto"
                  size={8}
                  onChange={(e) => setTarget(i, { interval: e.target.value })}
                />
              </label>
            </div>
          </div>
        ))}
      </div>
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
        <label>
          Title
          <input
            data-testid="panel-title-input"
            value={p.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </label>
        <label>
          Description
          <textarea
            rows={2}
            data-testid="panel-description"
            value={p.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </label>
        <label>
          Visualization
          <select
            data-testid="panel-type"
            value={p.type}
            onChange={(e) => setP((cur) => changePanelType(cur, e.target.value))}
          >
            {[...panelRegistry.values()].map((pl) => (
              <option key={pl.id} value={pl.id}>
                {pl.name}
              </option>
            ))}
            {!panelRegistry.has(p.type) && <option value={p.type}>{p.type} (unsupported)</option>}
          </select>
        </label>
        <label>
          Datasource
          <select
            data-testid="panel-datasource"
            value={p.datasource ?? ''}
            onChange={(e) => set({ datasource: e.target.value || undefined })}
          >
            <option value="">Default</option>
            {datasources.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
            {p.datasource && !datasources.some((d) => d.name === p.datasource) && (
              <option value={p.datasource}>{p.datasource} (missing)</option>
            )}
          </select>
        </label>
        <TypeOptions panel={p} setOption={setOption} />
        <label>
          Unit
          <select
            data-testid="panel-unit"
            value={p.fieldConfig.unit}
            onChange={(e) => setField({ unit: e.target.value })}
          >
            {unitOptions.map((g) => (
              <optgroup key={g.category} label={g.category}>
                {g.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                  </option>
                ))}
              </optgroup>
            ))}
            {!unitOptions.some((g) => g.units.some((u) => u.id === p.fieldConfig.unit)) && (
              <option value={p.fieldConfig.unit}>{p.fieldConfig.unit}</option>
            )}
          </select>
        </label>
        <label>
          Decimals
          <input
            type="number"
            data-testid="panel-decimals"
            min={0}
            max={20}
            value={p.fieldConfig.decimals ?? ''}
            placeholder="auto"
            onChange={(e) =>
              setField({
                decimals:
                  e.target.value === ''
                    ? undefined
                    : Math.max(0, Math.min(20, Math.round(Number(e.target.value)))),
              })
            }
          />
        </label>
        <div className="row">
          <label>
            Min
            <input
              type="number"
              data-testid="panel-min"
              value={p.fieldConfig.min ?? ''}
              placeholder="auto"
              onChange={(e) =>
                setField({ min: e.target.value === '' ? undefined : Number(e.target.value) })
              }
            />
          </label>
          <label>
            Max
            <input
              type="number"
              data-testid="panel-max"
              value={p.fieldConfig.max ?? ''}
              placeholder="auto"
              onChange={(e) =>
                setField({ max: e.target.value === '' ? undefined : Number(e.target.value) })
              }
            />
          </label>
        </div>
        <ThresholdsEditor
          value={p.fieldConfig.thresholds}
          onChange={(thresholds) => setField({ thresholds })}
        />
        <label>
          Max data points
          <input
            type="number"
            min={1}
            value={p.maxDataPoints ?? ''}
            placeholder="panel width"
            onChange={(e) =>
              set({
                maxDataPoints:
                  e.target.value === ''
                    ? undefined
                    : Math.max(1, Math.round(Number(e.target.value))),
              })
            }
          />
        </label>
        <label>
          Min interval
          <input
            value={p.interval ?? ''}
            placeholder="scrape interval"
            onChange={(e) => set({ interval: e.target.value || undefined })}
          />
        </label>
        <fieldset data-testid="repeat-options">
          <legend>Repeat</legend>
          <label>
            Repeat by variable
            <select
              data-testid="panel-repeat"
              value={p.repeat ?? ''}
              onChange={(e) => set({ repeat: e.target.value || undefined })}
            >
              <option value="">Don&apos;t repeat</option>
              {variables
                .filter((v) => !v.startsWith('__'))
                .map((v) => (
                  <option key={v} value={v}>
                    ${v}
                  </option>
                ))}
              {p.repeat && !variables.includes(p.repeat) && (
                <option value={p.repeat}>${p.repeat} (missing)</option>
              )}
            </select>
          </label>
          {p.repeat && (
            <>
              <label>
                Direction
                <select
                  data-testid="panel-repeat-direction"
                  value={p.repeatDirection ?? 'h'}
                  onChange={(e) => set({ repeatDirection: e.target.value === 'v' ? 'v' : 'h' })}
                >
                  <option value="h">Horizontal</option>
                  <option value="v">Vertical</option>
                </select>
              </label>
              {(p.repeatDirection ?? 'h') === 'h' && (
                <label>
                  Max per row
                  <select
                    data-testid="panel-max-per-row"
                    value={p.maxPerRow ?? 4}
                    onChange={(e) => set({ maxPerRow: Number(e.target.value) })}
                  >
                    {[2, 3, 4, 6, 8, 12, 24].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </>
          )}
        </fieldset>
      </div>
      {inspecting && <QueryInspector panel={preview} onClose={() => setInspecting(false)} />}
    </div>
  );
}

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/** Options of the panel's own type, where they are simple enough for a form. */
function TypeOptions({
  panel,
  setOption,
}: {
  panel: Panel;
  setOption(key: string, value: unknown): void;
}) {
  const o = panel.options;
  const select = (key: string, label: string, choices: [string, string][], fallback: string) => (
    <label key={key}>
      {label}
      <select
        data-testid={`option-${key}`}
        value={str(o[key], fallback)}
        onChange={(e) => setOption(key, e.target.value)}
      >
        {choices.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const reduce = select(
    'reduce',
    'Calculation',
    reducerOptions.map((r) => [r.id, r.label]),
    'lastNotNull',
  );
  const check = (key: string, label: string, fallback: boolean) => (
    <label key={key} className="check row" style={{ flexDirection: 'row' }}>
      <input
        type="checkbox"
        data-testid={`option-${key}`}
        checked={typeof o[key] === 'boolean' ? (o[key] as boolean) : fallback}
        onChange={(e) => setOption(key, e.target.checked)}
      />{' '}
      {label}
    </label>
  );
  switch (panel.type) {
    case 'timeseries': {
      const legend =
        typeof o.legend === 'object' && o.legend !== null
          ? (o.legend as Record<string, unknown>)
          : {};
      return (
        <label>
          Legend
          <select
            data-testid="option-legend"
            value={str(legend.displayMode, 'list')}
            onChange={(e) => setOption('legend', { ...legend, displayMode: e.target.value })}
          >
            <option value="list">List</option>
            <option value="table">Table</option>
            <option value="hidden">Hidden</option>
          </select>
        </label>
      );
    }
    case 'stat':
      return (
        <>
          {reduce}
          {select(
            'colorMode',
            'Colour mode',
            [
              ['value', 'Value'],
              ['background', 'Background gradient'],
              ['background_solid', 'Background solid'],
              ['none', 'None'],
            ],
            'value',
          )}
          {select(
            'graphMode',
            'Graph',
            [
              ['area', 'Sparkline'],
              ['none', 'None'],
            ],
            'area',
          )}
          {select(
            'textMode',
            'Text',
            [
              ['auto', 'Auto'],
              ['value', 'Value'],
              ['value_and_name', 'Value and name'],
              ['name', 'Name'],
              ['none', 'None'],
            ],
            'auto',
          )}
        </>
      );
    case 'gauge':
      return (
        <>
          {reduce}
          {check('showThresholdMarkers', 'Threshold markers', true)}
          {check('showThresholdLabels', 'Threshold labels', false)}
        </>
      );
    case 'bargauge':
      return (
        <>
          {reduce}
          {select(
            'displayMode',
            'Display',
            [
              ['gradient', 'Gradient'],
              ['lcd', 'Retro LCD'],
              ['basic', 'Basic'],
            ],
            'gradient',
          )}
        </>
      );
    case 'table':
      return (
        <>
          {reduce}
          {check('showHeader', 'Show header', true)}
        </>
      );
    case 'heatmap':
      return (
        <>
          <PercentilesInput
            value={
              Array.isArray(o.percentiles) ? (o.percentiles as unknown[]) : [...DEFAULT_PERCENTILES]
            }
            onChange={(v) => setOption('percentiles', v)}
          />
          {select(
            'colorScale',
            'Colour scale',
            [
              ['exponential', 'Exponential'],
              ['linear', 'Linear'],
              ['log', 'Logarithmic'],
            ],
            'exponential',
          )}
        </>
      );
    case 'text':
      return (
        <>
          {select(
            'mode',
            'Mode',
            [
              ['markdown', 'Markdown'],
              ['html', 'HTML'],
            ],
            'markdown',
          )}
          <label>
            Content
            <textarea
              className="mono"
              rows={8}
              data-testid="option-content"
              value={str(o.content, '')}
              onChange={(e) => setOption('content', e.target.value)}
            />
          </label>
        </>
      );
    default:
      return null;
  }
}

/** "50, 90, 99" ⇄ [0.5, 0.9, 0.99]; the text is kept while typing. */
function PercentilesInput(props: { value: unknown[]; onChange(v: number[]): void }) {
  const shown = props.value
    .filter((q): q is number => typeof q === 'number')
    .map((q) => +(q * 100).toFixed(4))
    .join(', ');
  const [text, setText] = useState(shown);
  const valid = (t: string) =>
    t
      .split(/[\s,]+/)
      .filter(Boolean)
      .every((x) => Number.isFinite(Number(x)) && Number(x) >= 0 && Number(x) <= 100);
  return (
    <label>
      Percentile lines (0–100)
      <input
        data-testid="option-percentiles"
        value={text}
        aria-invalid={!valid(text)}
        placeholder="50, 90, 99"
        onChange={(e) => {
          setText(e.target.value);
          if (!valid(e.target.value)) return;
          props.onChange(
            e.target.value
              .split(/[\s,]+/)
              .filter(Boolean)
              .map((x) => Number(x) / 100),
          );
        }}
      />
    </label>
  );
}

/** Threshold steps: a base colour (from −∞) and any number of value → colour steps. */
function ThresholdsEditor(props: {
  value: Thresholds | undefined;
  onChange(t: Thresholds | undefined): void;
}) {
  const t = props.value;
  const steps = t?.steps ?? [];
  const setSteps = (s: Thresholds['steps']) =>
    props.onChange({ mode: t?.mode ?? 'absolute', steps: s });
  return (
    <fieldset className="thresholds" data-testid="thresholds">
      <legend>Thresholds</legend>
      {!t ? (
        <button
          type="button"
          data-testid="threshold-enable"
          onClick={() =>
            props.onChange({
              mode: 'absolute',
              steps: [
                { value: null, color: 'green' },
                { value: 80, color: 'red' },
              ],
            })
          }
        >
          Add thresholds
        </button>
      ) : (
        <>
          <select
            aria-label="Threshold mode"
            value={t.mode}
            onChange={(e) =>
              props.onChange({
                ...t,
                mode: e.target.value === 'percentage' ? 'percentage' : 'absolute',
              })
            }
          >
            <option value="absolute">Absolute</option>
            <option value="percentage">Percentage</option>
          </select>
          {steps.map((s, i) => (
            <div className="row" key={i} data-testid="threshold-step">
              <input
                aria-label={`Threshold colour ${i + 1}`}
                value={s.color}
                size={8}
                onChange={(e) =>
                  setSteps(steps.map((x, j) => (j === i ? { ...x, color: e.target.value } : x)))
                }
              />
              {s.value === null ? (
                <span className="muted">Base</span>
              ) : (
                <input
                  type="number"
                  aria-label={`Threshold value ${i + 1}`}
                  value={s.value}
                  onChange={(e) =>
                    setSteps(
                      steps.map((x, j) =>
                        j === i ? { ...x, value: Number(e.target.value) || 0 } : x,
                      ),
                    )
                  }
                />
              )}
              {s.value !== null && (
                <button
                  type="button"
                  className="icon"
                  aria-label={`Remove threshold ${i + 1}`}
                  onClick={() => setSteps(steps.filter((_x, j) => j !== i))}
                >
                  ✕
                </button>
              )}
            </div>
          ))}
          <div className="row">
            <button
              type="button"
              data-testid="threshold-add"
              onClick={() => {
                const last = steps.reduce(
                  (m, s) => (s.value !== null && s.value > m ? s.value : m),
                  0,
                );
                setSteps([...steps, { value: last + 10, color: 'orange' }]);
              }}
            >
              Add step
            </button>
            <button type="button" onClick={() => props.onChange(undefined)}>
              Remove all
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
