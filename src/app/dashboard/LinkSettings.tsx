import type { Dashboard, DashboardLink } from '../../model/dashboard';
import { moveItem } from '../variables/edit';
import { linkUrlProblem, newDashboardLink } from './links';
import './links.css';

/**
 * Dashboard settings: the dashboard links (Grafana's), edited in place: a URL link or the
 * stored dashboards with some tags; new tab, variables and time range carried over.
 */
export default function LinkSettings(props: {
  dashboard: Dashboard;
  onChange(fn: (d: Dashboard) => Dashboard): void;
}) {
  const links = props.dashboard.links ?? [];
  const setLinks = (fn: (list: DashboardLink[]) => DashboardLink[]) =>
    props.onChange((d) => {
      const next = fn(d.links ?? []);
      if (next.length) return { ...d, links: next };
      const { links: _gone, ...rest } = d;
      return rest;
    });
  const update = (i: number, patch: Partial<DashboardLink>) =>
    setLinks((l) => l.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <section className="link-settings" data-testid="link-settings">
      <h3>Links</h3>
      {links.length === 0 && (
        <p className="muted">
          No links yet. Links appear beside the variables; they can carry the time range and the
          variables to another dashboard.
        </p>
      )}
      {links.map((link, i) => {
        const problem = link.type === 'link' ? linkUrlProblem(link.url) : undefined;
        const name = link.title || `link ${i + 1}`;
        return (
          <fieldset key={i} className="link-form" data-testid="link-form">
            <div className="link-line">
              <select
                aria-label={`Type of ${name}`}
                value={link.type}
                onChange={(e) => update(i, { type: e.target.value as DashboardLink['type'] })}
              >
                <option value="link">URL</option>
                <option value="dashboards">Dashboards with tags</option>
              </select>
              <input
                aria-label="Link title"
                data-testid="link-title"
                placeholder="Title"
                value={link.title}
                onChange={(e) => update(i, { title: e.target.value })}
              />
              <span className="actions">
                <button
                  type="button"
                  aria-label={`Move ${name} up`}
                  disabled={i === 0}
                  onClick={() => setLinks((l) => moveItem(l, i, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${name} down`}
                  disabled={i === links.length - 1}
                  onClick={() => setLinks((l) => moveItem(l, i, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={`Delete ${name}`}
                  data-testid="link-delete"
                  onClick={() => setLinks((l) => l.filter((_, j) => j !== i))}
                >
                  Delete
                </button>
              </span>
            </div>
            {link.type === 'link' ? (
              <input
                className="mono"
                aria-label="Link URL"
                data-testid="link-url"
                placeholder="https://… or #/d/<uid>; $var, ${__url_time_range}"
                value={link.url}
                onChange={(e) => update(i, { url: e.target.value })}
              />
            ) : (
              <input
                aria-label="Link tags"
                data-testid="link-tags"
                placeholder="Tags, comma separated (dashboards with all of them)"
                value={link.tags.join(', ')}
                onChange={(e) =>
                  update(i, {
                    tags: e.target.value
                      .split(',')
                      .map((t) => t.trim())
                      .filter(Boolean),
                  })
                }
              />
            )}
            {problem && (
              <span className="error" role="alert" data-testid="link-problem">
                {problem}
              </span>
            )}
            <input
              aria-label="Link tooltip"
              placeholder="Tooltip"
              value={link.tooltip}
              onChange={(e) => update(i, { tooltip: e.target.value })}
            />
            <div className="link-line">
              <Check
                label="Keep time range"
                testId="link-keep-time"
                checked={link.keepTime}
                onChange={(v) => update(i, { keepTime: v })}
              />
              <Check
                label="Include variables"
                testId="link-include-vars"
                checked={link.includeVars}
                onChange={(v) => update(i, { includeVars: v })}
              />
              <Check
                label="New tab"
                checked={link.targetBlank}
                onChange={(v) => update(i, { targetBlank: v })}
              />
              {link.type === 'dashboards' && (
                <Check
                  label="As dropdown"
                  checked={link.asDropdown}
                  onChange={(v) => update(i, { asDropdown: v })}
                />
              )}
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        data-testid="link-add"
        onClick={() => setLinks((l) => [...l, newDashboardLink()])}
      >
        Add link
      </button>
    </section>
  );
}

function Check(props: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
  testId?: string;
}) {
  return (
    <label>
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      {props.label}
    </label>
  );
}
