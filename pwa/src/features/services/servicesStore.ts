// The service screens' data on this device: the catalogue as last read (so it reads offline once
// visited), application drafts (written by servicesDrafts, which syncs them), and picture/PDF
// Blobs waiting to upload.
import { deleteRecord, getRecord, putRecord } from '../../offline/idb';
import { CACHE_KEYS, STORES } from '../../offline/keys';
import { locale } from '../../i18n';

export interface LocalizedText {
  zhHans: string;
  zhHant: string;
  en: string;
}

/** The text in the current language (re-renders on a switch). */
export function pick(text: LocalizedText | null | undefined): string {
  if (!text) return '';
  const value = locale.value === 'zh-Hans' ? text.zhHans : locale.value === 'zh-Hant' ? text.zhHant : text.en;
  return value || text.zhHans;
}

/** A data dictionary definition ("Full name of the person") as a sentence, so another sentence can follow it. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || /[.!?。！？]$/.test(trimmed)) return trimmed;
  return /[\u3400-\u9fff]$/.test(trimmed) ? `${trimmed}。` : `${trimmed}.`;
}

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
    // Storage full or blocked: the screen still works online.
  }
}

/** One material of an application draft: a vault document, or a file waiting to upload. */
export interface DraftMaterial {
  documentId?: string | undefined;
  /** Key of the Blob in the `files` store; also the upload's Idempotency-Key. */
  pendingFileId?: string | undefined;
  fileName?: string | undefined;
  issueDate?: string | undefined;
  expiryDate?: string | undefined;
}

export interface ApplicationDraft {
  id: string;
  itemCode: string;
  /** Set when this draft fixes an application that came back with corrections. */
  applicationId?: string | undefined;
  form: Record<string, string>;
  /** Elements whose value came from the profile or an earlier application, not yet confirmed. */
  suggested: Record<string, string>;
  materials: Record<string, DraftMaterial>;
  /** Sent with applicationSubmit: a retry after a lost answer never makes a second application. */
  idempotencyKey: string;
}

export const applicationDraftId = (itemCode: string) => `application.${itemCode}`;
export const fixDraftId = (applicationId: string) => `application.fix.${applicationId}`;

export async function loadApplicationDraft(id: string): Promise<ApplicationDraft | undefined> {
  try {
    return (await getRecord(STORES.drafts, id))?.data as ApplicationDraft | undefined;
  } catch {
    return undefined;
  }
}

export async function deleteApplicationDraft(id: string): Promise<void> {
  await deleteRecord(STORES.drafts, id);
}

export { CACHE_KEYS };
