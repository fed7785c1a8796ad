import { useEffect, useMemo, useState } from 'react';
import type { Panel, Target } from '../model/dashboard';
import PanelShell from '../panels/PanelShell';
import { panelRegistry } from '../panels/registry';
import { allDatasources, useDatasources } from '../state/datasources';
import { unitOptions } from '../units/format';
import { useQueryEnv } from '../query/env';
import type { PanelContext } from '../panels/types';

export interface PanelEditorProps {
  panel: Panel;
  onApply(p: Panel): void;
  onDiscard(): void;
}

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function nextRefId(targets: readonly Pick<Target, 'refId'>[]): string {
  const used = new Set(targets.map((t) => t.refId));
  for (const c of REF_IDS) if (!used.has(c)) return c;
  let n = targets.length;
  while (used.has(`Q${n}`)) n++;
  return `Q${n}`;
}

/** Live preview on top, queries below, options on the side. Apply keeps; Discard drops all. */
export default function PanelEditor(props: PanelEditorProps) {
  const [p, setP] = useState<Panel>(props.panel);
  const env = useQueryEnv();
  const own = useDatasources((st) => st.own);
  const provisioned = useDatasources((st) => st.provisioned);
  const datasources = useMemo(() => allDatasources({ own, provisioned }), [own, provisioned]);
  const changed = JSON.stringify(p) !== JSON.stringify(props.panel);
  const set = (patch: Partial<Panel>) => setP((cur) => ({ ...cur, ...patch }));
  const setField = (patch: Partial<Panel['fieldConfig']>) =>
    setP((cur) => ({ ...cur, fieldConfig: { ...cur.fieldConfig, ...patch } }));
  const setTarget = (i: number, patch: Partial<Target>) =>
    setP((cur) => ({
      ...cur,
      targets: cur.targets.map((t, j) => (j === i ? { ...t, ...patch } : t)),
    }));

  // The preview runs the query text as of the last Run (Ctrl+Enter, blur); options apply at once.
  const [ranExprs, setRanExprs] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.panel.targets.map((t) => [t.refId, t.expr])),
  );
  const preview = useMemo<Panel>(
    () => ({ ...p, targets: p.targets.map((t) => ({ ...t, expr: ranExprs[t.refId] ?? '' })) }),
    [p, ranExprs],
  );
  const run = () => setRanExprs(Object.fromEntries(p.targets.map((t) => [t.refId, t.expr])));

  const discard = () => {
    if (!changed || confirm('Discard the changes to this panel?')) props.onDiscard();
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') discard();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const { fromMs, toMs, timeZone } = env;
  const ctx: PanelContext = useMemo(() => ({ fromMs, toMs, timeZone }), [fromMs, toMs, timeZone]);

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
            <button
              type="button"
              onClick={() =>
                set({
                  targets: [
                    ...p.targets,
                    {
                      refId: nextRefId(p.targets),
                      expr: '',
                      legendFormat: '',
                      interval: '',
                      instant: false,
                      hide: false,
                    },
                  ],
                })
              }
            >
              Add query
            </button>
          </div>
        </div>
        {p.targets.map((t, i) => (
          <div className="target" key={i} data-testid="target">
            <div className="row">
              <strong>{t.refId}</strong>
              <label className="check row">
                <input
                  type="checkbox"
                  checked={t.hide}
                  onChange={(e) => setTarget(i, { hide: e.target.checked })}
                />{' '}
                hide
              </label>
              <label className="check row">
                <input
                  type="checkbox"
                  checked={t.instant}
                  onChange={(e) => setTarget(i, { instant: e.target.checked })}
                />{' '}
                instant
              </label>
              {p.targets.length > 1 && (
                <button
                  type="button"
                  className="danger"
                  onClick={() => set({ targets: p.targets.filter((_x, j) => j !== i) })}
                >
                  Remove
                </button>
              )}
            </div>
            <textarea
              className="mono"
              data-testid="query-expr"
              aria-label={`PromQL expression ${t.refId}`}
              rows={Math.min(10, Math.max(2, t.expr.split('\n').length))}
              value={t.expr}
              placeholder="sum by (job) (rate(http_requests_total[$__rate_interval]))"
              onChange={(e) => setTarget(i, { expr: e.target.value })}
              onBlur={run}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  run();
                }
              }}
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
            value={p.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </label>
        <label>
          Visualization
          <select value={p.type} onChange={(e) => set({ type: e.target.value })}>
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
            min={0}
            max={20}
            value={p.fieldConfig.decimals ?? ''}
            placeholder="auto"
            onChange={(e) =>
              setField({
                decimals:
                  e.target.value === ''
                    ? undefined
                    : Math.max(0, Math.min(20, Number(e.target.value))),
              })
            }
          />
        </label>
        <div className="row">
          <label>
            Min
            <input
              type="number"
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
              value={p.fieldConfig.max ?? ''}
              placeholder="auto"
              onChange={(e) =>
                setField({ max: e.target.value === '' ? undefined : Number(e.target.value) })
              }
            />
          </label>
        </div>
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
      </div>
    </div>
  );
}
