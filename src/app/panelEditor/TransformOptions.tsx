import type { Panel, Transformation } from '../../model/dashboard';
import type { TransformProblem } from '../../transform/index';
import { transformationIssues, transformationSummary } from '../../transform/support';

/**
 * The panel's Grafana transformations (applied in order to the queries' named data): each one's
 * id and what it does, what Scry cannot do of it, why it did not apply to the preview's data
 * (`problems`), and switches to disable or remove it. Shown only when the panel has any.
 */
export default function TransformOptions({
  panel: p,
  problems,
  onChange,
}: {
  panel: Pick<Panel, 'transformations'>;
  problems: readonly TransformProblem[];
  onChange(transformations: Transformation[] | undefined): void;
}) {
  const list = p.transformations ?? [];
  if (!list.length) return null;
  const set = (i: number, t: Transformation | undefined) => {
    const next = list.flatMap((x, j) => (j !== i ? [x] : t ? [t] : []));
    onChange(next.length ? next : undefined);
  };
  return (
    <fieldset data-testid="transform-options">
      <legend>Transformations</legend>
      <p className="muted" style={{ margin: 0, fontSize: 12 }}>
        Grafana&apos;s transformations, applied in order to the queries&apos; data.
      </p>
      {list.map((t, i) => {
        const off = t.disabled === true;
        const messages = off
          ? []
          : [
              ...transformationIssues(t),
              ...problems.filter((x) => x.index === i).map((x) => x.message),
            ];
        return (
          <div
            key={i}
            className="transform-item"
            data-testid="transformation"
            data-id={t.id}
            data-disabled={off || undefined}
          >
            <label className="check" title={off ? 'Disabled: skipped' : 'Enabled'}>
              <input
                type="checkbox"
                aria-label={`Enable transformation ${i + 1} (${t.id})`}
                checked={!off}
                onChange={(e) => {
                  const { disabled: _was, ...rest } = t;
                  set(i, e.target.checked ? rest : { ...rest, disabled: true });
                }}
              />
              <span className={off ? 'muted' : undefined} data-testid="transformation-summary">
                {i + 1}. {transformationSummary(t)}
              </span>
            </label>
            {messages.map((m) => (
              <span key={m} className="error" role="alert" data-testid="transformation-problem">
                {m}
              </span>
            ))}
            <button
              type="button"
              className="danger"
              aria-label={`Remove transformation ${i + 1} (${t.id})`}
              onClick={() => set(i, undefined)}
            >
              Remove
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
