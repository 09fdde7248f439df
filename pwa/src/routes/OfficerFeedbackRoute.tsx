import { PageHeading } from '../components/PageHeading';
import { HelpOfficerFeedback } from '../features/help/HelpOfficerFeedback';
import { th } from '../features/help/helpMessages';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { t } from '../i18n';

export default function OfficerFeedbackRoute() {
  return (
    <section class="page">
      <PageHeading title={th('officer.feedback.heading')}>{th('officer.feedback.heading')}</PageHeading>
      <IdentityRequireSignIn>{() => <HelpOfficerFeedback />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
