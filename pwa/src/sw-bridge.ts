// The ONLY module that talks to the service worker. It registers it, tells the UI when a new
// version is waiting, and activates that version only when the person asks.
import { computed, signal } from '@preact/signals';
import {
  isWorkerToPageMessage,
  MSG,
  OUTBOX_SYNC_TAG,
  type PageToWorkerMessage,
  type WorkerToPageMessage,
} from './sw/protocol';

export const SW_URL = '/sw.js';
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** A new version is installed and waiting. */
export const updateAvailable = signal(false);

const dirtyForms = signal<ReadonlySet<string>>(new Set());
/** True while any form holds unsaved input: the update must not be applied then. */
export const hasDirtyForm = computed(() => dirtyForms.value.size > 0);

/** Forms call this as their input changes (key = a stable id for the form instance). */
export function setFormDirty(key: string, dirty: boolean): void {
  const next = new Set(dirtyForms.value);
  if (dirty) next.add(key);
  else next.delete(key);
  dirtyForms.value = next;
}

let registration: ServiceWorkerRegistration | null = null;
let reloadRequested = false;
let lastUpdateCheck = 0;

function post(worker: ServiceWorker | null | undefined, message: PageToWorkerMessage): boolean {
  if (!worker) return false;
  worker.postMessage(message);
  return true;
}

function watchInstalling(worker: ServiceWorker | null): void {
  if (!worker) return;
  worker.addEventListener('statechange', () => {
    // "installed" with an existing controller means an update (not the first install).
    if (worker.state === 'installed' && navigator.serviceWorker.controller) updateAvailable.value = true;
  });
}

function checkForUpdate(): void {
  const now = Date.now();
  if (!registration || now - lastUpdateCheck < UPDATE_CHECK_INTERVAL_MS) return;
  lastUpdateCheck = now;
  registration.update().catch(() => {
    // Offline or server down: try again at the next visibility change.
  });
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    registration = await navigator.serviceWorker.register(SW_URL, { scope: '/' });
  } catch {
    return; // the app works without it, only not offline
  }
  lastUpdateCheck = Date.now();
  if (registration.waiting && navigator.serviceWorker.controller) updateAvailable.value = true;
  watchInstalling(registration.installing);
  registration.addEventListener('updatefound', () => watchInstalling(registration?.installing ?? null));

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only reload for a switch the person asked for.
    if (reloadRequested) window.location.reload();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
}

/**
 * Activate the waiting version and reload, because the person pressed "Reload".
 * Refuses (returns false) while a form is dirty.
 */
export function applyUpdate(): boolean {
  if (hasDirtyForm.value) return false;
  const waiting = registration?.waiting;
  if (!waiting) return false;
  reloadRequested = true;
  return post(waiting, { type: MSG.skipWaiting });
}

export function dismissUpdate(): void {
  updateAvailable.value = false;
}

type SyncManagerLike = { register(tag: string): Promise<void> };

/**
 * Ask for a Background Sync of the outbox where the browser has it (Chromium); elsewhere the
 * `online` event and the next start do it. Returns true when a sync was registered.
 */
export async function requestOutboxSync(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  try {
    const ready = registration ?? (await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
    ]));
    const sync = (ready as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | null)?.sync;
    if (!sync) return false;
    await sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}

function onWorkerMessage(handle: (message: WorkerToPageMessage) => void): () => void {
  if (!('serviceWorker' in navigator)) return () => {};
  const listener = (event: MessageEvent) => {
    if (isWorkerToPageMessage(event.data)) handle(event.data);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}

/** Call `flush` when the worker's Background Sync fires. Returns the disposer. */
export function onOutboxSyncRequested(flush: () => void): () => void {
  return onWorkerMessage((message) => {
    if (message.type === MSG.flushOutbox) flush();
  });
}

/** Call `received` when a push message arrives while the app is open. Returns the disposer. */
export function onPushReceived(received: (id: string) => void): () => void {
  return onWorkerMessage((message) => {
    if (message.type === MSG.pushReceived) received(message.id);
  });
}

/** Call `open` when the person taps a notification and the worker picked this page. */
export function onOpenLinkRequested(open: (link: string, id: string) => void): () => void {
  return onWorkerMessage((message) => {
    if (message.type === MSG.openLink) open(message.link, message.id);
  });
}

/**
 * The active registration (for its PushManager), or null when there is no service worker
 * or it is not ready within `timeoutMs` (dev server, blocked, first load still installing).
 */
export async function activeRegistration(timeoutMs = 10_000): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Show the app badge (installed app) with the unread count; clear it at 0. Never throws. */
export function setAppBadge(count: number): void {
  const nav = navigator as Navigator & {
    setAppBadge?: (count?: number) => Promise<void>;
    clearAppBadge?: () => Promise<void>;
  };
  try {
    if (count > 0) void nav.setAppBadge?.(count)?.catch(() => {});
    else void nav.clearAppBadge?.()?.catch(() => {});
  } catch {
    // Not allowed here (not installed, or a browser without badging).
  }
}
