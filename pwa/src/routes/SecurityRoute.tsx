import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { IdentitySecurity } from '../features/identity/IdentitySecurity';
import { t } from '../i18n';

export default function SecurityRoute() {
  return (
    <section class="page">
      <PageHeading title={t('security.title')}>{t('security.title')}</PageHeading>
      <IdentityRequireSignIn>{(account) => <IdentitySecurity account={account} />}</IdentityRequireSignIn>
    </section>
  );
}
