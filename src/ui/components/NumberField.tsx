// A labelled number input for the study settings; an empty field reads as NaN, which the study's
// checks report, so half-typed values never silently become 0.
import type { ReactNode } from 'react';

export function NumberField({
  label,
  value,
  step,
  min,
  max,
  onChange,
  disabled,
  hint,
  testId,
}: {
  label: string;
  value: number;
  step: number;
  min: number;
  max?: number;
  onChange: (v: number) => void;
  disabled: boolean;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        value={Number.isFinite(value) ? value : ''}
        step={step}
        min={min}
        max={max}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
      {hint && <small>{hint}</small>}
    </label>
  );
}
