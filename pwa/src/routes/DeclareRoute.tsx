import { PageHeading } from '../components/PageHeading';
import { DeclarationStart } from '../features/declarations/DeclarationStart';
import { t } from '../i18n';

export default function DeclareRoute() {
  return (
    <section class="page">
      <PageHeading title={t('declare.title')}>{t('declare.title')}</PageHeading>
      <DeclarationStart />
      <p class="link-list">
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
