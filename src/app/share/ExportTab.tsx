import { dashboardJson, downloadDashboard } from '../exportFile';
import type { ShareContext } from './ShareDialog';
import { CopyButton } from './CopyButton';

/** The Export tab: the dashboard's JSON as a file or on the clipboard. */
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
    </div>
  );
}
