// Messages between pages and the service worker. Shared by src/sw-bridge.ts and src/sw/sw.ts;
// keep it free of DOM- or worker-only types so both tsconfigs compile it.

export const MSG = {
  /** Page -> waiting worker: the person asked for the new version; activate now. */
  skipWaiting: 'SKIP_WAITING',
  /** Worker -> pages: Background Sync fired; send the outbox now. */
  flushOutbox: 'FLUSH_OUTBOX',
  /** Worker -> pages: a push message arrived (the inbox and the badge refetch). */
  pushReceived: 'PUSH_RECEIVED',
  /** Worker -> the page it focused: the person tapped a notification; show this in-app link. */
  openLink: 'OPEN_LINK',
} as const;

/** The Background Sync tag the outbox registers. */
export const OUTBOX_SYNC_TAG = 'palm-outbox';

export type PageToWorkerMessage = { type: typeof MSG.skipWaiting };
export type WorkerToPageMessage =
  | { type: typeof MSG.flushOutbox }
  | { type: typeof MSG.pushReceived; id: string }
  | { type: typeof MSG.openLink; link: string; id: string };

export function isWorkerToPageMessage(data: unknown): data is WorkerToPageMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; id?: unknown; link?: unknown };
  switch (message.type) {
    case MSG.flushOutbox:
      return true;
    case MSG.pushReceived:
      return typeof message.id === 'string';
    case MSG.openLink:
      return typeof message.id === 'string' && typeof message.link === 'string' && isInAppLink(message.link);
    default:
      return false;
  }
}

/** Query parameter of a link opened from a notification with no app window open: its id. */
export const NOTIFICATION_PARAM = 'notification';

/** What a push message carries (backend notifications/push.py `payload_for`). */
export interface PushPayload {
  id: string;
  title: string;
  body: string;
  link: string;
  topic: string;
}

/** Links a notification may open: paths of this app only (never another origin, never a scheme). */
export function isInAppLink(link: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(link) && link.length <= 200;
}

/** Parse a push message's JSON; null when it is not one of ours (never throws). */
export function parsePushPayload(text: string | null | undefined): PushPayload | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const data = raw as Record<string, unknown>;
  const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  const id = str(data.id, 64);
  const title = str(data.title, 200);
  if (!id || !title) return null;
  const link = str(data.link, 200);
  return {
    id,
    title,
    body: str(data.body, 1000),
    link: isInAppLink(link) ? link : '/inbox',
    topic: str(data.topic, 32),
  };
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
  /^\/payments\//,
];

export const SHELL_URL = '/index.html';
