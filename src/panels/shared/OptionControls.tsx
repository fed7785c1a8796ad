import { unitOptions } from '../../units/catalogue';
import { reducerOptions } from './reducers';

/**
 * The form controls panel option editors are made of. Each carries `data-testid="option-<name>"`
 * (the e2e tests' hook) and a label.
 */
export function SelectOption(props: {
  name: string;
  label: string;
  value: string;
  choices: readonly (readonly [value: string, label: string])[];
  onChange(value: string): void;
}) {
  return (
    <label>
      {props.label}
      <select
        data-testid={`option-${props.name}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.choices.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CheckOption(props: {
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="check row" style={{ flexDirection: 'row' }}>
      <input
        type="checkbox"
        data-testid={`option-${props.name}`}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      {props.label}
    </label>
  );
}

const REDUCER_CHOICES = reducerOptions.map((r) => [r.id, r.label] as const);

/** The `reduce` option of the one-value-per-series panels: Grafana's calculation picker. */
export function ReducerOption(props: { value: string; onChange(id: string): void }) {
  return (
    <SelectOption
      name="reduce"
      label="Calculation"
      value={props.value}
      choices={REDUCER_CHOICES}
      onChange={props.onChange}
    />
  );
}

/** The options of a unit picker: the catalogue by category, and `unit` itself if it is not in it. */
export function UnitChoices({ unit }: { unit: string }) {
  return (
    <>
      {unitOptions.map((g) => (
        <optgroup key={g.category} label={g.category}>
          {g.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </optgroup>
      ))}
      {!unitOptions.some((g) => g.units.some((u) => u.id === unit)) && (
        <option value={unit}>{unit}</option>
      )}
    </>
  );
}
