import type { FieldConfig } from '../../model/dashboard';
import { UnitChoices } from '../../panels/shared/OptionControls';
import ThresholdsEditor from './ThresholdsEditor';

/** The field settings every panel type shares: unit, decimals, min/max, thresholds. */
export default function FieldOptions({
  fieldConfig,
  onChange,
}: {
  fieldConfig: FieldConfig;
  onChange(patch: Partial<FieldConfig>): void;
}) {
  return (
    <>
      <label>
        Unit
        <select
          data-testid="panel-unit"
          value={fieldConfig.unit}
          onChange={(e) => onChange({ unit: e.target.value })}
        >
          <UnitChoices unit={fieldConfig.unit} />
        </select>
      </label>
      <label>
        Decimals
        <input
          type="number"
          data-testid="panel-decimals"
          min={0}
          max={20}
          value={fieldConfig.decimals ?? ''}
          placeholder="auto"
          onChange={(e) =>
            onChange({
              decimals:
                e.target.value === ''
                  ? undefined
                  : Math.max(0, Math.min(20, Math.round(Number(e.target.value)))),
            })
          }
        />
      </label>
      <div className="row">
        <label>
          Min
          <input
            type="number"
            data-testid="panel-min"
            value={fieldConfig.min ?? ''}
            placeholder="auto"
            onChange={(e) =>
              onChange({ min: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          />
        </label>
        <label>
          Max
          <input
            type="number"
            data-testid="panel-max"
            value={fieldConfig.max ?? ''}
            placeholder="auto"
            onChange={(e) =>
              onChange({ max: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          />
        </label>
      </div>
      <ThresholdsEditor
        value={fieldConfig.thresholds}
        onChange={(thresholds) => onChange({ thresholds })}
      />
    </>
  );
}
