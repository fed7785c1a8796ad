import { ReducerOption, SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { StatOptions } from './options';

export default function StatOptionsEditor({ options, onChange }: OptionsEditorProps<StatOptions>) {
  return (
    <>
      <ReducerOption value={options.reduce} onChange={(reduce) => onChange({ reduce })} />
      <SelectOption
        name="colorMode"
        label="Colour mode"
        value={options.colorMode}
        choices={[
          ['value', 'Value'],
          ['background', 'Background gradient'],
          ['background_solid', 'Background solid'],
          ['none', 'None'],
        ]}
        onChange={(colorMode) => onChange({ colorMode })}
      />
      <SelectOption
        name="graphMode"
        label="Graph"
        value={options.graphMode}
        choices={[
          ['area', 'Sparkline'],
          ['none', 'None'],
        ]}
        onChange={(graphMode) => onChange({ graphMode })}
      />
      <SelectOption
        name="textMode"
        label="Text"
        value={options.textMode}
        choices={[
          ['auto', 'Auto'],
          ['value', 'Value'],
          ['value_and_name', 'Value and name'],
          ['name', 'Name'],
          ['none', 'None'],
        ]}
        onChange={(textMode) => onChange({ textMode })}
      />
    </>
  );
}
