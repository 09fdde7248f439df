// Every name the app stores data under, in one place (IndexedDB stores and localStorage keys).
// Kept free of imports so the first screen can read LOCAL_KEYS without loading `idb`.

export const DB_NAME = 'palm-customs';
export const DB_VERSION = 1;

export const STORES = {
  /** Autosaved form drafts, keyed by a client UUID. */
  drafts: 'drafts',
  /** Submissions waiting to be sent, keyed by their idempotency key. */
  outbox: 'outbox',
  /** File Blobs waiting to upload. */
  files: 'files',
  /** Records a person must be able to show offline (QR codes, bookings). */
  cache: 'cache',
} as const;

export type StoreName = (typeof STORES)[keyof typeof STORES];

export const LOCAL_KEYS = {
  /** The language the person chose with the switcher; absent means "follow the browser". */
  locale: 'palm-customs.locale',
} as const;
