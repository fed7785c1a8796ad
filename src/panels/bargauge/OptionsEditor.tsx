import { ReducerOption, SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { BarGaugeOptions } from './options';

export default function BarGaugeOptionsEditor({
  options,
  onChange,
}: OptionsEditorProps<BarGaugeOptions>) {
  return (
    <>
      <ReducerOption value={options.reduce} onChange={(reduce) => onChange({ reduce })} />
      <SelectOption
        name="displayMode"
        label="Display"
        value={options.displayMode}
        choices={[
          ['gradient', 'Gradient'],
          ['lcd', 'Retro LCD'],
          ['basic', 'Basic'],
        ]}
        onChange={(displayMode) => onChange({ displayMode })}
      />
    </>
  );
}
