// Who is signed in, shared by the header and every identity screen.
import { signal } from '@preact/signals';
import { request } from '../../graphql/client';
import { IdentityMeDocument, type IdentityMeFragment } from '../../graphql/generated/graphql';

export type SignedIn = IdentityMeFragment;

/** undefined: not known yet; null: signed out. */
export const me = signal<SignedIn | null | undefined>(undefined);

// The signed-in name is kept on this device (the name only: nothing else about the person), so a
// reload while offline still shows who is signed in. The session itself is the HttpOnly cookie.
const REMEMBERED = 'palm.signedInName';
const REMEMBERED_ROLES = 'palm.officerRoles';

function readName(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function readRoles(): string[] | null {
  try {
    const text = localStorage.getItem(REMEMBERED_ROLES);
    const roles: unknown = text ? JSON.parse(text) : null;
    return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : null;
  } catch {
    return null;
  }
}

/** The last signed-in name on this device, for the header while the server cannot be asked. */
export const rememberedName = signal<string | null>(typeof localStorage === 'undefined' ? null : readName());
/** The last signed-in officer's roles on this device (null: not an officer), for the navigation. */
export const rememberedOfficerRoles = signal<string[] | null>(
  typeof localStorage === 'undefined' ? null : readRoles(),
);

me.subscribe((account) => {
  if (account === undefined) return;
  const name = account ? account.person?.fullName ?? account.officer?.fullName ?? '' : null;
  const roles = account?.officer ? [...account.officer.roles] : null;
  rememberedName.value = name;
  rememberedOfficerRoles.value = roles;
  try {
    if (name !== null) localStorage.setItem(REMEMBERED, name);
    else localStorage.removeItem(REMEMBERED);
    if (roles) localStorage.setItem(REMEMBERED_ROLES, JSON.stringify(roles));
    else localStorage.removeItem(REMEMBERED_ROLES);
  } catch {
    // storage blocked: the header waits for the server next time
  }
});

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
