// The form that adds or edits one datasource, with its own Test.
import { useState } from 'react';
import { FLAVOUR_INFO, FLAVOURS, flavourOf, type Flavour } from '../../prometheus/flavour';
import type { Datasource, DatasourceDraft } from '../../state/datasources';
import { validateDraft } from './draft';
import TestResult from './TestResult';
import { testDatasource, type TestState } from './testDatasource';

export default function DatasourceForm(props: {
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
          exemplarLink: d.exemplarLink?.trim() || undefined,
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
      <label>
        Exemplar link
        <input
          value={d.exemplarLink ?? ''}
          onChange={(e) => set({ exemplarLink: e.target.value })}
          placeholder="https://tracing.example/trace/${trace_id}"
          data-testid="datasource-exemplar-link"
          title="Makes an exemplar's trace id a link: ${label} is the exemplar's label of that name, percent-encoded"
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
