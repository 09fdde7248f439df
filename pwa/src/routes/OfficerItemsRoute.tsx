import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ServicesItemAdmin } from '../features/services/ServicesItemAdmin';
import { ts } from '../features/services/servicesMessages';
import { t } from '../i18n';

export default function OfficerItemsRoute() {
  return (
    <section class="page">
      <PageHeading title={ts('items.title')}>{ts('items.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <ServicesItemAdmin />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
