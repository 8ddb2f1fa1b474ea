import { useId } from 'react';
import { envColors } from './env-colors';

/** The environment colour, as a row of swatches; red is labelled for production. */
export function ColorPicker({ value, onChange }: { value: string; onChange: (color: string) => void }) {
  const labelId = useId();
  const known = envColors.some((choice) => choice.value.toLowerCase() === value.toLowerCase());
  const choices = known ? envColors : [...envColors, { value, label: 'Current colour' }];
  return (
    <div className="form-field form-field-wide">
      <span className="field-label" id={labelId}>
        Colour
      </span>
      <div className="color-picker" role="radiogroup" aria-labelledby={labelId}>
        {choices.map((choice) => {
          const checked = choice.value.toLowerCase() === value.toLowerCase();
          return (
            <label key={choice.value} className={`color-choice${checked ? ' is-checked' : ''}`} title={choice.label}>
              <input
                type="radio"
                name="env-color"
                value={choice.value}
                checked={checked}
                aria-label={choice.label}
                onChange={() => onChange(choice.value)}
              />
              <span className="color-dot" style={{ backgroundColor: choice.value }} aria-hidden="true" />
            </label>
          );
        })}
        <span className="field-help">Red marks production, so it never looks like staging.</span>
      </div>
    </div>
  );
}
