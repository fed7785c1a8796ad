import { useEffect, useRef, useState } from 'react';
import type { Panel } from '../model/dashboard';
import PanelShell, { type PanelActions } from './PanelShell';
import type { PanelContext } from './types';

/**
 * One panel filling the window below the dashboard toolbar (Grafana's "View", `viewPanel=<id>`).
 * Escape or the back button return to the grid; Escape is left to an open dialog (panel editor,
 * inspector) first.
 */
export default function PanelView(props: {
  panel: Panel;
  ctx: PanelContext;
  actions?: PanelActions;
  onClose(): void;
}) {
  const { onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [heightPx, setHeightPx] = useState(400);

  useEffect(() => {
    const fit = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeightPx(Math.max(200, Math.floor(window.innerHeight - top - 8)));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div
      ref={ref}
      className="panel-view"
      data-testid="panel-view"
      data-panel-id={props.panel.id}
      style={{ height: heightPx, padding: '0 8px 8px', display: 'flex', flexDirection: 'column' }}
    >
      <div style={{ padding: '4px 0' }}>
        <button type="button" onClick={onClose} data-testid="panel-view-close">
          ← Back to dashboard
        </button>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <PanelShell panel={props.panel} ctx={props.ctx} actions={props.actions} />
      </div>
    </div>
  );
}
