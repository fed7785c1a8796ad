import type { Panel } from '../../model/dashboard';

type RepeatFields = Pick<Panel, 'repeat' | 'repeatDirection' | 'maxPerRow'>;

/** Repeat the panel once per value of a variable: which one, direction, copies per row. */
export default function RepeatOptions({
  panel: p,
  variables,
  onChange: set,
}: {
  panel: RepeatFields;
  variables: readonly string[];
  onChange(patch: RepeatFields): void;
}) {
  return (
    <fieldset data-testid="repeat-options">
      <legend>Repeat</legend>
      <label>
        Repeat by variable
        <select
          data-testid="panel-repeat"
          value={p.repeat ?? ''}
          onChange={(e) => set({ repeat: e.target.value || undefined })}
        >
          <option value="">Don&apos;t repeat</option>
          {variables
            .filter((v) => !v.startsWith('__'))
            .map((v) => (
              <option key={v} value={v}>
                ${v}
              </option>
            ))}
          {p.repeat && !variables.includes(p.repeat) && (
            <option value={p.repeat}>${p.repeat} (missing)</option>
          )}
        </select>
      </label>
      {p.repeat && (
        <>
          <label>
            Direction
            <select
              data-testid="panel-repeat-direction"
              value={p.repeatDirection ?? 'h'}
              onChange={(e) => set({ repeatDirection: e.target.value === 'v' ? 'v' : 'h' })}
            >
              <option value="h">Horizontal</option>
              <option value="v">Vertical</option>
            </select>
          </label>
          {(p.repeatDirection ?? 'h') === 'h' && (
            <label>
              Max per row
              <select
                data-testid="panel-max-per-row"
                value={p.maxPerRow ?? 4}
                onChange={(e) => set({ maxPerRow: Number(e.target.value) })}
              >
                {[2, 3, 4, 6, 8, 12, 24].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
    </fieldset>
  );
}
