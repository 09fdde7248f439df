import { PageHeading } from '../components/PageHeading';
import { OfficerVerify } from '../features/officer/OfficerVerify';
import { t } from '../i18n';

export default function OfficerVerifyRoute() {
  return (
    <section class="page page--wide">
      <PageHeading title={t('verify.title')}>{t('verify.title')}</PageHeading>
      <OfficerVerify />
    </section>
  );
}
