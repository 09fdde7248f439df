import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blankDraft } from '../src/features/declarations/declarationsModel';
import { loadDraft, saveDraft, syncDraft } from '../src/features/declarations/declarationsStore';
import { closePalmDb } from '../src/offline/idb';

const request = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql/client', () => ({ request }));

describe('declaration drafts synced through offline/draftSync', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    request.mockReset();
  });
  afterEach(async () => {
    await closePalmDb();
  });

  it('stores a conflict with the server copy, then saves over it only when forced', async () => {
    const data = { ...blankDraft(), travelNumber: 'MU5101' };
    await saveDraft({ id: 'd-1', updatedAt: 1, data, serverVersion: 2, unsynced: true });
    request.mockResolvedValueOnce({
      declarationDraftSave: {
        __typename: 'DraftConflictError',
        serverVersion: 3,
        serverDataJson: JSON.stringify({ ...blankDraft(), travelNumber: 'CA981' }),
        updatedAt: '2026-11-27T01:00:00+00:00',
      },
    });

    expect(await syncDraft('d-1')).toBe('conflict');
    expect((request.mock.calls[0]?.[1] as { baseVersion: number }).baseVersion).toBe(2);
    const stored = await loadDraft('d-1');
    expect(stored?.data.travelNumber).toBe('MU5101');
    expect(stored?.conflict?.serverVersion).toBe(3);
    expect(stored?.conflict?.serverData.travelNumber).toBe('CA981');
    expect(await syncDraft('d-1')).toBe('conflict');
    expect(request).toHaveBeenCalledTimes(1);

    request.mockResolvedValueOnce({ declarationDraftSave: { __typename: 'DeclarationDraftSaved', draft: { version: 4 } } });
    expect(await syncDraft('d-1', { force: true })).toBe('synced');
    expect((request.mock.calls[1]?.[1] as { baseVersion: number }).baseVersion).toBe(3);
    expect(await loadDraft('d-1')).toMatchObject({ serverVersion: 4, unsynced: false, conflict: undefined });
  });
});
