// Declarations in IndexedDB: drafts (autosaved, synced to the account), the cached duty rules and
// ports, the declarant's profile and submitted declarations (shown offline).
import { request } from '../../graphql/client';
import {
  DeclarationDraftSaveDocument,
  DeclarationRulesDocument,
  type DeclarationFullFragment,
  type DeclarationRulesQuery,
} from '../../graphql/generated/graphql';
import { deleteRecord, getRecord, listRecords, putRecord, type DraftRecord } from '../../offline/idb';
import { deviceName, syncVersionedDraft, type SyncResult, type SyncedDraft } from '../../offline/draftSync';
import { CACHE_KEYS, DRAFT_KINDS, STORES } from '../../offline/keys';
import { parseDraft, type DeclarantProfile, type DeclarationDraftData } from './declarationsModel';

export type DutyRules = DeclarationRulesQuery['dutyRules'];
export type Port = DeclarationRulesQuery['ports']['nodes'][number];
export interface CachedRules {
  rules: DutyRules;
  ports: Port[];
  storedAt: number;
}

/** A draft as stored: the person's data plus what we know of its copy on the server. */
export interface DraftState extends SyncedDraft<DeclarationDraftData> {
  id: string;
}

function toState(record: DraftRecord): DraftState {
  const meta = (record.data ?? {}) as Partial<Omit<DraftState, 'data'>> & { draft?: unknown };
  return {
    id: record.id,
    updatedAt: record.updatedAt,
    data: parseDraft(meta.draft),
    serverVersion: typeof meta.serverVersion === 'number' ? meta.serverVersion : 0,
    unsynced: meta.unsynced !== false,
    conflict: meta.conflict,
  };
}

export async function saveDraft(state: DraftState): Promise<void> {
  const { id, updatedAt, data, ...meta } = state;
  await putRecord(STORES.drafts, { id, kind: DRAFT_KINDS.declaration, updatedAt, data: { ...meta, draft: data } });
}

export async function loadDraft(id: string): Promise<DraftState | null> {
  const record = await getRecord(STORES.drafts, id);
  return record && record.kind === DRAFT_KINDS.declaration ? toState(record) : null;
}

export async function listDrafts(): Promise<DraftState[]> {
  const all = await listRecords(STORES.drafts);
  return all
    .filter((r) => r.kind === DRAFT_KINDS.declaration)
    .map(toState)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function discardDraft(id: string): Promise<void> {
  await deleteRecord(STORES.drafts, id);
}

// --- cached reference data ---------------------------------------------------------------

async function cached<T>(key: string): Promise<{ value: T; storedAt: number } | null> {
  const record = await getRecord(STORES.cache, key);
  return record ? { value: record.value as T, storedAt: record.storedAt } : null;
}

async function store(key: string, value: unknown): Promise<void> {
  await putRecord(STORES.cache, { key, value, storedAt: Date.now() });
}

/** The cached rules at once (may be null), then the fresh ones when the server answers. */
export async function cachedRules(): Promise<CachedRules | null> {
  const rules = await cached<DutyRules>(CACHE_KEYS.dutyRules);
  const ports = await cached<Port[]>(CACHE_KEYS.ports);
  return rules && ports ? { rules: rules.value, ports: ports.value, storedAt: rules.storedAt } : null;
}

export async function refreshRules(): Promise<CachedRules> {
  const data = await request(DeclarationRulesDocument, {});
  await store(CACHE_KEYS.dutyRules, data.dutyRules);
  await store(CACHE_KEYS.ports, data.ports.nodes);
  return { rules: data.dutyRules, ports: [...data.ports.nodes], storedAt: Date.now() };
}

export async function cachedProfile(): Promise<DeclarantProfile | null> {
  return (await cached<DeclarantProfile>(CACHE_KEYS.declarantProfile))?.value ?? null;
}

export async function storeProfile(profile: DeclarantProfile): Promise<void> {
  await store(CACHE_KEYS.declarantProfile, profile);
}

export async function cachedDeclaration(id: string): Promise<DeclarationFullFragment | null> {
  return (await cached<DeclarationFullFragment>(CACHE_KEYS.declaration(id)))?.value ?? null;
}

export async function storeDeclaration(declaration: DeclarationFullFragment): Promise<void> {
  await store(CACHE_KEYS.declaration(declaration.id), declaration);
}

export async function cachedDeclarationList(): Promise<DeclarationFullFragment[] | null> {
  return (await cached<DeclarationFullFragment[]>(CACHE_KEYS.declarationList))?.value ?? null;
}

export async function storeDeclarationList(list: readonly DeclarationFullFragment[]): Promise<void> {
  await store(CACHE_KEYS.declarationList, list);
  for (const d of list) await storeDeclaration(d);
}

export async function submissionResult(key: string): Promise<string | null> {
  return (await cached<string>(CACHE_KEYS.submission(key)))?.value ?? null;
}

export async function storeSubmissionResult(key: string, declarationId: string): Promise<void> {
  await store(CACHE_KEYS.submission(key), declarationId);
}

export async function photoDocument(fileId: string): Promise<string | null> {
  return (await cached<string>(CACHE_KEYS.articlePhoto(fileId)))?.value ?? null;
}

export async function storePhotoDocument(fileId: string, documentId: string): Promise<void> {
  await store(CACHE_KEYS.articlePhoto(fileId), documentId);
}

// --- sync with the account ------------------------------------------------------------------

/**
 * Save the draft to the account. A newer version on the server comes back as a conflict that
 * is stored with the draft for the person to resolve: nothing is overwritten silently.
 * `force` saves over the server's version the person has seen and chosen to replace.
 */
export function syncDraft(id: string, { force = false }: { force?: boolean } = {}): Promise<SyncResult> {
  return syncVersionedDraft<DeclarationDraftData, DraftState>({
    load: () => loadDraft(id),
    save: saveDraft,
    send: async (baseVersion, state) => {
      const result = (
        await request(DeclarationDraftSaveDocument, {
          draftId: id,
          baseVersion,
          dataJson: JSON.stringify(state.data),
          device: deviceName(),
        })
      ).declarationDraftSave;
      if (result.__typename === 'DeclarationDraftSaved') return { kind: 'saved', version: result.draft.version };
      if (result.__typename === 'DraftConflictError')
        return { kind: 'conflict', serverVersion: result.serverVersion, serverDataJson: result.serverDataJson, updatedAt: result.updatedAt };
      return { kind: 'refused' };
    },
    parse: parseDraft,
    force,
  });
}
