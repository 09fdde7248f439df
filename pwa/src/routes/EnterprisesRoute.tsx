import { PageHeading } from '../components/PageHeading';
import { EnterpriseList } from '../features/enterprise/EnterpriseList';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { t } from '../i18n';

export default function EnterprisesRoute() {
  return (
    <section class="page">
      <PageHeading title={t('enterprise.title')}>{t('enterprise.title')}</PageHeading>
      <p>{t('enterprise.intro')}</p>
      <IdentityRequireSignIn>{(account) => <EnterpriseList memberships={account.memberships} />}</IdentityRequireSignIn>
    </section>
  );
}
