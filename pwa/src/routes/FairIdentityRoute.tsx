import { PageHeading } from '../components/PageHeading';
import { FairIdentity } from '../features/fairness/FairIdentity';
import { tf } from '../features/fairness/fairMessages';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { t } from '../i18n';

export default function FairIdentityRoute() {
  return (
    <section class="page">
      <PageHeading title={tf('identity.title')}>{tf('identity.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <FairIdentity />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/me">{t('nav.me')}</a>
      </p>
    </section>
  );
}
