import { PageHeading } from '../components/PageHeading';
import { EnterpriseList } from '../features/enterprise/EnterpriseList';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ti } from '../features/identity/identityMessages';

export default function EnterprisesRoute() {
  return (
    <section class="page">
      <PageHeading title={ti('enterprise.title')}>{ti('enterprise.title')}</PageHeading>
      <p>{ti('enterprise.intro')}</p>
      <IdentityRequireSignIn>{(account) => <EnterpriseList memberships={account.memberships} />}</IdentityRequireSignIn>
    </section>
  );
}
