import { PageHeading } from '../components/PageHeading';
import { HelpOfficerArticles } from '../features/help/HelpOfficerArticles';
import { th } from '../features/help/helpMessages';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { t } from '../i18n';

export default function OfficerArticlesRoute() {
  return (
    <section class="page">
      <PageHeading title={th('officer.articles.heading')}>{th('officer.articles.heading')}</PageHeading>
      <IdentityRequireSignIn>{() => <HelpOfficerArticles />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
