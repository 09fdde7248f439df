// Messages between pages and the service worker. Shared by src/sw-bridge.ts and src/sw/sw.ts;
// keep it free of DOM- or worker-only types so both tsconfigs compile it.

export const MSG = {
  /** Page -> waiting worker: the person asked for the new version; activate now. */
  skipWaiting: 'SKIP_WAITING',
  /** Worker -> pages: Background Sync fired; send the outbox now. */
  flushOutbox: 'FLUSH_OUTBOX',
} as const;

/** The Background Sync tag the outbox registers. */
export const OUTBOX_SYNC_TAG = 'palm-outbox';

export type PageToWorkerMessage = { type: typeof MSG.skipWaiting };
export type WorkerToPageMessage = { type: typeof MSG.flushOutbox };

export function isWorkerToPageMessage(data: unknown): data is WorkerToPageMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === MSG.flushOutbox;
}

export function isPageToWorkerMessage(data: unknown): data is PageToWorkerMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === MSG.skipWaiting;
}

/**
 * Navigations the app shell must NOT answer: server endpoints and files.
 * Anything else that is a navigation gets index.html, and the client router decides.
 */
export const NAVIGATION_DENYLIST: readonly RegExp[] = [
  /^\/graphql(?:[/?]|$)/,
  /^\/healthz(?:[/?]|$)/,
  /^\/readyz(?:[/?]|$)/,
  /^\/api\//,
  /^\/\.well-known\//,
  /^\/files\//,
];

export const SHELL_URL = '/index.html';
