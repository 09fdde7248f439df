import { useLocation } from 'preact-iso';
import { PageHeading } from '../components/PageHeading';
import { IdentitySignIn } from '../features/identity/IdentitySignIn';
import { safeReturnPath } from '../features/identity/identitySession';
import { ti } from '../features/identity/identityMessages';

export default function SignInRoute() {
  const { query } = useLocation();
  return (
    <section class="page">
      <PageHeading title={ti('signIn.title')}>{ti('signIn.title')}</PageHeading>
      <IdentitySignIn returnTo={safeReturnPath(query.next)} />
    </section>
  );
}
