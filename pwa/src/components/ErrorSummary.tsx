import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

export interface SummaryError {
  /** id of the field the message is about; the link moves focus there. */
  fieldId: string;
  message: string;
}

/** The shape of the server's ValidationError: every problem, or (older callers) just one. */
export interface ServerValidationError {
  field?: string | null;
  message: string;
  errors: readonly { field?: string | null; message: string }[];
}

/** The server's ValidationError as summary entries, each linked to the field `fieldId` names. */
export function summaryErrors(
  refused: ServerValidationError,
  fieldId: (path: string | null | undefined) => string,
): SummaryError[] {
  const list = refused.errors.length ? refused.errors : [refused];
  return list.map((e) => ({ fieldId: fieldId(e.field), message: e.message }));
}

/**
 * GOV.UK error summary: shown at the top of a form after a failed submit, takes focus so
 * screen readers announce it, and links every message to its field.
 */
export function ErrorSummary({ errors, title }: { errors: readonly SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;

  const focusField = (event: MouseEvent, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
    // Bring the label into view too, not just the input.
    const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    (label ?? field).scrollIntoView?.({ block: 'start' });
  };

  const headingId = 'error-summary-title';
  return (
    <div class="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <h2 class="error-summary__title" id={headingId}>
        {title ?? t('errorSummary.title')}
      </h2>
      <ul class="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
