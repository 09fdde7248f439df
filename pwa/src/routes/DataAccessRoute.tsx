import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { TransparencyDataAccess } from '../features/transparency/TransparencyDataAccess';
import { tt } from '../features/transparency/transparencyMessages';

export default function DataAccessRoute() {
  return (
    <section class="page">
      <PageHeading title={tt('dataAccess.title')}>{tt('dataAccess.title')}</PageHeading>
      <p>{tt('dataAccess.intro')}</p>
      <IdentityRequireSignIn>{() => <TransparencyDataAccess />}</IdentityRequireSignIn>
    </section>
  );
}
