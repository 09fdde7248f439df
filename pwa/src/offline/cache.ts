// Answers kept on this device (the IndexedDB `cache` store) so screens read offline once visited.
// Storage that is full or blocked is not an error: the screen still works online.
import { getRecord, putRecord } from './idb';
import { STORES } from './keys';

export async function cacheGet<T>(key: string): Promise<T | undefined> {
  try {
    return (await getRecord(STORES.cache, key))?.value as T | undefined;
  } catch {
    return undefined;
  }
}

export async function cachePut(key: string, value: unknown): Promise<void> {
  try {
    await putRecord(STORES.cache, { key, value, storedAt: Date.now() });
  } catch {
    // Storage full or blocked.
  }
}
