import { CheckOption, ReducerOption, SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import { LEGEND_VALUES, SLICE_LABELS, type PieOptions } from './options';

const LABEL_NAMES: Record<(typeof SLICE_LABELS)[number], string> = {
  name: 'Name',
  value: 'Value',
  percent: 'Percent',
};

/** Toggles one entry of a list option, keeping the list in its canonical order. */
function toggled<T extends string>(all: readonly T[], list: readonly T[], item: T, on: boolean) {
  return all.filter((x) => (x === item ? on : list.includes(x)));
}

export default function PieOptionsEditor({ options, onChange }: OptionsEditorProps<PieOptions>) {
  return (
    <>
      <ReducerOption value={options.reduce} onChange={(reduce) => onChange({ reduce })} />
      <SelectOption
        name="pieType"
        label="Pie type"
        value={options.pieType}
        choices={[
          ['pie', 'Pie'],
          ['donut', 'Donut'],
        ]}
        onChange={(pieType) => onChange({ pieType })}
      />
      <SelectOption
        name="colorBy"
        label="Colours"
        value={options.colorBy}
        choices={[
          ['palette', 'Classic palette'],
          ['thresholds', 'From thresholds'],
        ]}
        onChange={(colorBy) => onChange({ colorBy })}
      />
      <SelectOption
        name="sort"
        label="Slice order"
        value={options.sort}
        choices={[
          ['desc', 'Largest first'],
          ['asc', 'Smallest first'],
          ['none', 'As the query returns them'],
        ]}
        onChange={(sort) => onChange({ sort })}
      />
      <SelectOption
        name="otherBelow"
        label="Combine small slices"
        value={String(options.otherBelow)}
        choices={[
          ['0', 'Never'],
          ['0.01', 'Under 1 % into "Other"'],
          ['0.02', 'Under 2 % into "Other"'],
          ['0.05', 'Under 5 % into "Other"'],
          ['0.1', 'Under 10 % into "Other"'],
        ]}
        onChange={(v) => onChange({ otherBelow: Number(v) })}
      />
      <SelectOption
        name="legendPlacement"
        label="Legend"
        value={options.legendPlacement}
        choices={[
          ['right', 'Right'],
          ['bottom', 'Bottom'],
          ['hidden', 'Hidden'],
        ]}
        onChange={(legendPlacement) => onChange({ legendPlacement })}
      />
      {LEGEND_VALUES.map((v) => (
        <CheckOption
          key={v}
          name={`legend-${v}`}
          label={`Legend: ${v}`}
          checked={options.legendValues.includes(v)}
          onChange={(on) =>
            onChange({ legendValues: toggled(LEGEND_VALUES, options.legendValues, v, on) })
          }
        />
      ))}
      {SLICE_LABELS.map((l) => (
        <CheckOption
          key={l}
          name={`label-${l}`}
          label={`Slice label: ${LABEL_NAMES[l]}`}
          checked={options.displayLabels.includes(l)}
          onChange={(on) =>
            onChange({ displayLabels: toggled(SLICE_LABELS, options.displayLabels, l, on) })
          }
        />
      ))}
    </>
  );
}
