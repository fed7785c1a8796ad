import { CheckOption, ReducerOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { TableOptions } from './options';

export default function TableOptionsEditor({
  options,
  onChange,
}: OptionsEditorProps<TableOptions>) {
  return (
    <>
      <ReducerOption value={options.reduce} onChange={(reduce) => onChange({ reduce })} />
      <CheckOption
        name="showHeader"
        label="Show header"
        checked={options.showHeader}
        onChange={(showHeader) => onChange({ showHeader })}
      />
    </>
  );
}
