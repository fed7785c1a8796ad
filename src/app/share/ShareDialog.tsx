import SnapshotTab from './SnapshotTab';
import { useState, type ReactNode } from 'react';
import type { Dashboard } from '../../model/dashboard';
import type { TimeRange } from '../time/useTimeRange';
import { useShortcuts } from '../shortcuts/useShortcuts';
import ExportTab from './ExportTab';
import LinkTab from './LinkTab';
import './share.css';

/** What every tab of the share dialog is given. */
export interface ShareContext {
  /** the dashboard as on screen (the working copy) */
  dashboard: Dashboard;
  /** set when shared from a panel's menu */
  panelId?: number | undefined;
  /** the panel's grid key (`id`, or `id~value` for a repeat copy) for `viewPanel` */
  panelKey?: string | undefined;
  time: TimeRange;
  /** the page's URL parameters (`var-*` picks, refresh) */
  params: URLSearchParams;
  /** 'stored': a dashboard of this browser or config.json; 'link': opened from a share link */
  origin: 'stored' | 'link';
  /** the working copy has unsaved changes */
  dirty: boolean;
}

export interface ShareTab {
  id: string;
  label: string;
  render(ctx: ShareContext): ReactNode;
}

// The dialog's tabs, in order. A tab is a component given the ShareContext.
const TABS: ShareTab[] = [
  { id: 'link', label: 'Link', render: (c) => <LinkTab {...c} /> },
  { id: 'snapshot', label: 'Snapshot', render: (c) => <SnapshotTab {...c} /> },
  { id: 'export', label: 'Export', render: (c) => <ExportTab {...c} /> },
];

/** Share: a link to this view (or carrying the dashboard), files to export, embedding. */
export default function ShareDialog(props: ShareContext & { onClose(): void }) {
  const { onClose, ...ctx } = props;
  const [tab, setTab] = useState(TABS[0]!.id);
  useShortcuts({ escape: onClose });
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]!;
  const panel =
    ctx.panelId !== undefined ? ctx.dashboard.panels.find((p) => p.id === ctx.panelId) : undefined;
  return (
    <div className="share-backdrop" onMouseDown={onClose}>
      <div
        className="share-dialog"
        role="dialog"
        aria-label="Share"
        data-testid="share-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // the shortcut layer skips text fields; the link's field is one
          if (e.key === 'Escape') onClose();
        }}
      >
        <div className="share-head">
          <h2>
            Share {panel ? `panel “${panel.title || 'untitled'}”` : `“${ctx.dashboard.title}”`}
          </h2>
          <button type="button" className="icon" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        <div className="share-tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={t.id === current.id}
              data-testid={`share-tab-${t.id}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="share-body" role="tabpanel" aria-label={current.label}>
          {current.render(ctx)}
        </div>
      </div>
    </div>
  );
}
