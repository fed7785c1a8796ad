import { useMemo, useState } from 'react';
import {
  browserUrlLimit,
  iframeSnippet,
  linkVerdict,
  shareLink,
  viewParams,
} from '../../share/link';
import { downloadDashboard } from '../exportFile';
import type { ShareContext } from './ShareDialog';
import { useShareTarget } from './useShareTarget';
import { CopyButton } from './CopyButton';

const appBase = () => location.href.replace(/#.*$/, '');

/** The Link tab: a link to this view, its length and limits, and the `<iframe>` to embed it. */
export default function LinkTab(c: ShareContext) {
  const [lockRange, setLockRange] = useState(true);
  const [panelOnly, setPanelOnly] = useState(c.panelKey !== undefined);
  const [kiosk, setKiosk] = useState<'' | 'on' | 'full'>('');
  const { target, why } = useShareTarget(c.dashboard, c.origin, c.dirty);
  const view = {
    raw: c.time.raw,
    fromMs: c.time.fromMs,
    toMs: c.time.toMs,
    lockRange,
    timeZone: c.time.timeZone,
    params: c.params,
    viewPanel: panelOnly ? c.panelKey : undefined,
  };
  const link = target
    ? shareLink(appBase(), target, viewParams({ ...view, kiosk: kiosk || undefined }))
    : '';
  // an embed is the view without chrome: a panel alone, or the dashboard with its variables
  const embedLink = target
    ? shareLink(appBase(), target, viewParams({ ...view, kiosk: kiosk || 'on' }))
    : '';
  const limit = useMemo(() => browserUrlLimit(navigator.userAgent), []);
  const verdict = linkVerdict(link.length, limit);
  const panel = c.panelKey !== undefined;

  return (
    <div className="share-link">
      <div className="share-options">
        <label>
          <input
            type="checkbox"
            checked={lockRange}
            onChange={(e) => setLockRange(e.target.checked)}
            data-testid="share-lock-range"
          />
          Lock time range{' '}
          <span className="muted">
            (
            {lockRange
              ? 'the range on screen now'
              : `${c.time.raw.from} to ${c.time.raw.to}, moving with time`}
            )
          </span>
        </label>
        {panel && (
          <label>
            <input
              type="checkbox"
              checked={panelOnly}
              onChange={(e) => setPanelOnly(e.target.checked)}
              data-testid="share-panel-only"
            />
            This panel only
          </label>
        )}
        <label>
          Show{' '}
          <select
            value={kiosk}
            onChange={(e) => setKiosk(e.target.value as '' | 'on' | 'full')}
            data-testid="share-kiosk"
          >
            <option value="">top bar and toolbar</option>
            <option value="on">kiosk: variables only</option>
            <option value="full">kiosk: nothing but panels</option>
          </select>
        </label>
      </div>
      <p className="muted" data-testid="share-link-why">
        {target ? why : 'Preparing the link…'}
      </p>
      {verdict.level === 'refuse' ? (
        <div className="card error" role="alert" data-testid="share-link-refused">
          <p>{verdict.message}</p>
          <button type="button" onClick={() => downloadDashboard(c.dashboard)}>
            Download the dashboard file
          </button>
        </div>
      ) : (
        <>
          <div className="share-row">
            <input
              className="mono"
              readOnly
              aria-label="Link"
              value={link}
              data-testid="share-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={link} testId="share-copy" disabled={!target} />
          </div>
          <p
            className="muted share-length"
            data-testid="share-link-length"
            data-length={link.length}
          >
            {target ? `${link.length.toLocaleString('en-US')} characters` : ''}
          </p>
          {verdict.level === 'warn' && (
            <p className="warn" role="alert" data-testid="share-link-warning">
              {verdict.message}{' '}
              <button type="button" className="link" onClick={() => downloadDashboard(c.dashboard)}>
                Download the file
              </button>
            </p>
          )}
          <h3>Embed</h3>
          <p className="muted">
            {panelOnly && panel
              ? 'This panel alone, filling the frame.'
              : 'The dashboard without top bar and toolbar.'}{' '}
            The page hosting it needs no script.
          </p>
          <div className="share-row">
            <textarea
              className="mono"
              readOnly
              rows={3}
              aria-label="Embed HTML"
              value={target ? iframeSnippet(embedLink, 600, 300, c.dashboard.title) : ''}
              data-testid="share-embed"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton
              text={target ? iframeSnippet(embedLink, 600, 300, c.dashboard.title) : ''}
              testId="share-embed-copy"
              disabled={!target}
            />
          </div>
        </>
      )}
    </div>
  );
}
