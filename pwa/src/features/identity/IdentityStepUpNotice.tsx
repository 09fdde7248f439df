import { useEffect } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { stepUpStatus } from './identityStepUp';

/** Says what is happening while a sensitive action asks for a fresh passkey check. */
export function IdentityStepUpNotice() {
  useEffect(() => () => void (stepUpStatus.value = 'idle'), []);
  const status = stepUpStatus.value;
  return (
    <div role="status" aria-live="polite" class="step-up-status">
      {status === 'confirming' && (
        <Notice title={t('stepUp.confirming.title')}>
          <p>{t('stepUp.confirming.body')}</p>
        </Notice>
      )}
      {status === 'confirmed' && (
        <Notice kind="success" title={t('stepUp.confirmed.title')}>
          <p>{t('stepUp.confirmed.body')}</p>
        </Notice>
      )}
    </div>
  );
}
