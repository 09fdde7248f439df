import { useLocation } from 'preact-iso';
import { PageHeading } from '../components/PageHeading';
import { IdentitySignIn } from '../features/identity/IdentitySignIn';
import { safeReturnPath } from '../features/identity/identitySession';
import { t } from '../i18n';

export default function SignInRoute() {
  const { query } = useLocation();
  return (
    <section class="page">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      <IdentitySignIn returnTo={safeReturnPath(query.next)} />
    </section>
  );
}
