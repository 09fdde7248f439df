import { FieldMessages, fieldIds } from './FieldMessages';
export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled native select (big, accessible, works with every screen reader). */
export function Select({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
}) {
  const { describedBy } = fieldIds(id, hint, error);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        class="field__input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
