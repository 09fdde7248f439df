// Who is signed in, shared by the header and every identity screen.
import { signal } from '@preact/signals';
import { request } from '../../graphql/client';
import { IdentityMeDocument, type IdentityMeFragment } from '../../graphql/generated/graphql';

export type SignedIn = IdentityMeFragment;

/** undefined: not known yet; null: signed out. */
export const me = signal<SignedIn | null | undefined>(undefined);

let pending: Promise<SignedIn | null> | null = null;

/** Ask the server who we are (the session cookie is HttpOnly). Offline keeps the last answer. */
export function refreshMe(): Promise<SignedIn | null> {
  pending ??= request(IdentityMeDocument, {})
    .then((data) => {
      me.value = data.me ?? null;
      return me.value;
    })
    .catch(() => me.value ?? null)
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function setSignedIn(account: SignedIn | null): void {
  me.value = account;
}

export function displayName(account: SignedIn): string {
  return account.person?.fullName ?? account.officer?.fullName ?? '';
}

/** A same-site path to come back to after signing in; anything else becomes /me. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/me';
  return value;
}

/** Client-side navigation from outside a component (preact-iso listens to popstate). */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function signInPath(returnTo: string): string {
  return `/me/sign-in?next=${encodeURIComponent(safeReturnPath(returnTo))}`;
}
