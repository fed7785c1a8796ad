import type { Thresholds } from '../../model/dashboard';

/** Threshold steps: a base colour (from −∞) and any number of value → colour steps. */
export default function ThresholdsEditor(props: {
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
