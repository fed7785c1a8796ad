import { useState } from 'react';
import { PrometheusClient } from '../../prometheus/client';
import { PromError } from '../../prometheus/errors';
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
  | { status: 'ok'; text: string }
  | { status: 'error'; text: string };

/** Asks the server for its build info: the version, or the exact reason it failed. */
export async function testDatasource(d: Pick<Datasource, 'url' | 'headers'>): Promise<TestState> {
  const client = new PrometheusClient({ url: d.url, headers: headerRecord(d), timeoutMs: 10_000 });
  try {
    const info = await client.buildInfo();
    return {
      status: 'ok',
      text: `Connected: Prometheus ${info.data.version}${info.data.revision && /^[0-9a-f]{7,}$/.test(info.data.revision) ? ` (${info.data.revision.slice(0, 8)})` : ''}`,
    };
  } catch (e) {
    const kind = e instanceof PromError ? e.kind : 'error';
    const label: Record<string, string> = {
      unreachable: 'Unreachable',
      cors: 'Blocked by CORS',
      http: 'HTTP error',
      prometheus: 'Prometheus error',
      'not-prometheus': 'Not a Prometheus API',
      timeout: 'Timed out',
    };
    return {
      status: 'error',
      text: `${label[kind] ?? 'Failed'}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
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
            />
          ))}
          {list.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
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
        <TestResult state={test} />
      </td>
    </tr>
  );
}

function TestResult({ state }: { state: TestState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') return <div className="test-result muted">Testing…</div>;
  return (
    <div
      className={`test-result ${state.status}`}
      data-testid="datasource-test-result"
      role="status"
    >
      {state.text}
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
            setTest(await testDatasource(d));
          }}
        >
          Test
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      <TestResult state={test} />
    </form>
  );
}
