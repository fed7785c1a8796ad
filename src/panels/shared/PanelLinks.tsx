import type { PanelLink } from '../../model/dashboard';
import { linkAttributes, resolveLink, type LinkEnv } from './links';
import { useMenu } from './useMenu';
import './links.css';

/**
 * The panel's links in its header (Grafana's): an icon opening the list; each link interpolated
 * with the dashboard's variables and time when the list opens.
 */
export default function PanelLinks(props: { links: readonly PanelLink[]; env: LinkEnv }) {
  const { open, setOpen, ref } = useMenu();
  return (
    <div className="panel-menu panel-links" ref={ref}>
      <button
        type="button"
        className="icon"
        aria-label="Panel links"
        aria-haspopup="menu"
        aria-expanded={open}
        title="Links"
        data-testid="panel-links-button"
        onClick={() => setOpen(!open)}
        onMouseDown={(e) => e.stopPropagation()}
      >
        ↗
      </button>
      {open && (
        <div className="menu" role="menu" onMouseDown={(e) => e.stopPropagation()}>
          {props.links.map((l, i) => {
            const r = resolveLink(l, props.env);
            return (
              <a
                key={i}
                role="menuitem"
                className="menu-link"
                data-testid="panel-link"
                {...linkAttributes(r)}
                onClick={() => setOpen(false)}
              >
                {r.title}
              </a>
            );
          })}
        </div>
      )}
    </div>
  );
}
