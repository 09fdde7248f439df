import { useEffect } from 'preact/hooks';
import { PageHeading } from '../components/PageHeading';
import { IdentitySignedOut } from '../features/identity/IdentitySignedOut';
import { me, refreshMe, signInPath } from '../features/identity/identitySession';
import { NotificationsInbox } from '../features/notifications/NotificationsInbox';
import { tn } from '../features/notifications/notificationsMessages';
import { NotificationsPushPanel } from '../features/notifications/NotificationsPushPanel';
import { t } from '../i18n';

export default function InboxRoute() {
  const account = me.value;
  useEffect(() => {
    if (account === undefined) void refreshMe();
  }, [account]);
  return (
    <section class="page">
      <PageHeading title={t('inbox.title')}>{t('inbox.title')}</PageHeading>
      <p class="lead">{tn('inbox.lead')}</p>
      {account === undefined && <p role="status">{t('loading')}</p>}
      {account === null && (
        <>
          <IdentitySignedOut message={tn('inbox.signIn')} signInHref={signInPath('/inbox')} />
          <p class="link-list">
            <a href="/">{t('building.homeLink')}</a>
          </p>
        </>
      )}
      {account && (
        <>
          <NotificationsInbox />
          <NotificationsPushPanel idPrefix="inbox" officer={account.kind === 'OFFICER'} />
          <p class="link-list">
            <a href="/inbox/settings">{tn('inbox.settingsLink')}</a>
          </p>
        </>
      )}
    </section>
  );
}
