import { FileButton } from '../../components/FileButton';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import type { ServicesDocumentFragment, ServicesMaterialTypeFragment } from '../../graphql/generated/graphql';
import { formatDate } from '../../i18n/format';
import { formatBytes } from './servicesHooks';
import { ts } from './servicesMessages';
import { expiryId, materialId } from './servicesModel';
import { pick, type DraftMaterial } from './servicesStore';
import { compressImage, forgetFile, keepFile, keptFile } from './servicesUpload';

/**
 * The preview of what will be sent: the photo kept on this device, or the image already in the
 * vault. A PDF is named (with its size) rather than drawn: PDF.js is loaded only where one is read.
 */
function usePreview(pendingFileId: string | undefined, chosen: ServicesDocumentFragment | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const chosenImage = chosen && chosen.format.toLowerCase() !== 'pdf' ? chosen.url : null;
  useEffect(() => {
    let live = true;
    let objectUrl: string | null = null;
    setUrl(null);
    if (pendingFileId) {
      void keptFile(pendingFileId).then((blob) => {
        if (!live || !blob || !blob.type.startsWith('image/')) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      });
    } else if (chosenImage) {
      setUrl(chosenImage);
    }
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [pendingFileId, chosenImage]);
  return url;
}

/** A material's new value, or how to change the value it has when the change lands (a photo
 * prepared for seconds keeps an expiry date typed meanwhile). */
export type MaterialChange = DraftMaterial | ((current: DraftMaterial) => DraftMaterial);

/**
 * One material: a document from the vault, or a new one from the camera or a file. A new file
 * is compressed here and kept in IndexedDB; it is uploaded when the application is sent.
 */
export function ServicesMaterialPicker({
  code,
  type,
  required,
  value,
  vault,
  error,
  expiryError,
  changed,
  onChange,
}: {
  code: string;
  type: ServicesMaterialTypeFragment | undefined;
  required: boolean;
  value: DraftMaterial;
  vault: readonly ServicesDocumentFragment[];
  error?: string | undefined;
  expiryError?: string | undefined;
  changed?: boolean;
  onChange: (next: MaterialChange) => void;
}) {
  const [preparing, setPreparing] = useState(false);
  const [size, setSize] = useState<number | null>(null);
  const name = type ? pick(type.name) : code;
  const id = materialId(code);
  const usable = vault.filter((d) => d.materialCode === code && !d.expired);
  const chosen = value.documentId ? vault.find((d) => d.id === value.documentId) : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const preview = usePreview(value.pendingFileId, chosen);

  const pickFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setPreparing(true);
    try {
      const blob = await compressImage(file);
      const baseName = file.name.replace(/\.[^.]+$/, '') || code.toLowerCase();
      const fileName = blob.type === 'image/jpeg' && blob !== file ? `${baseName}.jpg` : file.name;
      const fileId = await keepFile(blob, fileName);
      if (value.pendingFileId) await forgetFile(value.pendingFileId);
      setSize(blob.size);
      onChange((current) => ({ ...current, documentId: undefined, pendingFileId: fileId, fileName }));
    } finally {
      setPreparing(false);
      input.value = '';
    }
  };

  const remove = async () => {
    if (value.pendingFileId) await forgetFile(value.pendingFileId);
    onChange({});
  };

  return (
    <fieldset class={error ? 'field field--error services-material' : 'field services-material'} data-material={code} aria-describedby={errorId}>
      <legend class="field__label">
        {name} <span class="tag">{required ? ts('item.required') : ts('item.optional')}</span>
        {changed && <span class="tag tag--changed">✎</span>}
      </legend>
      {type?.originalOnSite && <p class="services-flag">{ts('item.original')}</p>}
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
      {chosen && <p data-testid={`attached-${code}`}>{ts('apply.attached', { label: chosen.label || name })}{chosen.expiryDate ? ` · ${formatDate(String(chosen.expiryDate))}` : ''}</p>}
      {value.pendingFileId && (
        <p data-testid={`pending-${code}`}>{ts('apply.pending', { name: value.fileName ?? '', size: size === null ? '…' : formatBytes(size) })}</p>
      )}
      {preview && <img class="services-material__preview" src={preview} alt={ts('apply.previewAlt', { name })} data-testid={`preview-${code}`} />}
      {preparing && <p role="status">{ts('apply.preparing')}</p>}
      {usable.length > 0 && (
        <div class="field">
          <label class="field__label" for={`${id}-vault`}>
            {ts('apply.vault')}
          </label>
          <select
            id={`${id}-vault`}
            class="field__input"
            value={value.documentId ?? ''}
            onChange={(e) => {
              const documentId = e.currentTarget.value || undefined;
              if (value.pendingFileId) void forgetFile(value.pendingFileId);
              onChange(documentId ? { documentId } : {});
            }}
          >
            <option value="">{ts('apply.vaultNone')}</option>
            {usable.map((d) => (
              <option key={d.id} value={d.id}>
                {(d.label || name) + ' · ' + formatDate(d.createdAt)}
                {d.expiryDate ? ` → ${String(d.expiryDate)}` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="services-upload">
        <FileButton id={id} label={ts('apply.camera')} accept="image/*" capture="environment" onPick={(input) => void pickFile(input)} />
        <FileButton id={`${id}-file`} label={ts('apply.file')} accept={acceptFor(type)} onPick={(input) => void pickFile(input)} />
      </div>
      {value.pendingFileId && type?.requiresValidity && (
        <Field
          id={expiryId(code)}
          type="date"
          label={ts('apply.expiry')}
          hint={ts('apply.expiryHint')}
          error={expiryError}
          value={value.expiryDate ?? ''}
          onInput={(e) => onChange({ ...value, expiryDate: e.currentTarget.value })}
        />
      )}
      {(value.pendingFileId || value.documentId) && (
        <Button variant="link" onClick={() => void remove()}>
          {ts('apply.remove')}
        </Button>
      )}
    </fieldset>
  );
}

function acceptFor(type: ServicesMaterialTypeFragment | undefined): string {
  const formats = type?.acceptedFormats ?? ['jpeg', 'png', 'pdf'];
  const mime: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', heic: 'image/heic', pdf: 'application/pdf' };
  return formats.map((f) => mime[f.toLowerCase()] ?? '').filter(Boolean).join(',');
}
