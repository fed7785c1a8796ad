import { CheckOption, ReducerOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { GaugeOptions } from './options';

export default function GaugeOptionsEditor({
  options,
  onChange,
}: OptionsEditorProps<GaugeOptions>) {
  return (
    <>
      <ReducerOption value={options.reduce} onChange={(reduce) => onChange({ reduce })} />
      <CheckOption
        name="showThresholdMarkers"
        label="Threshold markers"
        checked={options.showThresholdMarkers}
        onChange={(showThresholdMarkers) => onChange({ showThresholdMarkers })}
      />
      <CheckOption
        name="showThresholdLabels"
        label="Threshold labels"
        checked={options.showThresholdLabels}
        onChange={(showThresholdLabels) => onChange({ showThresholdLabels })}
      />
    </>
  );
}
