// The unread count behind the header's inbox badge and the app badge. The ONE piece of the
// notifications feature in the first-screen bundle: a signal, one tiny query, no UI words.
import { effect, signal } from '@preact/signals';
import { request } from '../../graphql/client';
import { NotificationsUnreadCountDocument } from '../../graphql/generated/graphql';
import { onPushReceived, setAppBadge } from '../../sw-bridge';
import { me } from '../identity/identitySession';

/** Unread, not superseded (the server's `unreadNotificationCount`). */
export const unreadCount = signal(0);

/** The inbox already knows the count (its query returns it): no second request. */
export function setUnreadCount(count: number): void {
  unreadCount.value = Math.max(0, count);
  setAppBadge(unreadCount.value);
}

export async function refreshUnreadCount(): Promise<void> {
  if (!me.value) return;
  try {
    setUnreadCount((await request(NotificationsUnreadCountDocument, {})).unreadNotificationCount);
  } catch {
    // Offline or signed out meanwhile: keep what we showed.
  }
}

let started = false;

/** Follow the session (signed in: fetch; signed out: 0) and pushes that arrive while open. */
export function startUnreadBadge(): void {
  if (started) return;
  started = true;
  let accountId: string | null | undefined;
  effect(() => {
    const account = me.value;
    const next = account === undefined ? undefined : (account?.accountId ?? null);
    if (next === accountId) return;
    accountId = next;
    if (next) void refreshUnreadCount();
    else if (next === null) setUnreadCount(0);
  });
  onPushReceived(() => void refreshUnreadCount());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshUnreadCount();
  });
}
