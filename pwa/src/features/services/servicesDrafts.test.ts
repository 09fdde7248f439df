import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closePalmDb } from '../../offline/idb';
import { adoptServerCopy, loadSync, localDrafts, pickUp, shareable, storeDraft, syncApplicationDraft, withServerCopy } from './servicesDrafts';
import { applicationDraftId, fixDraftId, loadApplicationDraft, type ApplicationDraft } from './servicesStore';

const request = vi.hoisted(() => vi.fn());
vi.mock('../../graphql/client', () => ({ request }));

function draft(overrides: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return {
    id: applicationDraftId('PETS_ENTRY'),
    itemCode: 'PETS_ENTRY',
    form: { APPLICANT_NAME: '王小明' },
    suggested: {},
    materials: { PASSPORT: { documentId: 'doc-1' }, PET_PHOTO: { pendingFileId: 'file-1', fileName: 'cat.jpg' } },
    idempotencyKey: 'key-1',
    ...overrides,
  };
}

const saved = (version: number) => ({ applicationDraftSave: { __typename: 'ApplicationDraftSaved', draft: { version } } });
const conflict = (serverVersion: number, data: object) => ({
  applicationDraftSave: {
    __typename: 'ApplicationDraftConflictError',
    serverVersion,
    serverDataJson: JSON.stringify(data),
    updatedAt: '2026-11-27T01:00:00+00:00',
    device: 'tablet',
  },
});

describe('what travels between devices', () => {
  it('takes the server copy only when it is newer, and shows both when both changed', () => {
    expect(pickUp(undefined, undefined)).toBe('keep');
    expect(pickUp(undefined, { version: 3 })).toBe('adopt');
    expect(pickUp({ serverVersion: 3, unsynced: true }, { version: 3 })).toBe('keep');
    expect(pickUp({ serverVersion: 2, unsynced: false }, { version: 3 })).toBe('adopt');
    expect(pickUp({ serverVersion: 2, unsynced: true }, { version: 3 })).toBe('conflict');
  });

  it('leaves files waiting to upload on this device, and keeps them when the other device had none', () => {
    const shared = shareable(draft());
    expect(shared.materials).toEqual({ PASSPORT: { documentId: 'doc-1' } });
    const merged = withServerCopy('PETS_ENTRY', { ...shared, form: { APPLICANT_NAME: '王小红' } }, draft());
    expect(merged.form).toEqual({ APPLICANT_NAME: '王小红' });
    expect(merged.materials.PET_PHOTO?.pendingFileId).toBe('file-1');
    expect(merged.materials.PASSPORT).toEqual({ documentId: 'doc-1' });
  });
});

describe('syncing an application draft', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    request.mockReset();
  });
  afterEach(async () => {
    await closePalmDb();
  });

  it('saves an edited draft from version 0 and remembers the server version', async () => {
    await storeDraft(draft(), { edited: true });
    request.mockResolvedValueOnce(saved(1));

    expect(await syncApplicationDraft(draft().id)).toBe('synced');

    const variables = request.mock.calls[0]?.[1] as { baseVersion: number; dataJson: string; itemCode: string };
    expect(variables.baseVersion).toBe(0);
    expect(variables.itemCode).toBe('PETS_ENTRY');
    expect(JSON.parse(variables.dataJson).materials).toEqual({ PASSPORT: { documentId: 'doc-1' } });
    expect(await loadSync(draft().id)).toEqual({ serverVersion: 1, unsynced: false, conflict: undefined });
    expect((await loadApplicationDraft(draft().id))?.form).toEqual({ APPLICANT_NAME: '王小明' });
  });

  it('keeps a conflict for the person and sends nothing more until they choose', async () => {
    await storeDraft(draft(), { edited: true });
    request.mockResolvedValueOnce(conflict(4, { form: { APPLICANT_NAME: '王小红' }, materials: {}, idempotencyKey: 'key-2' }));

    expect(await syncApplicationDraft(draft().id)).toBe('conflict');
    expect(await syncApplicationDraft(draft().id)).toBe('conflict');
    expect(request).toHaveBeenCalledTimes(1);
    const sync = await loadSync(draft().id);
    expect(sync.conflict?.serverVersion).toBe(4);
    expect(sync.conflict?.serverData.form).toEqual({ APPLICANT_NAME: '王小红' });
    expect(sync.conflict?.device).toBe('tablet');
    // this device's draft is untouched
    expect((await loadApplicationDraft(draft().id))?.form).toEqual({ APPLICANT_NAME: '王小明' });

    // "keep mine": saved over the version the person has seen
    request.mockResolvedValueOnce(saved(5));
    expect(await syncApplicationDraft(draft().id, { force: true })).toBe('synced');
    expect((request.mock.calls[1]?.[1] as { baseVersion: number }).baseVersion).toBe(4);
    expect(await loadSync(draft().id)).toMatchObject({ serverVersion: 5, unsynced: false, conflict: undefined });
  });

  it('"use theirs" takes the server copy in at its version, with nothing left to sync', async () => {
    await storeDraft(draft(), { edited: true });
    const taken = await adoptServerCopy(
      { itemCode: 'PETS_ENTRY', version: 4, data: { form: { APPLICANT_NAME: '王小红' }, suggested: {}, materials: {}, idempotencyKey: 'key-2' } },
      draft(),
    );
    expect(taken.idempotencyKey).toBe('key-2');
    expect(await loadSync(draft().id)).toEqual({ serverVersion: 4, unsynced: false });
    expect((await loadApplicationDraft(draft().id))?.form).toEqual({ APPLICANT_NAME: '王小红' });
  });

  it('an edit made while a save is in flight stays to be synced', async () => {
    await storeDraft(draft(), { edited: true });
    request.mockImplementationOnce(async () => {
      await storeDraft(draft({ form: { APPLICANT_NAME: '王大明' } }), { edited: true });
      return saved(1);
    });

    expect(await syncApplicationDraft(draft().id)).toBe('synced');
    expect(await loadSync(draft().id)).toMatchObject({ serverVersion: 1, unsynced: true });
  });

  it('a draft opened but not edited is not marked for sync, and a fix never syncs', async () => {
    await storeDraft(draft(), { edited: false });
    expect(await loadSync(draft().id)).toEqual({ serverVersion: 0, unsynced: false });
    const fix = draft({ id: fixDraftId('app-1'), applicationId: 'app-1' });
    await storeDraft(fix, { edited: true });
    expect(await syncApplicationDraft(fix.id)).toBe('failed');
    expect(request).not.toHaveBeenCalled();
    expect((await localDrafts()).map((d) => d.id)).toEqual([draft().id]);
  });

  it('offline is told apart from a refusal', async () => {
    await storeDraft(draft(), { edited: true });
    request.mockRejectedValueOnce(Object.assign(new Error('offline'), { kind: 'network' }));
    expect(await syncApplicationDraft(draft().id)).toBe('offline');
    expect(await loadSync(draft().id)).toMatchObject({ serverVersion: 0, unsynced: true });
  });
});
