// A labelled textarea with hint and error, as components/Field is for one-line inputs.
export function HelpTextarea({
  id,
  label,
  hint,
  error,
  value,
  maxLength,
  rows = 4,
  onInput,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  maxLength: number;
  rows?: number;
  onInput: (value: string) => void;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        class="field__input field__textarea"
        maxLength={maxLength}
        rows={rows}
        aria-describedby={described || undefined}
        aria-invalid={error ? 'true' : undefined}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
