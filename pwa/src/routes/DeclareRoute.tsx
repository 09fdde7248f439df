import { PageHeading } from '../components/PageHeading';
import { DeclarationStart } from '../features/declarations/DeclarationStart';
import { t } from '../i18n';
import { td } from '../features/declarations/declarationsMessages';

export default function DeclareRoute() {
  return (
    <section class="page">
      <PageHeading title={td('declare.title')}>{td('declare.title')}</PageHeading>
      <DeclarationStart />
      <p class="link-list">
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
