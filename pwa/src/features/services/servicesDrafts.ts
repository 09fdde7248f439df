// Application drafts synced to the account: what of a draft travels to other devices, how a
// server copy is picked up, and the sync itself (offline/draftSync does the versioning for every
// kind of draft). A fix of an application that came back with corrections stays on this device.
import { request } from '../../graphql/client';
import { ServicesDraftSaveDocument, type ServicesServerDraftFragment } from '../../graphql/generated/graphql';
import { getRecord, listRecords, updateRecord, type DraftRecord } from '../../offline/idb';
import { deviceName, parseServerData, syncVersionedDraft, type DraftConflict, type SaveAnswer, type SyncResult, type SyncedDraft } from '../../offline/draftSync';
import { DRAFT_KINDS, STORES } from '../../offline/keys';
import { ts } from './servicesMessages';
import { applicationDraftId, type ApplicationDraft, type DraftMaterial } from './servicesStore';

export type ServerDraft = ServicesServerDraftFragment;

/** What another device may use: files waiting to upload here are not on that device. */
export interface SharedDraft {
  form: Record<string, string>;
  suggested: Record<string, string>;
  materials: Record<string, { documentId: string }>;
  idempotencyKey: string;
}

/** Where this device's draft stands with the account. */
export interface SyncMeta {
  serverVersion: number;
  unsynced: boolean;
  conflict?: DraftConflict<SharedDraft> | undefined;
}

/** How a draft's device is named to the person ("your phone"). */
export function deviceLabel(device: string | null | undefined): string {
  return ts(device === 'phone' || device === 'tablet' ? `draft.device.${device}` : 'draft.device.browser');
}

export const NEVER_SYNCED: SyncMeta = { serverVersion: 0, unsynced: false };

/** A new application's draft is synced; a fix (`application.fix.<id>`) is not. */
export const isSyncable = (draft: Pick<ApplicationDraft, 'id' | 'itemCode' | 'applicationId'>) =>
  !draft.applicationId && draft.id === applicationDraftId(draft.itemCode);

function strings(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function shareable(draft: ApplicationDraft): SharedDraft {
  const materials: SharedDraft['materials'] = {};
  for (const [code, m] of Object.entries(draft.materials)) if (m.documentId) materials[code] = { documentId: m.documentId };
  return { form: { ...draft.form }, suggested: { ...draft.suggested }, materials, idempotencyKey: draft.idempotencyKey };
}

/** A server copy, read defensively (it was written by another version of the app, maybe). */
export function parseShared(value: unknown): SharedDraft {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const materials: SharedDraft['materials'] = {};
  if (typeof v.materials === 'object' && v.materials !== null)
    for (const [code, m] of Object.entries(v.materials as Record<string, unknown>)) {
      const id = (m as { documentId?: unknown } | null)?.documentId;
      if (typeof id === 'string' && id) materials[code] = { documentId: id };
    }
  return {
    form: strings(v.form),
    suggested: strings(v.suggested),
    materials,
    idempotencyKey: typeof v.idempotencyKey === 'string' && v.idempotencyKey ? v.idempotencyKey : crypto.randomUUID(),
  };
}

/** This device's draft with the server's copy taken in; a file still waiting to upload here is
 * kept for a material the other device left empty. */
export function withServerCopy(itemCode: string, shared: SharedDraft, local?: ApplicationDraft): ApplicationDraft {
  const materials: Record<string, DraftMaterial> = { ...shared.materials };
  for (const [code, m] of Object.entries(local?.materials ?? {})) if (m.pendingFileId && !materials[code]) materials[code] = m;
  return {
    id: applicationDraftId(itemCode),
    itemCode,
    form: shared.form,
    suggested: shared.suggested,
    materials,
    idempotencyKey: shared.idempotencyKey,
  };
}

/**
 * What to do with the account's copy when the apply screen opens: keep this device's draft,
 * take the server's (newer, and nothing here is unsaved), or show both (both changed).
 */
export function pickUp(local: SyncMeta | undefined, server: Pick<ServerDraft, 'version'> | undefined): 'keep' | 'adopt' | 'conflict' {
  if (!server) return 'keep';
  if (!local) return 'adopt';
  if (server.version <= local.serverVersion) return 'keep';
  return local.unsynced ? 'conflict' : 'adopt';
}

// --- on this device ---------------------------------------------------------------------

type Stored = ApplicationDraft & { sync?: SyncMeta | undefined };

function contentOf(draft: Stored): ApplicationDraft {
  const { sync: _sync, ...content } = draft;
  return content;
}

export async function loadSync(id: string): Promise<SyncMeta> {
  const record = await getRecord(STORES.drafts, id);
  return (record?.data as Stored | undefined)?.sync ?? NEVER_SYNCED;
}

/** Write the draft's content. `edited`: the person changed it, so the account's copy is behind. */
export async function storeDraft(draft: ApplicationDraft, { edited }: { edited: boolean }): Promise<void> {
  await updateRecord(STORES.drafts, draft.id, (current) => {
    const before = (current?.data as Stored | undefined)?.sync ?? NEVER_SYNCED;
    const sync: SyncMeta = edited && isSyncable(draft) ? { ...before, unsynced: true } : before;
    // Strictly increasing, so an edit within the same millisecond still reads as newer.
    const updatedAt = Math.max(Date.now(), (current?.updatedAt ?? 0) + 1);
    return { id: draft.id, kind: DRAFT_KINDS.application, updatedAt, data: { ...contentOf(draft), sync } };
  });
}

/** Store the account's copy as this device's draft (at its version, nothing unsaved). */
export async function adoptServerCopy(server: { itemCode: string; version: number; data: SharedDraft }, local?: ApplicationDraft): Promise<ApplicationDraft> {
  const draft = withServerCopy(server.itemCode, server.data, local);
  const sync: SyncMeta = { serverVersion: server.version, unsynced: false };
  await updateRecord(STORES.drafts, draft.id, () => ({ id: draft.id, kind: DRAFT_KINDS.application, updatedAt: Date.now(), data: { ...draft, sync } }));
  return draft;
}

/** `seenUpdatedAt`: the draft as the answer is about; an edit stored since stays unsynced. */
async function setSync(id: string, sync: SyncMeta, seenUpdatedAt?: number): Promise<void> {
  await updateRecord(STORES.drafts, id, (current) => {
    if (!current) return undefined;
    const changed = seenUpdatedAt !== undefined && current.updatedAt !== seenUpdatedAt;
    return { ...current, data: { ...(current.data as Stored), sync: changed ? { ...sync, unsynced: true } : sync } };
  });
}

/** The conflict the apply screen found on opening, kept until the person chooses. */
export async function storeConflict(id: string, server: ServerDraft): Promise<void> {
  const sync = await loadSync(id);
  await setSync(id, {
    ...sync,
    conflict: {
      serverVersion: server.version,
      serverData: parseServerData(server.dataJson, parseShared),
      updatedAt: String(server.updatedAt),
      device: server.device,
    },
  });
}

/** New-application drafts on this device, newest first. */
export async function localDrafts(): Promise<(ApplicationDraft & { updatedAt: number })[]> {
  const records: DraftRecord[] = await listRecords(STORES.drafts);
  return records
    .filter((r) => r.kind === DRAFT_KINDS.application)
    .map((r) => ({ ...contentOf(r.data as Stored), updatedAt: r.updatedAt }))
    .filter((d) => typeof d.itemCode === 'string' && isSyncable(d))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

// --- with the account -------------------------------------------------------------------

type SyncState = SyncedDraft<SharedDraft> & { itemCode: string };

async function loadState(id: string): Promise<SyncState | null> {
  const record = await getRecord(STORES.drafts, id);
  if (!record) return null;
  const stored = record.data as Stored;
  if (!isSyncable(stored)) return null;
  const sync = stored.sync ?? NEVER_SYNCED;
  return { itemCode: stored.itemCode, updatedAt: record.updatedAt, data: shareable(stored), ...sync };
}

async function send(baseVersion: number, state: SyncState): Promise<SaveAnswer> {
  const answer = (
    await request(ServicesDraftSaveDocument, {
      itemCode: state.itemCode,
      baseVersion,
      dataJson: JSON.stringify(state.data),
      device: deviceName(),
    })
  ).applicationDraftSave;
  if (answer.__typename === 'ApplicationDraftSaved') return { kind: 'saved', version: answer.draft.version };
  if (answer.__typename === 'ApplicationDraftConflictError')
    return { kind: 'conflict', serverVersion: answer.serverVersion, serverDataJson: answer.serverDataJson, updatedAt: answer.updatedAt, device: answer.device };
  return { kind: 'refused' };
}

/** Save this device's draft to the account (`force`: over the server copy the person has seen). */
export function syncApplicationDraft(id: string, { force = false }: { force?: boolean } = {}): Promise<SyncResult> {
  return syncVersionedDraft<SharedDraft, SyncState>({
    load: () => loadState(id),
    save: (state) => setSync(id, { serverVersion: state.serverVersion, unsynced: state.unsynced, conflict: state.conflict }, state.updatedAt),
    send,
    parse: parseShared,
    force,
  });
}
