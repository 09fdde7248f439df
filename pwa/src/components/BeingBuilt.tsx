import { PageHeading } from './PageHeading';
import { t } from '../i18n';

/** The honest placeholder for a journey that has not been built yet. */
export function BeingBuilt({ title }: { title: string }) {
  return (
    <section class="page">
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('building.body')}</p>
      <p>
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
