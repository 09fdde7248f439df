// Turning failures into words: union error members (already translated by the server),
// thrown client errors, and passkey ceremony failures.
import type { SummaryError } from '../../components/ErrorSummary';
import { GraphQLResponseError, HttpError, NetworkError } from '../../graphql/client';
import { t } from '../../i18n';
import { StepUpRefused } from './identityStepUp';
import { PasskeyError, passkeyErrorMessageKey } from './identityWebAuthn';
import { ti } from './identityMessages';

export interface ServerFieldError {
  field?: string | null | undefined;
  message: string;
}

/**
 * The server names fields like `input.fullName`; the form's ids are `<prefix>-fullName`.
 * Problems on a field the form does not show go to `fallbackId` so none is lost.
 */
export function toSummaryErrors(
  errors: readonly ServerFieldError[],
  { prefix, known, fallbackId }: { prefix: string; known: readonly string[]; fallbackId: string },
): SummaryError[] {
  const seen = new Set<string>();
  const out: SummaryError[] = [];
  for (const error of errors) {
    const name = (error.field ?? '').split('.').pop() ?? '';
    const fieldId = known.includes(name) ? `${prefix}-${name}` : fallbackId;
    const key = `${fieldId}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ fieldId, message: error.message });
  }
  return out;
}

/** The first message for each field id, for the inline messages. */
export function inlineErrors(errors: readonly SummaryError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) out[error.fieldId] ??= error.message;
  return out;
}

/** Words for a thrown error: passkey failures, refused step-up, network and server trouble. */
export function describeError(error: unknown): string {
  if (error instanceof PasskeyError) return ti(passkeyErrorMessageKey(error));
  if (error instanceof StepUpRefused) return error.message;
  if (error instanceof NetworkError) return t('error.network');
  if (error instanceof GraphQLResponseError) {
    if (error.hasCode('STEP_UP_REQUIRED')) return ti('stepUp.failed');
    // Access messages are public and translated by the server (Accept-Language).
    return error.message;
  }
  if (error instanceof HttpError) return t('error.server');
  if (error && typeof error === 'object' && 'name' in error) return ti(passkeyErrorMessageKey(error));
  return t('error.server');
}

/** A union error member's words; TooManyAttempts also says how long to wait. */
export function describeResult(result: { __typename?: string; message?: string; retryAfterSeconds?: number }): string {
  if (result.__typename === 'TooManyAttempts' && typeof result.retryAfterSeconds === 'number') {
    return `${result.message ?? ''} ${t('error.retryAfter', { seconds: result.retryAfterSeconds })}`.trim();
  }
  return result.message ?? t('error.server');
}

export function isPasskeyError(error: unknown): error is PasskeyError {
  return error instanceof PasskeyError;
}
