import { PageHeading } from '../components/PageHeading';
import { IdentitySignUp } from '../features/identity/IdentitySignUp';
import { ti } from '../features/identity/identityMessages';

export default function SignUpRoute() {
  return (
    <section class="page">
      <PageHeading title={ti('signUp.title')}>{ti('signUp.title')}</PageHeading>
      <p>{ti('signUp.intro')}</p>
      <IdentitySignUp />
      <p class="link-list">
        <a href="/me/sign-in">{ti('signUp.haveAccount')}</a>
      </p>
    </section>
  );
}
