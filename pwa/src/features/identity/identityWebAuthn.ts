// The one place that talks to navigator.credentials. Options come from the server as the JSON
// that PublicKeyCredential.parse*OptionsFromJSON() takes; credentials go back as toJSON().
import type { IdentityKey } from './identityMessages.en';

/** Why a passkey ceremony did not give us a credential, in words a person can act on. */
export type PasskeyFailure =
  | 'cancelled' // NotAllowedError: dismissed, timed out, or no passkey chosen
  | 'aborted' // AbortError: we (or the browser) stopped it
  | 'alreadyRegistered' // InvalidStateError on create: this device already holds one for you
  | 'security' // SecurityError: wrong origin / RP ID, insecure page
  | 'unsupported' // no WebAuthn, or no JSON helpers in this browser
  | 'unknown';

export class PasskeyError extends Error {
  constructor(
    readonly failure: PasskeyFailure,
    override readonly cause?: unknown,
  ) {
    super(`passkey ceremony failed: ${failure}`);
    this.name = 'PasskeyError';
  }
}

export interface GetOptions {
  mediation?: CredentialMediationRequirement;
  signal?: AbortSignal;
}

/** The two ceremonies, JSON in and JSON out; injectable so forms and tests need no browser. */
export interface PasskeyApi {
  create(optionsJson: string, signal?: AbortSignal): Promise<string>;
  get(optionsJson: string, options?: GetOptions): Promise<string>;
}

type PublicKeyCredentialStatic = typeof PublicKeyCredential & {
  parseCreationOptionsFromJSON?: (json: unknown) => PublicKeyCredentialCreationOptions;
  parseRequestOptionsFromJSON?: (json: unknown) => PublicKeyCredentialRequestOptions;
  isConditionalMediationAvailable?: () => Promise<boolean>;
};

function staticApi(): PublicKeyCredentialStatic | undefined {
  return (globalThis as { PublicKeyCredential?: PublicKeyCredentialStatic }).PublicKeyCredential;
}

/** Passkeys work here: WebAuthn exists and can take the server's JSON options. */
export function passkeysSupported(): boolean {
  const api = staticApi();
  return (
    typeof api === 'function' &&
    typeof api.parseCreationOptionsFromJSON === 'function' &&
    typeof api.parseRequestOptionsFromJSON === 'function' &&
    typeof navigator !== 'undefined' &&
    !!navigator.credentials
  );
}

export async function conditionalMediationAvailable(): Promise<boolean> {
  const api = staticApi();
  if (!passkeysSupported() || typeof api?.isConditionalMediationAvailable !== 'function') return false;
  try {
    return await api.isConditionalMediationAvailable();
  } catch {
    return false;
  }
}

/** Map whatever the browser threw to a failure we can explain. */
export function classifyPasskeyError(error: unknown): PasskeyFailure {
  if (error instanceof PasskeyError) return error.failure;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  switch (name) {
    case 'NotAllowedError':
      return 'cancelled';
    case 'AbortError':
      return 'aborted';
    case 'InvalidStateError':
      return 'alreadyRegistered';
    case 'SecurityError':
      return 'security';
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

export const PASSKEY_FAILURE_MESSAGES: Record<PasskeyFailure, IdentityKey> = {
  cancelled: 'passkey.error.cancelled',
  aborted: 'passkey.error.aborted',
  alreadyRegistered: 'passkey.error.alreadyRegistered',
  security: 'passkey.error.security',
  unsupported: 'passkey.error.unsupported',
  unknown: 'passkey.error.unknown',
};

export function passkeyErrorMessageKey(error: unknown): IdentityKey {
  return PASSKEY_FAILURE_MESSAGES[classifyPasskeyError(error)];
}

function credentialJson(credential: Credential | null): string {
  if (!credential) throw new PasskeyError('cancelled');
  const json = (credential as PublicKeyCredential & { toJSON?: () => unknown }).toJSON?.();
  if (json === undefined) throw new PasskeyError('unsupported');
  return JSON.stringify(json);
}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PasskeyError) throw error;
    throw new PasskeyError(classifyPasskeyError(error), error);
  }
}

export const browserPasskeys: PasskeyApi = {
  create(optionsJson, signal) {
    return ceremony(async () => {
      const api = staticApi();
      if (!passkeysSupported() || !api?.parseCreationOptionsFromJSON) throw new PasskeyError('unsupported');
      const publicKey = api.parseCreationOptionsFromJSON(JSON.parse(optionsJson));
      return credentialJson(await navigator.credentials.create({ publicKey, ...(signal ? { signal } : {}) }));
    });
  },
  get(optionsJson, { mediation, signal } = {}) {
    return ceremony(async () => {
      const api = staticApi();
      if (!passkeysSupported() || !api?.parseRequestOptionsFromJSON) throw new PasskeyError('unsupported');
      const publicKey = api.parseRequestOptionsFromJSON(JSON.parse(optionsJson));
      return credentialJson(
        await navigator.credentials.get({
          publicKey,
          ...(mediation ? { mediation } : {}),
          ...(signal ? { signal } : {}),
        }),
      );
    });
  },
};
