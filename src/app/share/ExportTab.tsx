import { grafanaFileName, grafanaJson, LOST_IN_GRAFANA } from '../../export/grafana';
import { dashboardJson, downloadDashboard, downloadText, fileNameFor } from '../exportFile';
import type { ShareContext } from './ShareDialog';
import { CopyButton } from './CopyButton';

/** The Export tab: Scry JSON and Grafana JSON, as a file or on the clipboard. */
export default function ExportTab(c: ShareContext) {
  const d = c.dashboard;
  return (
    <div className="share-export">
      <section>
        <h3>Scry JSON</h3>
        <p className="muted">
          The dashboard as on screen{c.dirty ? ', unsaved changes included' : ''}. Datasources are
          named, never their URLs or credentials. Import it with Dashboards → Import.
        </p>
        <div className="share-row">
          <button
            type="button"
            className="primary"
            onClick={() => downloadDashboard(d)}
            data-testid="export-dashboard"
          >
            Download JSON
          </button>
          <CopyButton text={dashboardJson(d)} testId="export-copy" label="Copy JSON" />
        </div>
      </section>
      <section>
        <h3>Export for Grafana</h3>
        <p className="muted">
          Grafana dashboard JSON (Dashboards → New → Import in Grafana). Each datasource becomes an
          input (<code>{'${DS_PROMETHEUS}'}</code>) that Grafana asks for when importing.
        </p>
        <div className="share-row">
          <button
            type="button"
            onClick={() => downloadText(grafanaFileName(fileNameFor(d)), grafanaJson(d))}
            data-testid="export-grafana"
          >
            Download Grafana JSON
          </button>
          <CopyButton text={grafanaJson(d)} testId="export-grafana-copy" label="Copy" />
        </div>
        <details className="muted">
          <summary>What does not come back when the Grafana file is imported into Scry</summary>
          <ul>
            {LOST_IN_GRAFANA.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  );
}
