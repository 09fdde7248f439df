import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { IdentitySecurityDocument, IdentitySignOutDocument, type IdentitySecurityQuery } from '../../graphql/generated/graphql';
import { request } from '../../graphql/client';
import { t } from '../../i18n';
import { IdentityAccountDelete } from './IdentityAccountDelete';
import { secureRequest } from './identityApi';
import { describeError } from './identityErrors';
import { IdentityPasskeys } from './IdentityPasskeys';
import { navigate, refreshMe, setSignedIn, type SignedIn } from './identitySession';
import { IdentitySessions } from './IdentitySessions';
import { IdentityStepUpNotice } from './IdentityStepUpNotice';
import { ti } from './identityMessages';

export function IdentitySecurity({ account }: { account: SignedIn }) {
  const [data, setData] = useState<IdentitySecurityQuery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = async () => {
    try {
      setData(await secureRequest(IdentitySecurityDocument, {}));
      setProblem(null);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  useEffect(() => void load(), []);

  const changed = (text: string) => {
    setMessage(text);
    void load();
    void refreshMe();
  };

  const signOut = async () => {
    try {
      await request(IdentitySignOutDocument, {});
    } catch {
      // Signed out already, or offline: either way this device forgets the session below.
    }
    // The server dropped this session's push subscription; the browser forgets it too.
    await import('../notifications/notificationsPush').then((m) => m.forgetPushOnSignOut()).catch(() => {});
    setSignedIn(null);
    navigate('/me', { replace: true });
  };

  return (
    <>
      <IdentityStepUpNotice />
      {message && (
        <Notice kind="success" live="status" title={t('notice.done')}>
          <p>{message}</p>
        </Notice>
      )}
      {problem && (
        <Notice kind="error" live="alert" title={t('notice.error')}>
          <p>{problem}</p>
        </Notice>
      )}
      {account.signInMethod !== 'PASSKEY' && (
        <Notice>
          <p>{ti('security.levelNote')}</p>
        </Notice>
      )}
      {data ? (
        <>
          <IdentityPasskeys passkeys={data.myPasskeys} onChanged={changed} />
          <IdentitySessions sessions={data.mySessions} onChanged={changed} />
        </>
      ) : (
        !problem && <p role="status">{t('loading')}</p>
      )}
      <section aria-labelledby="signout-heading">
        <h2 id="signout-heading">{ti('security.signOut.heading')}</h2>
        <Button onClick={() => void signOut()}>{ti('security.signOut')}</Button>
      </section>
      {account.kind === 'PERSON' && <IdentityAccountDelete />}
    </>
  );
}
