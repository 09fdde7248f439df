// Me › Real-name verification: how far the person's identity document has been checked, and
// the ways to a real check (a window, or the real-name service when one is configured).
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { client, request } from '../../graphql/client';
import { FairMyIdentityDocument, FairVerifyOnlineDocument, type FairMyIdentityQuery } from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { tf, tfMaybe } from './fairMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
type Status = NonNullable<FairMyIdentityQuery['myIdentity']>;

export function FairIdentity() {
  const [status, setStatus] = useState<Status | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () =>
    request(FairMyIdentityDocument)
      .then((data) => setStatus(data.myIdentity))
      .catch((error) => setProblem(describeError(error)));
  useEffect(() => void load(), []);

  const verify = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const result = (await secure(FairVerifyOnlineDocument, {})).identityVerifyOnline;
      if (result.__typename === 'TooManyAttempts') setProblem(tf('identity.wait', { hours: Math.ceil(result.retryAfterSeconds / 3600) }));
      else if (result.__typename === 'AccountError') setProblem(result.message);
      await load();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  if (status === undefined) return <p role="status">{problem ?? tf('loading')}</p>;
  if (status === null) return null;
  const verified = status.level === 'VERIFIED';
  return (
    <div class="stack" data-testid="identity-status" data-level={status.level}>
      <p>{tf('identity.lead')}</p>
      <Notice kind={verified ? 'success' : 'info'} title={tfMaybe(`identity.level.${status.level}`) ?? status.level}>
        {verified && status.method && <p>{tfMaybe(`identity.method.${status.method}`)}</p>}
        {verified && status.verifiedAt && (
          <p>{tf('identity.at', { at: new Intl.DateTimeFormat(locale.value, { dateStyle: 'long' }).format(new Date(status.verifiedAt)) })}</p>
        )}
      </Notice>
      {problem && (
        <Notice kind="error" live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {!verified && (
        <>
          <p>{tf('identity.window')}</p>
          {status.onlineAvailable ? (
            <div class="stack">
              <p class="field__hint" id="identity-online-hint">
                {tf('identity.online.hint')}
              </p>
              <Button onClick={() => void verify()} disabled={busy} aria-describedby="identity-online-hint">
                {tf('identity.online.button')}
              </Button>
            </div>
          ) : (
            <p>{tf('identity.online.none')}</p>
          )}
        </>
      )}
      {verified && <p>{tf('identity.online.done')}</p>}
    </div>
  );
}
