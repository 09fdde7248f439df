// Step-up in one place: forms send their operations through `secureRequest`. When the server
// answers STEP_UP_REQUIRED, we run a fresh passkey check (stepUpStart -> credentials.get ->
// stepUpFinish) and retry the operation once. The form stays mounted throughout, so nothing
// typed is lost. UNAUTHENTICATED sends the person to sign in and back.
import { signal } from '@preact/signals';
import { GraphQLResponseError, type Client } from '../../graphql/client';
import {
  IdentityStepUpFinishDocument,
  IdentityStepUpStartDocument,
  type TypedDocumentString,
} from '../../graphql/generated/graphql';
import { PasskeyError, browserPasskeys, type PasskeyApi } from './identityWebAuthn';

export type StepUpStatus = 'idle' | 'confirming' | 'confirmed' | 'failed';

/** The server refused the step-up (no passkey, wrong passkey, challenge expired…); message is translated. */
export class StepUpRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StepUpRefused';
  }
}

export interface SecureRequestOptions {
  client: Pick<Client, 'request'>;
  passkeys?: PasskeyApi;
  onStatus?: (status: StepUpStatus) => void;
  /** Called when the session is gone; the error is still thrown to the caller. */
  onUnauthenticated?: () => void;
}

export type SecureRequest = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
) => Promise<TResult>;

export function createSecureRequest({
  client,
  passkeys = browserPasskeys,
  onStatus = () => {},
  onUnauthenticated = () => {},
}: SecureRequestOptions): SecureRequest {
  // The client's variadic signature is for callers; here every call passes variables.
  const send = client.request as <R, V>(document: TypedDocumentString<R, V>, variables: V) => Promise<R>;

  async function stepUp(): Promise<void> {
    onStatus('confirming');
    try {
      const start = (await send(IdentityStepUpStartDocument, {})).stepUpStart;
      if (start.__typename !== 'PasskeyCeremony') {
        throw new StepUpRefused(
          start.__typename === 'AccountError' ? start.accountCode : start.__typename,
          start.message,
        );
      }
      const credentialJson = await passkeys.get(start.optionsJson);
      const finish = (await send(IdentityStepUpFinishDocument, { challengeId: start.challengeId, credentialJson }))
        .stepUpFinish;
      if (finish.__typename !== 'StepUpSuccess') {
        throw new StepUpRefused(
          finish.__typename === 'AccountError' ? finish.accountCode : finish.webAuthnCode,
          finish.message,
        );
      }
      onStatus('confirmed');
    } catch (error) {
      onStatus('failed');
      throw error;
    }
  }

  return async function secureRequest(document, variables) {
    try {
      return await send(document, variables);
    } catch (error) {
      if (!(error instanceof GraphQLResponseError)) throw error;
      if (error.hasCode('UNAUTHENTICATED')) {
        onUnauthenticated();
        throw error;
      }
      if (!error.hasCode('STEP_UP_REQUIRED')) throw error;
    }
    await stepUp();
    // Once: a second STEP_UP_REQUIRED is a real refusal, not a loop.
    return send(document, variables);
  };
}

export { PasskeyError };

/** What the step-up notice shows; one notice for the whole app. */
export const stepUpStatus = signal<StepUpStatus>('idle');
