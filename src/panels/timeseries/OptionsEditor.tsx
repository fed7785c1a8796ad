import { obj } from '../../model/json';
import { SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { TimeSeriesOptions } from './options';
import OverridesEditor from './OverridesEditor';

export default function TimeSeriesOptionsEditor({
  options,
  raw,
  onChange,
  fieldConfig,
  onFieldConfigChange,
  series,
  refIds,
}: OptionsEditorProps<TimeSeriesOptions>) {
  return (
    <>
      <SelectOption
        name="legend"
        label="Legend"
        value={options.legend.displayMode}
        choices={[
          ['list', 'List'],
          ['table', 'Table'],
          ['hidden', 'Hidden'],
        ]}
        // the stored legend keeps what the reader leaves out (sortBy, width, …)
        onChange={(displayMode) => onChange({ legend: { ...obj(raw.legend), displayMode } })}
      />
      {fieldConfig && onFieldConfigChange && (
        <OverridesEditor
          overrides={fieldConfig.overrides ?? []}
          series={series ?? []}
          refIds={refIds ?? []}
          onChange={(overrides) =>
            onFieldConfigChange({ overrides: overrides.length ? overrides : undefined })
          }
        />
      )}
    </>
  );
}
