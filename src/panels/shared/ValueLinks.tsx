// Data links on reduced values (stat, gauge, bar gauge), as Grafana: the value is the link. One
// link: the whole value opens it; several: a click on the value lists them. The links module
// (interpolation, checks) loads only when the panel has links.
import { useContext, useMemo } from 'react';
import type { PanelLink } from '../../model/dashboard';
import { QueryEnvContext } from '../../query/env';
import { formattedToString } from '../../units/format';
import type { DisplayValue } from './display';

/** A value's link, ready to draw (attributes from `links.linkAttributes`). */
export interface ValueLink {
  title: string;
  attrs: { href?: string; target?: string; rel: string; title: string };
}
import { useLinksModule } from './useLinks';
import { useMenu } from './useMenu';
import './valueLinks.css';

/**
 * The resolved links of one display value (`${__field.name}`, `${__field.labels.x}`,
 * `${__value.raw|text|time}`), or undefined when the panel has none (or is a bare preview).
 */
export function useValueLinks(
  links: readonly PanelLink[] | undefined,
): ((v: DisplayValue) => ValueLink[]) | undefined {
  const env = useContext(QueryEnvContext);
  const mod = useLinksModule(!!links?.length && env !== null);
  return useMemo(() => {
    if (!links?.length || !env || !mod) return undefined;
    return (v) => {
      const t = v.times?.at(-1);
      const timeMs = t !== undefined ? Math.round(t * 1000) : env.toMs;
      return links.map((l) => {
        const r = mod.resolveLink(l, env, {
          field: { name: v.name, labels: v.labels },
          value: { raw: v.raw, text: formattedToString(v.display), timeMs },
        });
        return { title: r.title, attrs: mod.linkAttributes(r) };
      });
    };
  }, [links, env, mod]);
}

/** Over a value's tile (its box is `position: relative`): the tile opens its link(s). */
export default function ValueLinks({ links, name }: { links: ValueLink[]; name: string }) {
  const { open, setOpen, ref } = useMenu<HTMLDivElement>();
  if (links.length === 0) return null;
  const [first] = links;
  if (links.length === 1 && first)
    return (
      <a
        {...first.attrs}
        className="value-links"
        data-testid="value-link"
        aria-label={`${name}: ${first.title}`}
      />
    );
  return (
    <div className="value-links" ref={ref}>
      <button
        type="button"
        className="value-links-open"
        data-testid="value-links-button"
        aria-label={`${name}: ${links.length} links`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      />
      {open && (
        <div className="value-links-menu" role="menu" data-testid="value-links-menu">
          {links.map((l, i) => (
            <a key={i} {...l.attrs} role="menuitem" data-testid="value-link">
              {l.title}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
