// What a datasource test found: the server, its features, or why it failed.
import { FEATURE_LABEL, FLAVOUR_INFO, type Flavour } from '../../prometheus/flavour';
import type { TestState } from './testDatasource';

export default function TestResult(props: {
  state: TestState;
  /** the datasource's flavour: a different detection is offered as a change */
  current: Flavour;
  onUseFlavour?: ((f: Flavour) => void) | undefined;
}) {
  const { state } = props;
  if (state.status === 'idle') return null;
  if (state.status === 'running') return <div className="test-result muted">Testing…</div>;
  if (state.status === 'error')
    return (
      <div className="test-result error" data-testid="datasource-test-result" role="status">
        {state.text}
      </div>
    );
  const other = state.flavour !== props.current;
  return (
    <div
      className="test-result ok"
      data-testid="datasource-test-result"
      data-flavour={state.flavour}
      role="status"
    >
      <div data-testid="datasource-test-summary">{state.text}</div>
      <ul className="test-features" data-testid="datasource-test-features">
        <li data-state="ok">✓ queries, labels, series</li>
        {state.features.map((f) => (
          <li
            key={f.feature}
            data-testid="datasource-test-feature"
            data-feature={f.feature}
            data-state={f.state}
            className={f.state}
          >
            {f.state === 'ok' ? '✓' : f.state === 'failed' ? '✗' : '–'} {FEATURE_LABEL[f.feature]}
            {f.state === 'not-offered' && ': not offered by this server'}
            {f.state === 'failed' && `: ${f.detail ?? 'failed'}`}
          </li>
        ))}
      </ul>
      <div className="muted">Told by {state.evidence}.</div>
      {other && (
        <div data-testid="datasource-flavour-mismatch">
          Detected {FLAVOUR_INFO[state.flavour].label}; set to {FLAVOUR_INFO[props.current].label}.{' '}
          {props.onUseFlavour && (
            <button type="button" onClick={() => props.onUseFlavour?.(state.flavour)}>
              Use {FLAVOUR_INFO[state.flavour].label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
