import { useState } from 'react';
import type { SaveFlow } from './useSaveFlow';

/** The failed-save and conflict banners above a dashboard. */
export function SaveBanner({ flow }: { flow: SaveFlow }) {
  const { conflict, error } = flow;
  return (
    <>
      {error && (
        <div className="banner error" role="alert" data-testid="save-error">
          <strong>Not saved.</strong> {error} Your changes are still here.{' '}
          <button type="button" onClick={flow.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {conflict && (
        <div className="banner warn conflict" role="alert" data-testid="save-conflict">
          {conflict.kind === 'changed' ? (
            <span>
              This dashboard was saved in another tab (
              {new Date(conflict.theirs.savedAt).toLocaleTimeString()}) while you were editing it
              here.
            </span>
          ) : (
            <span>This dashboard was deleted in another tab while you were editing it here.</span>
          )}
          <span className="row">
            {conflict.kind === 'changed' && (
              <button type="button" onClick={flow.reloadTheirs} data-testid="conflict-theirs">
                Reload theirs
              </button>
            )}
            <button
              type="button"
              onClick={() => void flow.overwriteWithMine()}
              disabled={flow.saving}
              data-testid="conflict-mine"
            >
              {conflict.kind === 'changed' ? 'Overwrite with mine' : 'Save mine again'}
            </button>
            <button
              type="button"
              onClick={() => void flow.saveMineAsCopy()}
              disabled={flow.saving}
              data-testid="conflict-copy"
            >
              Save mine as a copy
            </button>
          </span>
        </div>
      )}
    </>
  );
}

/** Save (with an optional history note), Discard, and the History button, for the toolbar. */
export function SaveControls({ flow, onHistory }: { flow: SaveFlow; onHistory?: () => void }) {
  const [message, setMessage] = useState('');
  const { dirty, readOnly, saving, isNew } = flow;
  return (
    <>
      {dirty && !readOnly && (
        <input
          className="save-message"
          aria-label="Change note (optional)"
          placeholder="Change note (optional)"
          data-testid="save-message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      )}
      {(dirty || flow.pending || readOnly) && (
        <button
          type="button"
          className="primary"
          disabled={saving || !!flow.conflict}
          onClick={() => void flow.save(message).then((ok) => ok && setMessage(''))}
          data-testid="save-dashboard"
        >
          {saving ? 'Saving…' : readOnly ? 'Save as copy' : 'Save'}
        </button>
      )}
      {dirty && !readOnly && !isNew && (
        <button
          type="button"
          onClick={() => {
            if (confirm('Discard all unsaved changes?')) flow.discard();
          }}
        >
          Discard
        </button>
      )}
      {flow.stored && !readOnly && onHistory && (
        <button type="button" onClick={onHistory} data-testid="history-button">
          History
        </button>
      )}
    </>
  );
}
