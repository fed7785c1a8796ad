import { SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import { parseMatchers } from './alerts';
import type { AlertListOptions } from './options';

export default function AlertListOptionsEditor({
  options,
  onChange,
}: OptionsEditorProps<AlertListOptions>) {
  return (
    <>
      <SelectOption
        name="sortOrder"
        label="Sort"
        value={options.sortOrder}
        choices={[
          ['importance', 'Importance'],
          ['timeDesc', 'Newest first'],
          ['timeAsc', 'Oldest first'],
          ['alphaAsc', 'Name A–Z'],
          ['alphaDesc', 'Name Z–A'],
        ]}
        onChange={(sortOrder) => onChange({ sortOrder })}
      />
      <label>
        Max items
        <input
          type="number"
          min={1}
          data-testid="option-maxItems"
          value={options.maxItems}
          onChange={(e) => onChange({ maxItems: Math.max(1, Math.round(Number(e.target.value))) })}
        />
      </label>
      <label>
        Alert name contains
        <input
          data-testid="option-nameFilter"
          value={options.nameFilter}
          onChange={(e) => onChange({ nameFilter: e.target.value })}
        />
      </label>
      <label>
        Labels
        <input
          className="mono"
          data-testid="option-labelFilter"
          value={options.labelFilter}
          placeholder='{severity="critical"}'
          aria-invalid={parseMatchers(options.labelFilter) === undefined}
          onChange={(e) => onChange({ labelFilter: e.target.value })}
        />
      </label>
    </>
  );
}
