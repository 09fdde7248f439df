import { openDB, type DBSchema, type IDBPDatabase, type StoreKey, type StoreNames, type StoreValue } from 'idb';
import { DB_NAME, DB_VERSION, STORES } from './keys';

export { DB_NAME, DB_VERSION, STORES, type StoreName } from './keys';

// Record shapes are deliberately loose: drafts.ts, outbox.ts and files.ts give them meaning.
export interface DraftRecord {
  id: string;
  kind: string;
  updatedAt: number;
  data: unknown;
}
export interface OutboxRecord {
  id: string; // the idempotency key sent with the submission
  operation: string;
  variables: unknown;
  createdAt: number;
  attempts: number;
  /** pending: send when possible; signIn/stepUp: waits for the person; refused: the server said no. */
  state?: 'pending' | 'signIn' | 'stepUp' | 'refused';
  /** The server's refusal, for the screen that shows it. */
  result?: unknown;
  lastTriedAt?: number;
}
export interface FileRecord {
  id: string;
  name: string;
  type: string;
  blob: Blob;
  createdAt: number;
}
export interface CacheRecord {
  key: string;
  value: unknown;
  storedAt: number;
}

export interface PalmDB extends DBSchema {
  [STORES.drafts]: { key: string; value: DraftRecord; indexes: { byKind: string } };
  [STORES.outbox]: { key: string; value: OutboxRecord; indexes: { byCreatedAt: number } };
  [STORES.files]: { key: string; value: FileRecord };
  [STORES.cache]: { key: string; value: CacheRecord };
}

type Store = StoreNames<PalmDB>;

let dbPromise: Promise<IDBPDatabase<PalmDB>> | null = null;

export function openPalmDb(): Promise<IDBPDatabase<PalmDB>> {
  dbPromise ??= openDB<PalmDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // One block per version; never edit a released block, add the next one.
      if (oldVersion < 1) {
        db.createObjectStore(STORES.drafts, { keyPath: 'id' }).createIndex('byKind', 'kind');
        db.createObjectStore(STORES.outbox, { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
        db.createObjectStore(STORES.files, { keyPath: 'id' });
        db.createObjectStore(STORES.cache, { keyPath: 'key' });
      }
    },
    blocking() {
      // A newer tab wants to upgrade: let it, and reopen on next use.
      void closePalmDb();
    },
  });
  return dbPromise;
}

export async function closePalmDb(): Promise<void> {
  const pending = dbPromise;
  dbPromise = null;
  if (pending) (await pending).close();
}

export async function getRecord<S extends Store>(store: S, key: StoreKey<PalmDB, S>): Promise<StoreValue<PalmDB, S> | undefined> {
  return (await openPalmDb()).get(store, key);
}

export async function putRecord<S extends Store>(store: S, value: StoreValue<PalmDB, S>): Promise<void> {
  await (await openPalmDb()).put(store, value);
}

export async function deleteRecord<S extends Store>(store: S, key: StoreKey<PalmDB, S>): Promise<void> {
  await (await openPalmDb()).delete(store, key);
}

export async function listRecords<S extends Store>(store: S): Promise<StoreValue<PalmDB, S>[]> {
  return (await openPalmDb()).getAll(store);
}

/** Read, change and write one record in a single transaction (no lost update between tabs). */
export async function updateRecord<S extends Store>(
  store: S,
  key: StoreKey<PalmDB, S>,
  change: (current: StoreValue<PalmDB, S> | undefined) => StoreValue<PalmDB, S> | undefined,
): Promise<StoreValue<PalmDB, S> | undefined> {
  const tx = (await openPalmDb()).transaction(store, 'readwrite');
  const next = change(await tx.store.get(key));
  if (next !== undefined) await tx.store.put(next);
  await tx.done;
  return next;
}
