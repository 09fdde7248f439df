import { PageHeading } from '../components/PageHeading';
import { OfficerVerify } from '../features/officer/OfficerVerify';
import { td } from '../features/declarations/declarationsMessages';

export default function OfficerVerifyRoute() {
  return (
    <section class="page page--wide">
      <PageHeading title={td('verify.title')}>{td('verify.title')}</PageHeading>
      <OfficerVerify />
    </section>
  );
}
