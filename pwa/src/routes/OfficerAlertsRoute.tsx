import { PageHeading } from '../components/PageHeading';
import { AlertsView } from '../features/alerts/AlertsView';
import { ta } from '../features/alerts/alertsMessages';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { t } from '../i18n';

export default function OfficerAlertsRoute() {
  return (
    <section class="page">
      <PageHeading title={ta('alerts.title')}>{ta('alerts.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <AlertsView />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
