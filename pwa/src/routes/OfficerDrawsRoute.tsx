import { PageHeading } from '../components/PageHeading';
import { FairDrawAdmin } from '../features/fairness/FairDrawAdmin';
import { tf } from '../features/fairness/fairMessages';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { t } from '../i18n';

export default function OfficerDrawsRoute() {
  return (
    <section class="page page--wide">
      <PageHeading title={tf('admin.title')}>{tf('admin.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <FairDrawAdmin />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
