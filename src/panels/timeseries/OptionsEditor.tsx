import { obj } from '../../model/json';
import { SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { TimeSeriesOptions } from './options';

export default function TimeSeriesOptionsEditor({
  options,
  raw,
  onChange,
}: OptionsEditorProps<TimeSeriesOptions>) {
  return (
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
  );
}
