import { useState } from 'react';
import { SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { HeatmapOptions } from './options';

export default function HeatmapOptionsEditor({
  options,
  onChange,
}: OptionsEditorProps<HeatmapOptions>) {
  return (
    <>
      <PercentilesInput
        value={options.percentiles}
        onChange={(percentiles) => onChange({ percentiles })}
      />
      <SelectOption
        name="colorScale"
        label="Colour scale"
        value={options.colorScale}
        choices={[
          ['exponential', 'Exponential'],
          ['linear', 'Linear'],
          ['log', 'Logarithmic'],
        ]}
        onChange={(colorScale) => onChange({ colorScale })}
      />
    </>
  );
}

/** "50, 90, 99" ⇄ [0.5, 0.9, 0.99]; the text is kept while typing. */
function PercentilesInput(props: { value: readonly number[]; onChange(v: number[]): void }) {
  const shown = props.value.map((q) => +(q * 100).toFixed(4)).join(', ');
  const [text, setText] = useState(shown);
  const valid = (t: string) =>
    t
      .split(/[\s,]+/)
      .filter(Boolean)
      .every((x) => Number.isFinite(Number(x)) && Number(x) >= 0 && Number(x) <= 100);
  return (
    <label>
      Percentile lines (0–100)
      <input
        data-testid="option-percentiles"
        value={text}
        aria-invalid={!valid(text)}
        placeholder="50, 90, 99"
        onChange={(e) => {
          setText(e.target.value);
          if (!valid(e.target.value)) return;
          props.onChange(
            e.target.value
              .split(/[\s,]+/)
              .filter(Boolean)
              .map((x) => Number(x) / 100),
          );
        }}
      />
    </label>
  );
}
