import { useState } from 'react';
import {
  FEATURE_LABEL,
  FLAVOUR_INFO,
  FLAVOURS,
  flavourOf,
  flavourParams,
  type Flavour,
} from '../../prometheus/flavour';
import { detectServer, type FeatureCheck } from '../../prometheus/flavourDetect';
import {
  allDatasources,
  headerRecord,
  useDatasources,
  type Datasource,
  type DatasourceDraft,
} from '../../state/datasources';

const emptyDraft: DatasourceDraft = {
  name: '',
  url: 'http://127.0.0.1:9090',
  scrapeInterval: '15s',
  headers: [],
  maxConcurrent: 6,
};

type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | {
      status: 'ok';
      text: string;
      flavour: Flavour;
      evidence: string;
      features: FeatureCheck[];
    }
  | { status: 'error'; text: string };

const FAILURE_LABEL: Record<string, string> = {
  unreachable: 'Unreachable',
  cors: 'Blocked by CORS',
  'header-cors': 'Header refused by CORS',
  http: 'HTTP error',
  prometheus: 'Prometheus error',
  'not-prometheus': 'Not a Prometheus API',
  timeout: 'Timed out',
};

/**
 * Connects as the datasource would: which server it is (flavour, version when it says), what of
 * the API works, or the exact reason it failed (naming a custom header the server's CORS policy
 * refuses).
 */
export async function testDatasource(
  d: Pick<
    Datasource,
    'url' | 'headers' | 'orgId' | 'authorization' | 'flavour' | 'partialResponse' | 'dedup'
  >,
): Promise<TestState> {
  const r = await detectServer({
    url: d.url,
    headers: headerRecord(d),
    timeoutMs: 10_000,
    params: flavourParams(flavourOf(d), d),
  });
  if (!r.ok) return { status: 'error', text: `${FAILURE_LABEL[r.kind] ?? 'Failed'}: ${r.message}` };
  return {
    status: 'ok',
    text: r.summary,
    flavour: r.flavour,
    evidence: r.evidence,
    features: r.features,
  };
}

export function validateDraft(d: DatasourceDraft, others: Datasource[]): string | null {
  if (!d.name.trim()) return 'Name: required';
  if (others.some((o) => o.name === d.name.trim()))
    return `Name: "${d.name.trim()}" is already used`;
  try {
    const u = new URL(d.url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return 'URL: must start with http:// or https://';
  } catch {
    return 'URL: not a valid absolute URL (e.g. http://127.0.0.1:9090)';
  }
  if (!/^\d+(ms|s|m|h)$/.test(d.scrapeInterval.trim()))
    return 'Scrape interval: a duration like 15s or 1m';
  if (d.timeout !== undefined && d.timeout.trim() && !/^\d+(ms|s|m|h)$/.test(d.timeout.trim()))
    return 'Query timeout: a duration like 60s or 2m';
  return null;
}

export default function DatasourcesPage() {
  const store = useDatasources();
  const list = allDatasources(store);
  const [editing, setEditing] = useState<{ id: string | null; draft: DatasourceDraft } | null>(
    list.length === 0 ? { id: null, draft: { ...emptyDraft, name: 'prometheus' } } : null,
  );

  return (
    <div className="page">
      <div className="page-head">
        <h1>Datasources</h1>
        <button
          type="button"
          className="primary"
          onClick={() =>
            setEditing({
              id: null,
              draft: { ...emptyDraft, name: list.length ? '' : 'prometheus' },
            })
          }
        >
          Add datasource
        </button>
      </div>
      <p className="hint">
        Scry talks to Prometheus straight from this browser. URLs, headers and credentials stay in
        this browser only and are never written into exported dashboards.
      </p>
      {editing && (
        <DatasourceForm
          key={editing.id ?? 'new'}
          initial={editing.draft}
          others={list.filter((d) => d.id !== editing.id)}
          onCancel={() => setEditing(null)}
          onSave={(draft) => {
            if (editing.id) store.update(editing.id, draft);
            else store.add(draft);
            setEditing(null);
          }}
        />
      )}
      <table className="list" data-testid="datasource-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>URL</th>
            <th>Server</th>
            <th>Scrape interval</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((d) => (
            <DatasourceRow
              key={d.id}
              d={d}
              onEdit={() => setEditing({ id: d.id, draft: { ...d } })}
              onRemove={() => {
                if (
                  confirm(
                    `Delete datasource "${d.name}"? Dashboards that use it will show an error until you add one with the same name.`,
                  )
                )
                  store.remove(d.id);
              }}
              onDefault={() => store.setDefault(d.id)}
              onFlavour={(flavour) => store.update(d.id, { flavour })}
            />
          ))}
          {list.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No datasource yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function DatasourceRow(props: {
  d: Datasource;
  onEdit(): void;
  onRemove(): void;
  onDefault(): void;
  onFlavour(f: Flavour): void;
}) {
  const { d } = props;
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  return (
    <tr data-testid="datasource-row" data-name={d.name}>
      <td>
        {d.name} {d.isDefault && <span className="badge">default</span>}
        {d.provisioned && <span className="badge muted">provisioned</span>}
      </td>
      <td className="mono">{d.url}</td>
      <td data-testid="datasource-flavour">{FLAVOUR_INFO[flavourOf(d)].label}</td>
      <td>{d.scrapeInterval}</td>
      <td className="actions">
        <button
          type="button"
          onClick={async () => {
            setTest({ status: 'running' });
            setTest(await testDatasource(d));
          }}
        >
          Test
        </button>
        {!d.isDefault && (
          <button type="button" onClick={props.onDefault}>
            Make default
          </button>
        )}
        {!d.provisioned && (
          <>
            <button type="button" onClick={props.onEdit}>
              Edit
            </button>
            <button type="button" className="danger" onClick={props.onRemove}>
              Delete
            </button>
          </>
        )}
        <TestResult
          state={test}
          current={flavourOf(d)}
          onUseFlavour={d.provisioned ? undefined : (f) => props.onFlavour(f)}
        />
      </td>
    </tr>
  );
}

function TestResult(props: {
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

function DatasourceForm(props: {
  initial: DatasourceDraft;
  others: Datasource[];
  onSave(d: DatasourceDraft): void;
  onCancel(): void;
}) {
  const [d, setD] = useState<DatasourceDraft>(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const set = (patch: Partial<DatasourceDraft>) => setD((cur) => ({ ...cur, ...patch }));

  return (
    <form
      className="card form"
      aria-label="Datasource"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = {
          ...d,
          name: d.name.trim(),
          url: d.url.trim(),
          scrapeInterval: d.scrapeInterval.trim(),
          timeout: d.timeout?.trim() || undefined,
        };
        const err = validateDraft(trimmed, props.others);
        setError(err);
        if (!err) props.onSave(trimmed);
      }}
    >
      <label>
        Name
        <input
          value={d.name}
          onChange={(e) => set({ name: e.target.value })}
          placeholder="prometheus"
          required
        />
      </label>
      <label>
        URL
        <input
          value={d.url}
          onChange={(e) => set({ url: e.target.value })}
          placeholder="http://127.0.0.1:9090"
          required
        />
      </label>
      <label>
        Scrape interval
        <input
          value={d.scrapeInterval}
          onChange={(e) => set({ scrapeInterval: e.target.value })}
          placeholder="15s"
        />
      </label>
      <label>
        Query timeout
        <input
          value={d.timeout ?? ''}
          onChange={(e) => set({ timeout: e.target.value })}
          placeholder="60s"
          title="Scry gives up after this long, and sends it to Prometheus as its timeout parameter"
        />
      </label>
      <label>
        Max concurrent requests
        <input
          type="number"
          min={1}
          max={64}
          value={d.maxConcurrent}
          onChange={(e) =>
            set({ maxConcurrent: Math.max(1, Math.min(64, Number(e.target.value) || 6)) })
          }
        />
      </label>
      <label>
        Server
        <select
          value={flavourOf(d)}
          onChange={(e) => set({ flavour: e.target.value as Flavour })}
          data-testid="datasource-flavour-select"
        >
          {FLAVOURS.map((f) => (
            <option key={f} value={f}>
              {FLAVOUR_INFO[f].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tenant (X-Scope-OrgID)
        <input
          value={d.orgId ?? ''}
          onChange={(e) => set({ orgId: e.target.value })}
          placeholder="Mimir/Cortex tenant, optional"
          autoComplete="off"
        />
      </label>
      <label>
        Authorization
        <input
          type="password"
          autoComplete="off"
          value={d.authorization ?? ''}
          onChange={(e) => set({ authorization: e.target.value })}
          placeholder="Bearer … or Basic …, optional"
        />
      </label>
      {FLAVOUR_INFO[flavourOf(d)].thanosParams && (
        <fieldset>
          <legend>Thanos</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={d.partialResponse ?? false}
              onChange={(e) => set({ partialResponse: e.target.checked })}
            />
            Partial response (answer from the stores that replied, with a warning)
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={d.dedup ?? true}
              onChange={(e) => set({ dedup: e.target.checked })}
            />
            Deduplicate replicas
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>Custom HTTP headers</legend>
        {d.headers.map((h, i) => (
          <div className="row" key={i}>
            <input
              aria-label="Header name"
              placeholder="Authorization"
              value={h.name}
              onChange={(e) =>
                set({
                  headers: d.headers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                })
              }
            />
            <input
              aria-label="Header value"
              placeholder="Bearer …"
              type="password"
              autoComplete="off"
              value={h.value}
              onChange={(e) =>
                set({
                  headers: d.headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)),
                })
              }
            />
            <button
              type="button"
              onClick={() => set({ headers: d.headers.filter((_x, j) => j !== i) })}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set({ headers: [...d.headers, { name: '', value: '' }] })}
        >
          Add header
        </button>
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={!!d.isDefault}
          onChange={(e) => set({ isDefault: e.target.checked })}
        />
        Default datasource
      </label>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Save
        </button>
        <button
          type="button"
          onClick={async () => {
            setTest({ status: 'running' });
            const r = await testDatasource(d);
            // detected on Test, editable below
            if (r.status === 'ok') set({ flavour: r.flavour });
            setTest(r);
          }}
        >
          Test
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      <TestResult state={test} current={flavourOf(d)} />
    </form>
  );
}
