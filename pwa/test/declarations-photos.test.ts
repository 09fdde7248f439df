// @vitest-environment node
// Node's own Blob, FormData and Response: what fake-indexeddb stores comes back as a real Blob.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  articleToInput,
  blankArticle,
  blankDraft,
  draftFromDeclaration,
  pendingPhotos,
  photoMaterial,
  refusePhoto,
  setPhotoDocument,
  withPhotoDocuments,
  type DeclarationDraftData,
} from '../src/features/declarations/declarationsModel';
import { inputWithPhotos, keptPhotoBlob } from '../src/features/declarations/declarationsPhotos';
import { keepFile } from '../src/features/services/servicesUpload';
import { NetworkError } from '../src/graphql/client';
import type { DeclarationInput } from '../src/graphql/generated/graphql';
import { closePalmDb } from '../src/offline/idb';

const waiting = { fileId: 'f-1', name: 'receipt.jpg', type: 'image/jpeg' };

function draftWith(): DeclarationDraftData {
  return {
    ...blankDraft(),
    articles: [
      { ...blankArticle(), key: 'a1' },
      { ...blankArticle(), key: 'a2', photo: waiting },
      { ...blankArticle(), key: 'a3', photo: { fileId: 'f-3', documentId: 'doc-3', name: 'r.pdf', type: 'application/pdf' } },
    ],
  };
}

describe('article photos in the draft', () => {
  it('lists only photos not yet in the vault, filed as goods photos or (PDF) receipts', () => {
    expect(pendingPhotos(draftWith().articles)).toEqual([{ articleKey: 'a2', fileId: 'f-1', materialCode: 'PRODUCT_PHOTOS' }]);
    expect(photoMaterial('application/pdf')).toBe('INVOICE');
    expect(photoMaterial('image/png')).toBe('PRODUCT_PHOTOS');
  });

  it('sends the document id of an uploaded photo and nothing for one still waiting', () => {
    const [a1, a2, a3] = draftWith().articles;

    expect(articleToInput(a1!, true).photoDocumentId).toBeNull();
    expect(articleToInput(a2!, true).photoDocumentId).toBeNull();
    expect(articleToInput(a3!, true).photoDocumentId).toBe('doc-3');
  });

  it('records an upload on the article that still holds that file, and a refusal with its reason', () => {
    const uploaded = setPhotoDocument(draftWith(), 'f-1', 'doc-1');
    expect(uploaded.articles[1]?.photo).toEqual({ ...waiting, documentId: 'doc-1' });
    expect(pendingPhotos(uploaded.articles)).toEqual([]);

    const refused = refusePhoto(draftWith(), 'f-1', 'Too large');
    expect(refused.articles[1]?.photo).toBeUndefined();
    expect(refused.articles[1]?.photoRefused).toBe('Too large');
    expect(refused.articles[2]?.photo?.documentId).toBe('doc-3');
  });

  it('fills uploaded ids into the input without touching other articles', () => {
    const input = { articles: [{ key: 'a1' }, { key: 'a2', photoDocumentId: null }] } as unknown as DeclarationInput;

    const filled = withPhotoDocuments(input, { a2: 'doc-2' });

    expect(filled.articles?.map((a) => a.photoDocumentId ?? null)).toEqual([null, 'doc-2']);
  });

  it('keeps photos when amending, not when declaring the same articles on a new trip', () => {
    const past = {
      direction: 'ARRIVING' as const,
      portCode: 'PVG',
      travelMode: 'FLIGHT' as const,
      travelNumber: 'MU 588',
      articles: [
        { key: 'a', traveller: 0, categoryCode: 'cameras', description: 'Camera', quantity: 1, unitValue: '6000.00', currency: 'CNY', indivisible: true, takenOutAgain: false, dutyFreeShop: false, photo: { documentId: 'doc-9', mediaType: 'image/jpeg' } },
      ],
    };

    expect(draftFromDeclaration(past, { keepTraveller: true }).articles[0]?.photo?.documentId).toBe('doc-9');
    expect(draftFromDeclaration(past).articles[0]?.photo).toBeUndefined();
  });
});

describe('uploading photos before the declaration is sent', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await closePalmDb();
  });

  const input = { articles: [{ key: 'a1' }, { key: 'a2' }] } as unknown as DeclarationInput;

  it('uploads a waiting photo once with its file id as the key, then reuses the answer', async () => {
    const fileId = await keepFile(new Blob(['jpeg'], { type: 'image/jpeg' }), 'receipt.jpg');
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      expect(new Headers(init.headers).get('Idempotency-Key')).toBe(fileId);
      expect((init.body as FormData).get('materialCode')).toBe('PRODUCT_PHOTOS');
      return new Response(JSON.stringify({ document: { id: 'doc-1', materialCode: 'PRODUCT_PHOTOS', expiryDate: null } }), { status: 201 });
    });
    vi.stubGlobal('fetch', fetch);
    const pending = [{ articleKey: 'a2', fileId, materialCode: 'PRODUCT_PHOTOS' }];

    const first = await inputWithPhotos(input, pending);
    const again = await inputWithPhotos(input, pending);

    expect(first).toEqual({ kind: 'ready', input: { articles: [{ key: 'a1' }, { key: 'a2', photoDocumentId: 'doc-1' }] } });
    expect(again).toEqual(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await keptPhotoBlob(fileId)).toBeNull();
  });

  it('keeps the photo and asks the outbox to retry when the upload cannot reach the server', async () => {
    const fileId = await keepFile(new Blob(['jpeg'], { type: 'image/jpeg' }), 'receipt.jpg');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    await expect(inputWithPhotos(input, [{ articleKey: 'a2', fileId, materialCode: 'PRODUCT_PHOTOS' }])).rejects.toBeInstanceOf(NetworkError);
    expect(await keptPhotoBlob(fileId)).not.toBeNull();
  });

  it('reports the vault refusing a photo with its message, for the person to fix', async () => {
    const fileId = await keepFile(new Blob(['huge'], { type: 'image/jpeg' }), 'receipt.jpg');
    const refusal = { error: { code: 'too_large', message: 'The file is larger than 10 MB.', field: 'file' } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(refusal), { status: 413 })));

    const result = await inputWithPhotos(input, [{ articleKey: 'a2', fileId, materialCode: 'PRODUCT_PHOTOS' }]);

    expect(result).toEqual({ kind: 'refused', articleKey: 'a2', message: 'The file is larger than 10 MB.' });
  });
});
