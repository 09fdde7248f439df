/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isPageToWorkerMessage, MSG, NAVIGATION_DENYLIST, SHELL_URL } from './protocol';

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
