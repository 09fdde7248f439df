import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { IdentitySecurity } from '../features/identity/IdentitySecurity';
import { ti } from '../features/identity/identityMessages';

export default function SecurityRoute() {
  return (
    <section class="page">
      <PageHeading title={ti('security.title')}>{ti('security.title')}</PageHeading>
      <IdentityRequireSignIn>{(account) => <IdentitySecurity account={account} />}</IdentityRequireSignIn>
    </section>
  );
}
