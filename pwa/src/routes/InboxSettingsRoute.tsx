import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { tn } from '../features/notifications/notificationsMessages';
import { NotificationsSettings } from '../features/notifications/NotificationsSettings';

export default function InboxSettingsRoute() {
  const title = tn('settings.title');
  return (
    <section class="page">
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{tn('settings.lead')}</p>
      <IdentityRequireSignIn>{() => <NotificationsSettings />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/inbox">{tn('settings.back')}</a>
      </p>
    </section>
  );
}
