import { PageHeading } from '../components/PageHeading';
import { t } from '../i18n';

export default function NotFoundRoute() {
  return (
    <section class="page">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
