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

/** Keys of records in the `cache` store. */
export const CACHE_KEYS = {
  dutyRules: 'declarations.rules',
  ports: 'declarations.ports',
  declarantProfile: 'declarations.profile',
  declaration: (id: string) => `declarations.declaration.${id}`,
  declarationList: 'declarations.mine',
  /** idempotency key of a submission -> id of the declaration it created. */
  submission: (key: string) => `declarations.submission.${key}`,
  /** An article photo's kept file id (its upload's Idempotency-Key) -> the vault document it became. */
  articlePhoto: (fileId: string) => `declarations.photo.${fileId}`,
  qrKeySet: 'officer.qrKeys',
  outcome: (key: string) => `officer.outcome.${key}`,
  /** Outcomes recorded on this tablet, newest first (what the officer sees as queued / sent). */
  outcomeLog: 'officer.outcomeLog',
  /** A declaration's payment as last read (state, amounts, the receipt credential), for offline. */
  payment: (declarationId: string) => `payments.declaration.${declarationId}`,
  /**
   * This device's push subscription as last saved to the server ({endpoint, categories, device,
   * resavePending}); the service worker reads it on `pushsubscriptionchange`.
   */
  pushDevice: 'notifications.pushDevice',
  /** The service catalogue as last read (list by query, items, material types, data elements). */
  servicesList: (query: string) => `services.list.${query}`,
  serviceItem: (code: string) => `services.item.${code}`,
  application: (id: string) => `services.application.${id}`,
  /** A booking as last read (with its signed QR), so it shows offline; the list of mine. */
  booking: (id: string) => `appointments.booking.${id}`,
  bookingList: 'appointments.mine',
  /** Check-ins made on this tablet, newest first; the answer to one check-in by its key. */
  checkInLog: 'appointments.checkInLog',
  checkIn: (key: string) => `appointments.checkIn.${key}`,
  /** A knowledge-base article as last read in a language (readable offline, signed out too). */
  helpArticle: (slug: string, language: string) => `help.article.${language}.${slug}`,
  /** Feedback sent from this device: [{reference, trackingCode}] to follow it. */
  feedbackMine: 'help.feedbackMine',
} as const;

/** `kind` of records in the `drafts` store. */
export const DRAFT_KINDS = {
  declaration: 'declaration',
  /** An application (or the fix of one) in progress; id `application.<ITEM>` / `application.fix.<id>`. */
  application: 'application',
  /** An officer's review in progress (annotations, draft corrections); id `review.<reviewId>`. */
  review: 'review',
} as const;

export type StoreName = (typeof STORES)[keyof typeof STORES];

export const LOCAL_KEYS = {
  /** The language the person chose with the switcher; absent means "follow the browser". */
  locale: 'palm-customs.locale',
} as const;
