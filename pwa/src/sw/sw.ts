/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NotificationsPushSaveDocument } from '../graphql/generated/graphql';
import { getRecord, putRecord } from '../offline/idb';
import { CACHE_KEYS } from '../offline/keys';
import {
  isInAppLink,
  isPageToWorkerMessage,
  MSG,
  NOTIFICATION_PARAM,
  NAVIGATION_DENYLIST,
  OUTBOX_SYNC_TAG,
  parsePushPayload,
  SHELL_URL,
  type WorkerToPageMessage,
} from './protocol';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

// The app shell: hashed assets, index.html, manifest and icons (list injected at build time).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links work offline: every navigation gets the shell, except server endpoints.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL(SHELL_URL), { denylist: [...NAVIGATION_DENYLIST] }),
);

// No skipWaiting() on install: a new version waits until the person chooses to reload
// (src/sw-bridge.ts), so it never swaps code under an open form.
self.addEventListener('message', (event) => {
  if (isPageToWorkerMessage(event.data) && event.data.type === MSG.skipWaiting) {
    void self.skipWaiting();
  }
});

// Background Sync: the browser wakes us when the connection is back. The pages own the outbox
// (it needs the session, step-up and the app's handlers), so we ask an open page to send it.
// With no page open, the sync stays registered and the next start sends it.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((pages) => {
      const message: WorkerToPageMessage = { type: MSG.flushOutbox };
      for (const page of pages) page.postMessage(message);
    }),
  );
}) as EventListener);

// ---- Web Push ----------------------------------------------------------------------------

const ICON = '/icons/icon-192.png';
const BADGE = '/icons/maskable-192.png';

async function tellPages(message: WorkerToPageMessage): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const page of pages) page.postMessage(message);
}

// A push carries {id, title, body, link, topic} (backend notifications/push.py). `tag: topic`
// makes a newer message about the same subject replace the older one on the lock screen.
// A payload that is not ours (malformed JSON, missing title) still shows something: with
// userVisibleOnly a push without a notification may cost us the subscription.
self.addEventListener('push', (event) => {
  let text: string | null = null;
  try {
    text = event.data?.text() ?? null;
  } catch {
    text = null;
  }
  const payload = parsePushPayload(text);
  const title = payload?.title ?? '掌上海关 Palm Customs';
  const options: NotificationOptions = {
    body: payload?.body ?? '',
    icon: ICON,
    badge: BADGE,
    data: { link: payload?.link ?? '/inbox', id: payload?.id ?? '' },
  };
  if (payload?.topic) options.tag = payload.topic;
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(title, options),
      tellPages({ type: MSG.pushReceived, id: payload?.id ?? '' }),
    ]),
  );
});

function notificationTarget(notification: Notification): { link: string; id: string } {
  const data = notification.data as { link?: unknown; id?: unknown } | null;
  const link = typeof data?.link === 'string' && isInAppLink(data.link) ? data.link : '/inbox';
  return { link, id: typeof data?.id === 'string' ? data.id : '' };
}

// Tapped: reuse an open window of the app (it routes in-app, keeping its state, and marks the
// message read), else open a new one at the link with `?notification=<id>` so the app marks
// it read at start (ShellHeader).
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { link, id } = notificationTarget(event.notification);
  event.waitUntil(
    (async () => {
      const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const page = pages.find((client) => client.focused) ?? pages[0];
      if (page) {
        const message: WorkerToPageMessage = { type: MSG.openLink, link, id };
        page.postMessage(message);
        await page.focus().catch(() => undefined);
        return;
      }
      const url = new URL(link, self.location.origin);
      if (id) url.searchParams.set(NOTIFICATION_PARAM, id);
      await self.clients.openWindow(url.href);
    })(),
  );
});

interface PushDeviceRecord {
  endpoint: string;
  categories: string[];
  device: string;
  resavePending?: boolean;
}

interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}

function base64Url(buffer: ArrayBuffer | null): string {
  if (!buffer) return '';
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The push service replaced our subscription (expired or keys rotated), maybe with no page
// open. We re-subscribe with the same server key and call pushSubscriptionSave from here: the
// session cookie goes with a same-origin fetch. If that fails (offline, session gone), the
// record is marked resavePending and the next /inbox or /me visit saves it.
self.addEventListener('pushsubscriptionchange', ((event: PushSubscriptionChangeEvent) => {
  event.waitUntil(
    (async () => {
      const stored = await getRecord('cache', CACHE_KEYS.pushDevice).catch(() => undefined);
      const device = stored?.value as PushDeviceRecord | undefined;
      if (!device) return; // the person never turned push on (or turned it off)
      let subscription = event.newSubscription;
      if (!subscription) {
        const key = event.oldSubscription?.options.applicationServerKey;
        if (!key) return;
        subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      }
      const next: PushDeviceRecord = { ...device, endpoint: subscription.endpoint, resavePending: true };
      try {
        const response = await fetch('/graphql', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: NotificationsPushSaveDocument.toString(),
            variables: {
              endpoint: subscription.endpoint,
              p256dh: base64Url(subscription.getKey('p256dh')),
              auth: base64Url(subscription.getKey('auth')),
              categories: device.categories,
              device: device.device,
            },
          }),
        });
        const body = (await response.json()) as { data?: { pushSubscriptionSave?: { __typename?: string } } };
        if (body.data?.pushSubscriptionSave?.__typename === 'NotificationDone') next.resavePending = false;
      } catch {
        // Offline: resavePending stays true.
      }
      await putRecord('cache', { key: CACHE_KEYS.pushDevice, value: next, storedAt: Date.now() });
    })(),
  );
}) as EventListener);
