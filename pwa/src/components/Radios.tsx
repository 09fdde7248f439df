import { FieldMessages, fieldIds } from './FieldMessages';
export interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** GOV.UK radios: a fieldset with a legend, big touch targets, hint and error tied to the group. */
export function Radios<T extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: readonly RadioOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
}) {
  const { describedBy } = fieldIds(id, hint, error);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset class="radios" aria-describedby={describedBy}>
        <legend class="field__label">{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        {options.map((option, index) => {
          // The first radio carries the group's id, so an error summary link can focus it.
          const inputId = index === 0 ? id : `${id}-${option.value}`;
          const optionHintId = option.hint ? `${inputId}-item-hint` : undefined;
          return (
            <div class="radios__item" key={option.value}>
              <input
                class="radios__input"
                type="radio"
                id={inputId}
                name={id}
                value={option.value}
                checked={value === option.value}
                aria-describedby={optionHintId}
                onChange={() => onChange(option.value)}
              />
              <label class="radios__label" for={inputId}>
                {option.label}
              </label>
              {option.hint && (
                <p class="radios__hint" id={optionHintId}>
                  {option.hint}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
