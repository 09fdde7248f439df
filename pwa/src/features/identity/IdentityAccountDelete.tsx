import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { IdentityAccountDeleteDocument } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { secureRequest } from './identityApi';
import { describeError, describeResult } from './identityErrors';
import { navigate, setSignedIn } from './identitySession';
import { ti } from './identityMessages';

/** Deleting is explained first: what goes, what the law keeps, and that it cannot be undone. */
export function IdentityAccountDelete() {
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!understood) {
      setProblem(ti('delete.confirmRequired'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const outcome = (await secureRequest(IdentityAccountDeleteDocument, {})).accountDelete;
      if (outcome.__typename === 'IdentityDone') {
        setSignedIn(null);
        navigate('/me?deleted=1', { replace: true });
      } else setProblem(describeResult(outcome));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">{ti('delete.heading')}</h2>
      <p>{ti('delete.deleted')}</p>
      <p>{ti('delete.kept')}</p>
      <p>{ti('delete.final')}</p>
      {problem && (
        <Notice kind="error" live="alert" title={t('notice.error')}>
          <p>{problem}</p>
        </Notice>
      )}
      <div class="checkbox">
        <input id="delete-understood" type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
        <label for="delete-understood">{ti('delete.understood')}</label>
      </div>
      <Button variant="secondary" disabled={busy} onClick={() => void remove()}>
        {ti('delete.button')}
      </Button>
    </section>
  );
}
