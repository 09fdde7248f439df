import { PageHeading } from '../components/PageHeading';
import { OfficerEnrol } from '../features/officer/OfficerEnrol';
import { t } from '../i18n';

export default function OfficerEnrolRoute() {
  return (
    <section class="page page--wide">
      <PageHeading title={t('officer.enrol.title')}>{t('officer.enrol.title')}</PageHeading>
      <p>{t('officer.enrol.intro')}</p>
      <OfficerEnrol />
    </section>
  );
}
