import { useState } from 'react';
import { FLAVOUR_INFO, flavourOf, type Flavour } from '../../prometheus/flavour';
import {
  allDatasources,
  useDatasources,
  type Datasource,
  type DatasourceDraft,
} from '../../state/datasources';
import DatasourceForm from '../datasources/DatasourceForm';
import { emptyDraft } from '../datasources/draft';
import TestResult from '../datasources/TestResult';
import { testDatasource, type TestState } from '../datasources/testDatasource';

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
