import type { ComponentProps, ReactNode } from 'react';
import LazyPromQLEditor from '../../editor/LazyPromQLEditor';
import type { Target } from '../../model/dashboard';
import { emptyTarget, nextRefId } from './edit';
import type { ExemplarToggle } from './exemplarToggle';

/** Grafana's Resolution choices (1/N). */
const RESOLUTIONS = [1, 2, 3, 4, 5, 10];

/** The editor's query rows: PromQL, legend, min step, instant, hide; add, remove, run, inspect. */
export default function QueryList({
  targets,
  queries,
  client,
  variables,
  run,
  onInspect,
  update,
  notice,
  exemplars,
}: {
  targets: readonly Target[];
  /** false for panel types that run no queries (the rows stay editable) */
  queries: boolean;
  client: ComponentProps<typeof LazyPromQLEditor>['client'];
  variables: readonly string[];
  /** runs the current query text in the preview */
  run(): void;
  onInspect(): void;
  /** applies a change to the latest targets */
  update(change: (targets: Target[]) => Target[]): void;
  /** shown under the buttons (the costly-query question) */
  notice?: ReactNode;
  /** whether a query's "exemplars" toggle can be used, and why not */
  exemplars?: (t: Target) => ExemplarToggle;
}) {
  const setTarget = (i: number, patch: Partial<Target>) =>
    update((cur) => cur.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <div className="queries">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <strong>Queries</strong>
        <div className="row">
          <button type="button" onClick={run} data-testid="run-queries">
            Run queries
          </button>
          <button type="button" onClick={onInspect} data-testid="open-inspect">
            Query inspector
          </button>
          <button
            type="button"
            data-testid="add-query"
            onClick={() => update((cur) => [...cur, emptyTarget(nextRefId(cur))])}
          >
            Add query
          </button>
        </div>
      </div>
      {notice}
      {!queries && (
        <p className="muted">This panel type runs no queries; its options are on the right.</p>
      )}
      {targets.map((t, i) => (
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
            {exemplars && (
              <ExemplarCheck
                state={exemplars(t)}
                target={t}
                set={(exemplar) => setTarget(i, { exemplar: exemplar || undefined })}
              />
            )}
            {targets.length > 1 && (
              <button
                type="button"
                className="danger"
                data-testid="remove-query"
                onClick={() => update((cur) => cur.filter((_x, j) => j !== i))}
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
            client={client}
            variables={variables}
            placeholder="sum by (job) (rate(http_requests_total[$__rate_interval]))"
          />
          <div className="row">
            <label title="{{label}} shows a label's value; empty: the full series name; __auto (Grafana's Auto): only the labels that differ between the series">
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
            <label title="Grafana's Resolution: the calculated step × N (a Min step is used as it is)">
              Resolution
              <select
                data-testid="query-resolution"
                value={t.intervalFactor ?? 1}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  setTarget(i, { intervalFactor: n > 1 ? n : undefined });
                }}
              >
                {RESOLUTIONS.map((n) => (
                  <option key={n} value={n}>
                    1/{n}
                  </option>
                ))}
                {t.intervalFactor !== undefined && !RESOLUTIONS.includes(t.intervalFactor) && (
                  <option value={t.intervalFactor}>1/{t.intervalFactor}</option>
                )}
              </select>
            </label>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The "exemplars" toggle: off with its reason when it cannot apply (a saved choice is kept). */
function ExemplarCheck(props: { state: ExemplarToggle; target: Target; set(on: boolean): void }) {
  const { state, target } = props;
  return (
    <>
      <label
        className="check row"
        title={
          state.enabled
            ? 'Also fetch the exemplars of these series (dots with their trace ids)'
            : state.reason
        }
      >
        <input
          type="checkbox"
          data-testid="query-exemplar"
          checked={target.exemplar === true}
          disabled={!state.enabled}
          onChange={(e) => props.set(e.target.checked)}
        />{' '}
        exemplars
      </label>
      {!state.enabled && (target.exemplar === true || !state.quiet) && (
        <span className="muted" data-testid="query-exemplar-note">
          {state.reason}
        </span>
      )}
    </>
  );
}
