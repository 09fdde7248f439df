import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { IdentitySignedOut } from '../features/identity/IdentitySignedOut';
import { IdentityProfile } from '../features/identity/IdentityProfile';
import { displayName, me, refreshMe } from '../features/identity/identitySession';
import { NotificationsPushPanel } from '../features/notifications/NotificationsPushPanel';
import { t } from '../i18n';
import { ti } from '../features/identity/identityMessages';

export default function MeRoute() {
  const { query } = useLocation();
  const account = me.value;
  useEffect(() => void refreshMe(), []);
  const title = account ? displayName(account) || ti('me.title') : ti('me.title');
  return (
    <section class="page">
      <PageHeading title={title}>{title}</PageHeading>
      {query.deleted && (
        <Notice kind="success" live="status" title={t('notice.done')}>
          <p>{ti('delete.done')}</p>
        </Notice>
      )}
      {account === undefined && <p role="status">{t('loading')}</p>}
      {account === null && (
        <>
          <IdentitySignedOut message={ti('me.signedOut.body')} signInHref="/me/sign-in" />
          <p class="link-list">
            <a href="/">{t('building.homeLink')}</a>
          </p>
        </>
      )}
      {account && <IdentityProfile account={account} />}
      {account && <NotificationsPushPanel idPrefix="me" officer={account.kind === 'OFFICER'} />}
    </section>
  );
}
