import { applyUpdate, dismissUpdate, hasDirtyForm, updateAvailable } from '../sw-bridge';
import { t } from '../i18n';
import { Button } from './Button';

/** "New version available — reload". Never reloads by itself, and not while a form is dirty. */
export function UpdatePrompt() {
  if (!updateAvailable.value) return null;
  const dirty = hasDirtyForm.value;
  return (
    <div class="update-prompt" role="status">
      <p class="update-prompt__text">{dirty ? t('update.dirty') : t('update.available')}</p>
      <div class="update-prompt__actions">
        {!dirty && <Button onClick={() => applyUpdate()}>{t('update.reload')}</Button>}
        <Button variant="secondary" onClick={dismissUpdate}>
          {t('update.dismiss')}
        </Button>
      </div>
    </div>
  );
}
