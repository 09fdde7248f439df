// The service screens' data on this device: the catalogue as last read (so it reads offline once
// visited), application drafts (written by servicesDrafts, which syncs them), and picture/PDF
// Blobs waiting to upload.
import { cacheGet, cachePut } from '../../offline/cache';
import { deleteRecord, getRecord } from '../../offline/idb';
import { CACHE_KEYS, STORES } from '../../offline/keys';

export { pick, type LocalizedText } from '../../i18n/localized';
export { cacheGet, cachePut };

/** A data dictionary definition ("Full name of the person") as a sentence, so another sentence can follow it. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || /[.!?。！？]$/.test(trimmed)) return trimmed;
  return /[\u3400-\u9fff]$/.test(trimmed) ? `${trimmed}。` : `${trimmed}.`;
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
