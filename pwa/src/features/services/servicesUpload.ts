// Attach a picture or PDF: pictures are scaled down (long side 1600 px) and re-encoded as JPEG in
// the browser; the Blob waits in IndexedDB (`files` store) until it is sent. Its record id is the
// upload's Idempotency-Key, so an upload cut off and tried again never makes a second document.
import { locale } from '../../i18n';
import { deleteRecord, getRecord, putRecord } from '../../offline/idb';
import { STORES } from '../../offline/keys';

export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.8;

/** The size a picture is drawn at: the long side at most `max`, never enlarged. */
export function scaledSize(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= max) return { width, height };
  const ratio = max / long;
  return { width: Math.round(width * ratio), height: Math.round(height * ratio) };
}

/** A picture downscaled and compressed to JPEG; PDFs and what the browser cannot draw pass unchanged. */
export async function compressImage(file: Blob): Promise<Blob> {
  if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file; // HEIC and the like: the server reads them itself
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return file;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  // Keep the original when re-encoding would not make it smaller.
  return blob && (blob.size < file.size || file.type !== 'image/jpeg') ? blob : file;
}

/** Keep a file on this device until it is sent; returns its id (= Idempotency-Key). */
export async function keepFile(blob: Blob, name: string): Promise<string> {
  const id = crypto.randomUUID();
  await putRecord(STORES.files, { id, name, type: blob.type, blob, createdAt: Date.now() });
  return id;
}

/** A file kept on this device (for its preview), or undefined once it is gone. */
export async function keptFile(id: string): Promise<Blob | undefined> {
  return (await getRecord(STORES.files, id))?.blob;
}

export async function forgetFile(id: string): Promise<void> {
  await deleteRecord(STORES.files, id);
}

export interface UploadedDocument {
  id: string;
  materialCode: string;
  expiryDate: string | null;
}

/** The server refused the file; `field` is `file`, `expiryDate`, `issueDate` … */
export class UploadRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/** The upload never got an answer (offline, cut off): keep the Blob and try again later. */
export class UploadInterrupted extends Error {
  constructor() {
    super('upload interrupted');
    this.name = 'UploadInterrupted';
  }
}

export async function uploadKeptFile({
  fileId,
  materialCode,
  issueDate,
  expiryDate,
  fetchImpl = fetch,
}: {
  fileId: string;
  materialCode: string;
  issueDate?: string | undefined;
  expiryDate?: string | undefined;
  fetchImpl?: typeof fetch;
}): Promise<UploadedDocument> {
  const kept = await getRecord(STORES.files, fileId);
  if (!kept) throw new UploadRefused('missing', 'file missing', 'file', 0);
  // Fields before the file: the server applies the material's size limit as soon as it reads it.
  const body = new FormData();
  body.append('materialCode', materialCode);
  if (issueDate) body.append('issueDate', issueDate);
  if (expiryDate) body.append('expiryDate', expiryDate);
  body.append('file', kept.blob, kept.name);
  let response: Response;
  try {
    response = await fetchImpl('/api/documents', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Idempotency-Key': fileId, 'Accept-Language': locale.value },
      body,
    });
  } catch {
    throw new UploadInterrupted();
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    if (response.status >= 500 || response.ok) throw new UploadInterrupted();
    throw new UploadRefused(response.status === 413 ? 'too_large' : 'http', `HTTP ${response.status}`, 'file', response.status);
  }
  const record = (json ?? {}) as { document?: UploadedDocument; error?: { code?: string; message?: string; field?: string | null } };
  if (response.ok && record.document) {
    await forgetFile(fileId);
    return record.document;
  }
  if (response.status >= 500) throw new UploadInterrupted();
  const error = record.error ?? {};
  throw new UploadRefused(error.code ?? 'http', error.message ?? `HTTP ${response.status}`, error.field ?? null, response.status);
}
