import { useState } from 'react';
import type { Panel } from '../../model/dashboard';
import { bottomOf, nextPanelId } from '../../model/rows';
import { useDashboards } from '../../state/dashboards';
import { newDashboard } from '../newDashboard';
import { navigate } from '../router';

/** Adds the query as a panel to a saved dashboard (or a new one) and opens it. */
export default function AddToDashboard({ panel, disabled }: { panel: Panel; disabled: boolean }) {
  const saved = useDashboards((s) => s.saved);
  const save = useDashboards((s) => s.save);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('__new');
  const list = Object.values(saved)
    .map((s) => s.dashboard)
    .sort((a, b) => a.title.localeCompare(b.title));
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const cur = target === '__new' ? undefined : saved[target];
    const base = cur ? cur.dashboard : newDashboard('New dashboard');
    // rows' folded children count too: a reused id would clash when the row is expanded
    const id = nextPanelId(base.panels);
    const y = bottomOf(base.panels);
    const title = panel.targets[0]?.expr.slice(0, 60) ?? 'Explore';
    const r = await save(
      {
        ...base,
        panels: [...base.panels, { ...panel, id, title, gridPos: { x: 0, y, w: 12, h: 8 } }],
      },
      { expected: cur?.revision ?? 0 },
    );
    if (r.status === 'saved') navigate(`/d/${base.uid}`);
    else
      setError(
        r.status === 'error'
          ? r.error
          : 'Not added: the dashboard was changed in another tab; try again',
      );
  };
  if (!open)
    return (
      <button
        type="button"
        disabled={disabled}
        data-testid="explore-add-to-dashboard"
        onClick={() => setOpen(true)}
      >
        Add to dashboard
      </button>
    );
  return (
    <span className="row" data-testid="add-to-dashboard-form">
      <select
        aria-label="Dashboard"
        data-testid="add-to-dashboard-target"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
      >
        <option value="__new">New dashboard</option>
        {list.map((d) => (
          <option key={d.uid} value={d.uid}>
            {d.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        data-testid="add-to-dashboard-confirm"
        onClick={() => void add()}
      >
        Add
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </span>
  );
}
