import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ServicesMaterialAdmin } from '../features/services/ServicesMaterialAdmin';
import { ts } from '../features/services/servicesMessages';
import { t } from '../i18n';

export default function OfficerMaterialsRoute() {
  return (
    <section class="page">
      <PageHeading title={ts('materials.title')}>{ts('materials.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <ServicesMaterialAdmin />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
