import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closePalmDb, DB_NAME, deleteRecord, getRecord, listRecords, openPalmDb, putRecord, STORES } from '../src/offline/idb';

describe('IndexedDB wrapper', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(async () => {
    await closePalmDb();
  });

  it('creates the named stores', async () => {
    const db = await openPalmDb();

    expect(db.name).toBe(DB_NAME);
    expect([...db.objectStoreNames].sort()).toEqual(['cache', 'drafts', 'files', 'outbox']);
    expect(Object.values(STORES).sort()).toEqual(['cache', 'drafts', 'files', 'outbox']);
  });

  it('keeps a draft across closing and reopening the database', async () => {
    await putRecord(STORES.drafts, { id: 'd-1', kind: 'declaration', updatedAt: 1, data: { articles: 2 } });
    await closePalmDb();

    const draft = await getRecord(STORES.drafts, 'd-1');

    expect(draft).toEqual({ id: 'd-1', kind: 'declaration', updatedAt: 1, data: { articles: 2 } });
  });

  it('replaces a record with the same key instead of adding a second one', async () => {
    await putRecord(STORES.outbox, { id: 'idem-1', operation: 'declarationSubmit', variables: {}, createdAt: 1, attempts: 0 });
    await putRecord(STORES.outbox, { id: 'idem-1', operation: 'declarationSubmit', variables: {}, createdAt: 1, attempts: 1 });

    const all = await listRecords(STORES.outbox);

    expect(all).toHaveLength(1);
    expect(all[0]?.attempts).toBe(1);
  });

  it('deletes a record and keys the cache store by "key"', async () => {
    await putRecord(STORES.cache, { key: 'booking:1', value: { qr: 'x' }, storedAt: 5 });
    expect(await getRecord(STORES.cache, 'booking:1')).toBeDefined();

    await deleteRecord(STORES.cache, 'booking:1');

    expect(await getRecord(STORES.cache, 'booking:1')).toBeUndefined();
  });
});
