import type { TargetedEvent } from 'preact';
import { FieldMessages, fieldIds } from './FieldMessages';

type FieldProps = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  name?: string;
  value?: string;
  autocomplete?: string;
  /** text by default; password for secrets, email/tel only where the browser's checks help. */
  type?: 'text' | 'password' | 'email' | 'tel' | 'date' | 'time';
  spellcheck?: boolean;
  autocapitalize?: 'off' | 'characters' | 'words' | 'none';
  maxLength?: number;
  /** The earliest and latest value of a date input (YYYY-MM-DD). */
  min?: string;
  max?: string;
  readOnly?: boolean;
  list?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'search' | 'url';
  onInput?: (event: TargetedEvent<HTMLInputElement, Event>) => void;
};

/** A labelled text input with hint and error message wired through aria-describedby (GOV.UK pattern). */
// type="text" unless told; inputMode picks the keyboard (GOV.UK advice: no type=number).
export function Field({ id, label, hint, error, type = 'text', ...input }: FieldProps) {
  const { describedBy } = fieldIds(id, hint, error);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        {...input}
        type={type as 'text'}
        id={id}
        class="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
