// The public keys that sign declaration QR codes, cached on the tablet for offline checks.
import { getRecord, putRecord } from '../../offline/idb';
import { CACHE_KEYS, STORES } from '../../offline/keys';
import { QR_KEY_SET_PATH, type QrKeySet } from '../qr/QrCredential';

export interface CachedKeySet {
  keySet: QrKeySet;
  storedAt: number;
}

export async function cachedKeySet(): Promise<CachedKeySet | null> {
  const record = await getRecord(STORES.cache, CACHE_KEYS.qrKeySet);
  return record ? { keySet: record.value as QrKeySet, storedAt: record.storedAt } : null;
}

/** Fetch the published key set and keep it; on failure the cached one (or null) is returned. */
export async function refreshKeySet(): Promise<CachedKeySet | null> {
  try {
    const response = await fetch(QR_KEY_SET_PATH, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const keySet = (await response.json()) as QrKeySet;
    if (!Array.isArray(keySet.keys)) throw new Error('not a key set');
    const storedAt = Date.now();
    await putRecord(STORES.cache, { key: CACHE_KEYS.qrKeySet, value: keySet, storedAt });
    return { keySet, storedAt };
  } catch {
    return cachedKeySet();
  }
}
