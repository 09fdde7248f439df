/**
 * The device id (issue #20): a random id this browser keeps, sent as X-Palm-Device with the
 * sign-up operations only, so the server can limit the accounts one device creates an hour
 * (beside the limit per network). It is never derived from anything about the person or the
 * device; clearing site data makes a new one.
 */

const KEY = 'palm.device';
export const DEVICE_HEADER = 'x-palm-device';

function randomId(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This device's id, made on first use (a fresh one each time when storage is refused). */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string {
  try {
    const kept = storage?.getItem(KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const made = randomId();
    storage?.setItem(KEY, made);
    return made;
  } catch {
    return randomId();
  }
}

/** Whether a GraphQL document creates an account (the only requests that carry the id). */
export function isSignUp(document: string): boolean {
  return /\baccountCreate(Start|Finish|WithPassword)\b/.test(document);
}
