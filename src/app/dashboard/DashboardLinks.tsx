import { useMemo } from 'react';
import type { DashboardLink } from '../../model/dashboard';
import { dashboardsWithTags, type LinkableDashboard } from '../../model/links';
import {
  linkAttributes,
  resolveDashboardLink,
  storedDashboardHref,
  type LinkEnv,
} from '../../panels/shared/links';
import { useMenu } from '../../panels/shared/useMenu';
import { useQueryEnv } from '../../query/env';
import '../variables/variables.css';
import { useDashboards } from '../../state/dashboards';
import { linkableDashboards } from './links';
import './links.css';

/** Grafana's link icons, drawn as text. */
const ICONS: Record<string, string> = {
  'external link': '↗',
  dashboard: '▦',
  question: '?',
  info: 'ⓘ',
  bolt: 'ϟ',
  doc: '≡',
  cloud: '☁',
};

/**
 * The dashboard's links beside the variables, as Grafana shows them: a `link` is one anchor; a
 * `dashboards` link lists the stored dashboards with its tags, inline or as a dropdown.
 */
export default function DashboardLinks(props: { links: readonly DashboardLink[]; uid: string }) {
  const env = useQueryEnv();
  const saved = useDashboards((s) => s.saved);
  const provisioned = useDashboards((s) => s.provisioned);
  const all = useMemo(() => linkableDashboards(saved, provisioned), [saved, provisioned]);
  return (
    <div className="dash-links" data-testid="dashboard-links">
      {props.links.map((link, i) =>
        link.type === 'dashboards' ? (
          <TaggedDashboards
            key={i}
            link={link}
            env={env}
            dashboards={dashboardsWithTags(all, link.tags, props.uid)}
          />
        ) : (
          <UrlLink key={i} link={link} env={env} />
        ),
      )}
    </div>
  );
}

function UrlLink({ link, env }: { link: DashboardLink; env: LinkEnv }) {
  const r = resolveDashboardLink(link, env);
  const icon = ICONS[link.icon ?? 'external link'];
  return (
    <a
      className="dash-link"
      data-testid="dashboard-link"
      {...linkAttributes({ ...r, title: link.tooltip || r.title })}
    >
      {icon && (
        <span className="dash-link-icon" aria-hidden>
          {icon}
        </span>
      )}
      {r.title}
    </a>
  );
}

function TaggedDashboards(props: {
  link: DashboardLink;
  env: LinkEnv;
  dashboards: LinkableDashboard[];
}) {
  const { link, env, dashboards } = props;
  const { open, setOpen, ref } = useMenu();
  const anchor = (d: LinkableDashboard) => {
    const href = storedDashboardHref(d.uid, link, env);
    return (
      <a
        key={d.uid}
        className="dash-link"
        data-testid="dashboard-link"
        data-uid={d.uid}
        role={link.asDropdown ? 'menuitem' : undefined}
        {...linkAttributes({ href, title: d.title, targetBlank: link.targetBlank })}
        onClick={() => setOpen(false)}
      >
        <span className="dash-link-icon" aria-hidden>
          {ICONS.dashboard}
        </span>
        {d.title}
      </a>
    );
  };
  if (!link.asDropdown) {
    if (dashboards.length === 0) return null;
    return <>{dashboards.map(anchor)}</>;
  }
  const title = link.title || 'Dashboards';
  return (
    <div className="dash-link-dropdown" ref={ref}>
      <button
        type="button"
        className="dash-link"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="dashboard-link-dropdown"
        title={link.tooltip || `Dashboards tagged ${link.tags.join(', ') || '(any)'}`}
        onClick={() => setOpen(!open)}
      >
        <span className="dash-link-icon" aria-hidden>
          {ICONS.dashboard}
        </span>
        {title}
        <span className="var-caret" aria-hidden>
          ▾
        </span>
      </button>
      {open && (
        <div className="menu dash-link-menu" role="menu">
          {dashboards.length ? (
            dashboards.map(anchor)
          ) : (
            <span className="muted">No dashboards tagged {link.tags.join(', ')}</span>
          )}
        </div>
      )}
    </div>
  );
}
