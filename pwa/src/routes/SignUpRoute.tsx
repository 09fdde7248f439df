import { PageHeading } from '../components/PageHeading';
import { IdentitySignUp } from '../features/identity/IdentitySignUp';
import { t } from '../i18n';

export default function SignUpRoute() {
  return (
    <section class="page">
      <PageHeading title={t('signUp.title')}>{t('signUp.title')}</PageHeading>
      <p>{t('signUp.intro')}</p>
      <IdentitySignUp />
      <p class="link-list">
        <a href="/me/sign-in">{t('signUp.haveAccount')}</a>
      </p>
    </section>
  );
}
