import { SelectOption } from '../shared/OptionControls';
import type { OptionsEditorProps } from '../types';
import type { TextOptions } from './options';

export default function TextOptionsEditor({ options, onChange }: OptionsEditorProps<TextOptions>) {
  return (
    <>
      <SelectOption
        name="mode"
        label="Mode"
        value={options.mode}
        choices={[
          ['markdown', 'Markdown'],
          ['html', 'HTML'],
        ]}
        onChange={(mode) => onChange({ mode })}
      />
      <label>
        Content
        <textarea
          className="mono"
          rows={8}
          data-testid="option-content"
          value={options.content}
          onChange={(e) => onChange({ content: e.target.value })}
        />
      </label>
    </>
  );
}
