import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { NotificationsPublish } from '../features/notifications/NotificationsPublish';
import { tn } from '../features/notifications/notificationsMessages';
import { t } from '../i18n';

export default function OfficerNoticesRoute() {
  return (
    <section class="page">
      <PageHeading title={tn('publish.title')}>{tn('publish.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <NotificationsPublish />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
