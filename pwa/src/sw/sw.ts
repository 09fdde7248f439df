/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isPageToWorkerMessage, MSG, NAVIGATION_DENYLIST, OUTBOX_SYNC_TAG, SHELL_URL, type WorkerToPageMessage } from './protocol';

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
