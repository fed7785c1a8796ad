import type { Panel, PanelLink } from '../../model/dashboard';
import { linkUrlProblem } from '../dashboard/links';
import '../dashboard/links.css';

/**
 * The panel's links (its header) and, for the types that show them, its data links (table
 * cells, the time series tooltip), as lists of title, URL and "new tab".
 */
export default function LinkOptions(props: {
  panel: Pick<Panel, 'links' | 'fieldConfig'>;
  dataLinks: boolean;
  onChange(change: (p: Panel) => Panel): void;
}) {
  const { panel, onChange } = props;
  return (
    <>
      <LinkList
        legend="Panel links"
        testId="panel-links-editor"
        hint="In the panel header. $var, ${__url_time_range}, ${__from}/${__to}."
        links={panel.links ?? []}
        onChange={(links) =>
          onChange((cur) => {
            const { links: _old, ...rest } = cur;
            return links.length ? { ...rest, links } : rest;
          })
        }
      />
      {props.dataLinks && (
        <LinkList
          legend="Data links"
          testId="data-links-editor"
          hint="On every value: table cells, the tooltip's series. ${__field.labels.job}, ${__field.name}, ${__value.raw}, ${__value.text}, ${__value.time}, ${__series.name}, $var, ${__url_time_range}."
          links={panel.fieldConfig.links ?? []}
          onChange={(links) =>
            onChange((cur) => {
              const { links: _old, ...rest } = cur.fieldConfig;
              return { ...cur, fieldConfig: links.length ? { ...rest, links } : rest };
            })
          }
        />
      )}
    </>
  );
}

function LinkList(props: {
  legend: string;
  testId: string;
  hint: string;
  links: readonly PanelLink[];
  onChange(links: PanelLink[]): void;
}) {
  const { links } = props;
  const update = (i: number, patch: Partial<PanelLink>) =>
    props.onChange(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset data-testid={props.testId}>
      <legend>{props.legend}</legend>
      <p className="muted" style={{ margin: 0, fontSize: 12 }}>
        {props.hint}
      </p>
      {links.map((l, i) => {
        const problem = linkUrlProblem(l.url);
        return (
          <div key={i} className="link-edit" data-testid="link-edit">
            <input
              aria-label="Link title"
              placeholder="Title"
              value={l.title}
              onChange={(e) => update(i, { title: e.target.value })}
            />
            <input
              aria-label="Link URL"
              placeholder="https://…"
              value={l.url}
              onChange={(e) => update(i, { url: e.target.value })}
            />
            {problem && (
              <span className="error" role="alert">
                {problem}
              </span>
            )}
            <span>
              <label>
                <input
                  type="checkbox"
                  checked={l.targetBlank === true}
                  onChange={(e) => update(i, { targetBlank: e.target.checked || undefined })}
                />{' '}
                New tab
              </label>{' '}
              <button
                type="button"
                className="danger"
                aria-label={`Delete link ${l.title || i + 1}`}
                onClick={() => props.onChange(links.filter((_, j) => j !== i))}
              >
                Delete
              </button>
            </span>
          </div>
        );
      })}
      <button type="button" onClick={() => props.onChange([...links, { title: '', url: '' }])}>
        Add link
      </button>
    </fieldset>
  );
}
