import { useEffect } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { stepUpStatus } from './identityStepUp';
import { ti } from './identityMessages';

/** Says what is happening while a sensitive action asks for a fresh passkey check. */
export function IdentityStepUpNotice() {
  useEffect(() => () => void (stepUpStatus.value = 'idle'), []);
  const status = stepUpStatus.value;
  return (
    <div role="status" aria-live="polite" class="step-up-status">
      {status === 'confirming' && (
        <Notice title={ti('stepUp.confirming.title')}>
          <p>{ti('stepUp.confirming.body')}</p>
        </Notice>
      )}
      {status === 'confirmed' && (
        <Notice kind="success" title={ti('stepUp.confirmed.title')}>
          <p>{ti('stepUp.confirmed.body')}</p>
        </Notice>
      )}
    </div>
  );
}
