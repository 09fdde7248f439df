// Web Push on this device: ask only after the person taps "Get notifications", subscribe with
// a timeout (some browsers never settle), and tell the server. Errors carry a code the panel
// translates. Page <-> worker talk stays in sw-bridge; this module only uses the registration.
import { request } from '../../graphql/client';
import {
  NotificationsPushDeleteDocument,
  NotificationsPushKeyDocument,
  NotificationsPushSaveDocument,
  type NotificationsOutcomeFragment,
} from '../../graphql/generated/graphql';
import { CACHE_KEYS } from '../../offline/keys';
import { activeRegistration } from '../../sw-bridge';

export const SUBSCRIBE_TIMEOUT_MS = 10_000;

export type PushProblem = 'unsupported' | 'iosInstall' | 'denied' | 'timeout' | 'failed' | 'server' | 'network';

export class PushSetupError extends Error {
  constructor(
    readonly problem: PushProblem,
    message: string = problem,
  ) {
    super(message);
    this.name = 'PushSetupError';
  }
}

/** What we remember about this device's subscription (also read by the service worker). */
export interface PushDeviceRecord {
  endpoint: string;
  categories: string[];
  device: string;
  /** The worker re-subscribed but could not reach the server: the next page load saves it. */
  resavePending?: boolean;
}

export interface PushEnvironment {
  userAgent: string;
  maxTouchPoints: number;
  standalone: boolean;
  hasNotification: boolean;
  hasPushManager: boolean;
  hasServiceWorker: boolean;
}

export function browserPushEnvironment(): PushEnvironment {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone === true || (globalThis.matchMedia?.('(display-mode: standalone)').matches ?? false),
    hasNotification: 'Notification' in globalThis,
    hasPushManager: 'PushManager' in globalThis,
    hasServiceWorker: 'serviceWorker' in nav,
  };
}

function isAppleMobile(env: PushEnvironment): boolean {
  // iPadOS reports itself as a Mac; a Mac with a touch screen is an iPad.
  return /iPad|iPhone|iPod/.test(env.userAgent) || (/Macintosh/.test(env.userAgent) && env.maxTouchPoints > 1);
}

/** Why push cannot work here, or null when it may. iOS Safari only has it for Home Screen apps. */
export function pushBlocker(env: PushEnvironment): 'unsupported' | 'iosInstall' | null {
  if (isAppleMobile(env) && !env.standalone) return 'iosInstall';
  if (!env.hasNotification || !env.hasPushManager || !env.hasServiceWorker) return 'unsupported';
  return null;
}

/** base64url (no padding) -> bytes, for `applicationServerKey`. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** bytes -> base64url without padding, as the server stores p256dh and auth. */
export function bytesToBase64Url(buffer: ArrayBuffer | null): string {
  if (!buffer) return '';
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Rejects with PushSetupError('timeout') when `promise` has not settled in time. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PushSetupError('timeout')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A short label the person recognises in their device list, e.g. "Android · Chrome". */
export function deviceLabel(userAgent: string): string {
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : '';
  return [os, browser].filter(Boolean).join(' · ').slice(0, 80);
}

function checkOutcome(outcome: NotificationsOutcomeFragment): void {
  if (outcome.__typename !== 'NotificationDone') throw new PushSetupError('server', outcome.message);
}

async function readDevice(): Promise<PushDeviceRecord | null> {
  const { getRecord } = await import('../../offline/idb');
  const record = await getRecord('cache', CACHE_KEYS.pushDevice);
  return (record?.value as PushDeviceRecord | undefined) ?? null;
}

async function writeDevice(device: PushDeviceRecord | null): Promise<void> {
  const { deleteRecord, putRecord } = await import('../../offline/idb');
  if (device) await putRecord('cache', { key: CACHE_KEYS.pushDevice, value: device, storedAt: Date.now() });
  else await deleteRecord('cache', CACHE_KEYS.pushDevice);
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await activeRegistration(2_000);
  if (!registration?.pushManager) return null;
  try {
    return await withTimeout(registration.pushManager.getSubscription(), 3_000);
  } catch {
    return null;
  }
}

async function saveToServer(subscription: PushSubscription, categories: string[], device: string): Promise<void> {
  try {
    checkOutcome(
      (
        await request(NotificationsPushSaveDocument, {
          endpoint: subscription.endpoint,
          p256dh: bytesToBase64Url(subscription.getKey('p256dh')),
          auth: bytesToBase64Url(subscription.getKey('auth')),
          categories,
          device,
        })
      ).pushSubscriptionSave,
    );
  } catch (error) {
    if (error instanceof PushSetupError) throw error;
    if (error instanceof Error && error.name === 'NetworkError') throw new PushSetupError('network');
    throw new PushSetupError('server', error instanceof Error ? error.message : String(error));
  }
  await writeDevice({ endpoint: subscription.endpoint, categories, device });
}

/** This device's push state: the categories it gets, or null when it gets none. */
export async function pushState(): Promise<PushDeviceRecord | null> {
  const [subscription, device] = await Promise.all([currentSubscription(), readDevice().catch(() => null)]);
  if (!subscription || !device || device.endpoint !== subscription.endpoint) return null;
  return device;
}

/**
 * The person tapped "Get notifications": permission, subscription (with a timeout), then the
 * server. Throws PushSetupError with the problem the panel explains.
 */
export async function enablePush(
  categories: string[],
  env: PushEnvironment = browserPushEnvironment(),
  timeoutMs = SUBSCRIBE_TIMEOUT_MS,
): Promise<PushDeviceRecord> {
  const blocker = pushBlocker(env);
  if (blocker) throw new PushSetupError(blocker);
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushSetupError('denied');
  if (permission !== 'granted') throw new PushSetupError('failed');
  const registration = await activeRegistration(timeoutMs);
  if (!registration?.pushManager) throw new PushSetupError('unsupported');
  let key: string;
  try {
    key = (await request(NotificationsPushKeyDocument, {})).serverInfo.vapidPublicKey;
  } catch {
    throw new PushSetupError('network');
  }
  let subscription: PushSubscription;
  try {
    const existing = await withTimeout(registration.pushManager.getSubscription(), timeoutMs);
    subscription =
      existing ??
      (await withTimeout(
        registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }),
        timeoutMs,
      ));
  } catch (error) {
    if (error instanceof PushSetupError) throw error;
    if (Notification.permission === 'denied') throw new PushSetupError('denied');
    const name = error instanceof Error ? error.name : '';
    // AbortError: "push service not available"; NotSupportedError: no push in this browser.
    throw new PushSetupError(name === 'NotSupportedError' || name === 'AbortError' ? 'unsupported' : 'failed');
  }
  const device = deviceLabel(env.userAgent);
  await saveToServer(subscription, categories, device);
  return { endpoint: subscription.endpoint, categories, device };
}

/** Change which categories this device gets. */
export async function savePushCategories(categories: string[]): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) throw new PushSetupError('failed');
  const device = (await readDevice().catch(() => null))?.device ?? deviceLabel(navigator.userAgent);
  await saveToServer(subscription, categories, device);
}

/** Turn push off on this device: the server stops, then the browser forgets the subscription. */
export async function disablePush(): Promise<void> {
  const subscription = await currentSubscription();
  if (subscription) {
    const outcome = (await request(NotificationsPushDeleteDocument, { endpoint: subscription.endpoint }))
      .pushSubscriptionDelete;
    if (outcome.__typename !== 'NotificationDone' && !(outcome.__typename === 'NotificationError' && outcome.notificationCode === 'not_found')) {
      throw new PushSetupError('server', outcome.message);
    }
    await subscription.unsubscribe().catch(() => false);
  }
  await writeDevice(null).catch(() => {});
}

/** Sign-out on this device: the server already dropped the subscription; forget it locally. */
export async function forgetPushOnSignOut(): Promise<void> {
  const subscription = await currentSubscription();
  await subscription?.unsubscribe().catch(() => false);
  await writeDevice(null).catch(() => {});
}

/**
 * The worker re-subscribed (`pushsubscriptionchange`) while it could not reach the server
 * (offline, or the page's session was needed): save the new subscription now.
 */
export async function resavePendingSubscription(): Promise<void> {
  const device = await readDevice().catch(() => null);
  if (!device?.resavePending) return;
  const subscription = await currentSubscription();
  if (!subscription) return;
  await saveToServer(subscription, device.categories, device.device).catch(() => {});
}
