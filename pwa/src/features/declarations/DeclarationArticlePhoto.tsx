import { FileButton } from '../../components/FileButton';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { UploadRefused } from '../services/servicesUpload';
import { pendingPhotos, refusePhoto, setPhotoDocument, type DeclarationDraftData, type DraftArticle } from './declarationsModel';
import { dropPhoto, keepPhoto, keptPhotoBlob, PHOTO_ACCEPT, refusal, uploadPhoto } from './declarationsPhotos';
import './declarations.css';
import { td } from './declarationsMessages';

type Update = (change: (draft: DeclarationDraftData) => DeclarationDraftData) => void;

/**
 * Upload the draft's waiting photos whenever this device is online (now, and on `online`):
 * each one's document id is written into the draft. A refused photo is removed, with the reason.
 */
export function usePhotoUploads(draft: DeclarationDraftData | undefined, update: Update): void {
  const pending = draft ? pendingPhotos(draft.articles) : [];
  const signature = pending.map((p) => p.fileId).join(',');
  useEffect(() => {
    if (!signature) return;
    let live = true;
    const run = () => {
      if (!navigator.onLine) return;
      for (const photo of pending) {
        uploadPhoto(photo.fileId, photo.materialCode).then(
          (documentId) => live && update((d) => setPhotoDocument(d, photo.fileId, documentId)),
          (error: unknown) => {
            if (!live || !(error instanceof UploadRefused)) return; // interrupted: next time
            const message = refusal(error);
            void dropPhoto({ fileId: photo.fileId, name: '', type: '' });
            update((d) => refusePhoto(d, photo.fileId, message));
          },
        );
      }
    };
    run();
    addEventListener('online', run);
    return () => {
      live = false;
      removeEventListener('online', run);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
}

/** The thumbnail: the Blob on this device, else the uploaded file (only when online). */
function useThumbnail(article: DraftArticle): string | null {
  const photo = article.photo;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let objectUrl: string | null = null;
    setUrl(null);
    if (!photo || photo.type === 'application/pdf') return;
    void keptPhotoBlob(photo.fileId).then((blob) => {
      if (!live) return;
      if (blob) {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      } else if (photo.documentId && navigator.onLine) {
        setUrl(`/files/${encodeURIComponent(photo.documentId)}`);
      }
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photo?.fileId, photo?.documentId]);
  return url;
}

/** "Add a photo of the receipt or article": optional, from the camera or a file, with a thumbnail. */
export function DeclarationArticlePhoto({ article, update }: { article: DraftArticle; update: Update }) {
  const [preparing, setPreparing] = useState(false);
  const thumbnail = useThumbnail(article);
  const photo = article.photo;
  const id = 'article-photo';
  const describe = article.description.trim() || td('declare.articles.unnamed');
  const setPhoto = (change: (a: DraftArticle) => DraftArticle) =>
    update((d) => ({ ...d, articles: d.articles.map((a) => (a.key === article.key ? change(a) : a)) }));

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setPreparing(true);
    try {
      const kept = await keepPhoto(file);
      await dropPhoto(photo);
      setPhoto((a) => ({ ...a, photo: kept, photoRefused: undefined }));
    } finally {
      setPreparing(false);
      input.value = '';
    }
  };

  const remove = async () => {
    await dropPhoto(photo);
    setPhoto((a) => ({ ...a, photo: undefined, photoRefused: undefined }));
  };

  const errorId = article.photoRefused ? `${id}-error` : undefined;
  return (
    <fieldset class={article.photoRefused ? 'field field--error declaration-photo' : 'field declaration-photo'} aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}>
      <legend class="field__label">{td('declare.article.photo.legend')}</legend>
      <p class="field__hint" id={`${id}-hint`}>
        {td('declare.article.photo.hint')}
      </p>
      {article.photoRefused && (
        <p class="field__error" id={errorId}>
          {article.photoRefused}
        </p>
      )}
      {photo && (
        <div data-testid="article-photo">
          {thumbnail ? (
            <img class="declaration-photo__thumb" src={thumbnail} alt={td('declare.article.photo.alt', { description: describe })} />
          ) : (
            <p>{photo.type === 'application/pdf' ? td('declare.article.photo.pdf', { name: photo.name }) : td('declare.article.photo.added')}</p>
          )}
          <p role="status" data-testid="article-photo-status">
            {photo.documentId ? td('declare.article.photo.uploaded') : td('declare.article.photo.pending')}
          </p>
          <Button variant="link" onClick={() => void remove()}>
            {td('declare.article.photo.remove')}
            <span class="visually-hidden"> {describe}</span>
          </Button>
        </div>
      )}
      {preparing && <p role="status">{td('declare.article.photo.preparing')}</p>}
      <div class="declaration-photo__inputs">
        <FileButton
          id={id}
          label={td(photo ? 'declare.article.photo.cameraAgain' : 'declare.article.photo.camera')}
          accept="image/*"
          capture="environment"
          onPick={(input) => void pick(input)}
        />
        <FileButton id={`${id}-file`} label={td('declare.article.photo.file')} accept={PHOTO_ACCEPT} onPick={(input) => void pick(input)} />
      </div>
    </fieldset>
  );
}
