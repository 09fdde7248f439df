// Article photos: taken or chosen, downscaled in the browser and kept in IndexedDB with the draft
// (the same helpers as the services screens), uploaded to the document vault when online, and
// always before the declaration that refers to them is sent.
import { NetworkError } from '../../graphql/client';
import { getRecord } from '../../offline/idb';
import { STORES } from '../../offline/keys';
import { compressImage, forgetFile, keepFile, UploadInterrupted, UploadRefused, uploadKeptFile } from '../services/servicesUpload';
import { withPhotoDocuments, type DraftPhoto, type PendingPhoto } from './declarationsModel';
import type { DeclarationInput } from '../../graphql/generated/graphql';
import { photoDocument, storePhotoDocument } from './declarationsStore';
import { td } from './declarationsMessages';

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,application/pdf';

/** A picked file, downscaled and kept on this device: the draft refers to it by `fileId`. */
export async function keepPhoto(file: File): Promise<DraftPhoto> {
  const blob = await compressImage(file);
  const base = file.name.replace(/\.[^.]+$/, '') || 'article';
  const name = blob !== file && blob.type === 'image/jpeg' ? `${base}.jpg` : file.name || base;
  const fileId = await keepFile(blob, name);
  return { fileId, name, type: blob.type || file.type };
}

/** Forget a photo that never reached the vault (one already there stays in the person's documents). */
export async function dropPhoto(photo: DraftPhoto | undefined): Promise<void> {
  if (photo && !photo.documentId) await forgetFile(photo.fileId);
}

/** The Blob waiting on this device, for the thumbnail (null once uploaded). */
export async function keptPhotoBlob(fileId: string): Promise<Blob | null> {
  return (await getRecord(STORES.files, fileId))?.blob ?? null;
}

/**
 * The vault document of a kept photo, uploading it if need be. Idempotent: the file id is the
 * upload's key and the answer is remembered, so a retry (from the wizard or the outbox) never
 * uploads twice. Throws UploadInterrupted (try later) or UploadRefused (the person must act).
 */
export function uploadPhoto(fileId: string, materialCode: string): Promise<string> {
  // One upload per file at a time: the wizard and the outbox may both ask for it.
  let running = inFlight.get(fileId);
  if (!running) {
    running = (async () => {
      const known = await photoDocument(fileId);
      if (known) return known;
      const document = await uploadKeptFile({ fileId, materialCode });
      await storePhotoDocument(fileId, document.id);
      return document.id;
    })().finally(() => inFlight.delete(fileId));
    inFlight.set(fileId, running);
  }
  return running;
}

const inFlight = new Map<string, Promise<string>>();

/** Why a photo cannot be used, in the person's language (the vault's own message, translated). */
export function refusal(error: UploadRefused): string {
  return error.code === 'missing' ? td('declare.article.photo.missing') : error.message;
}

/** What the outbox does before sending: every pending photo uploaded, its id in the input. */
export type PhotosReady = { kind: 'ready'; input: DeclarationInput } | { kind: 'refused'; articleKey: string; message: string };

export async function inputWithPhotos(input: DeclarationInput, pending: readonly PendingPhoto[] | undefined): Promise<PhotosReady> {
  const uploaded: Record<string, string> = {};
  for (const photo of pending ?? []) {
    try {
      uploaded[photo.articleKey] = await uploadPhoto(photo.fileId, photo.materialCode);
    } catch (error) {
      // Offline or cut off: the outbox keeps the submission and tries again later.
      if (error instanceof UploadInterrupted) throw new NetworkError(error);
      if (error instanceof UploadRefused) return { kind: 'refused', articleKey: photo.articleKey, message: refusal(error) };
      throw error;
    }
  }
  return { kind: 'ready', input: withPhotoDocuments(input, uploaded) };
}
