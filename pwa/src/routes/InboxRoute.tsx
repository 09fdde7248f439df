import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { NotificationsInbox } from '../features/notifications/NotificationsInbox';
import { tn } from '../features/notifications/notificationsMessages';
import { NotificationsPushPanel } from '../features/notifications/NotificationsPushPanel';
import { t } from '../i18n';

export default function InboxRoute() {
  return (
    <section class="page">
      <PageHeading title={t('inbox.title')}>{t('inbox.title')}</PageHeading>
      <p class="lead">{tn('inbox.lead')}</p>
      <IdentityRequireSignIn>
        {(account) => (
          <>
            <NotificationsInbox />
            <NotificationsPushPanel idPrefix="inbox" officer={account.kind === 'OFFICER'} />
            <p class="link-list">
              <a href="/inbox/settings">{tn('inbox.settingsLink')}</a>
            </p>
          </>
        )}
      </IdentityRequireSignIn>
    </section>
  );
}
