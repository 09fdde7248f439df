import { PageHeading } from '../components/PageHeading';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { PaymentReconciliationView } from '../features/payments/PaymentReconciliationView';
import { tp } from '../features/payments/paymentsMessages';
import { t } from '../i18n';

export default function OfficerPaymentsRoute() {
  return (
    <section class="page">
      <PageHeading title={tp('pay.admin.title')}>{tp('pay.admin.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <PaymentReconciliationView />}</IdentityRequireSignIn>
      <p class="link-list">
        <a href="/officer">{t('officer.title')}</a>
      </p>
    </section>
  );
}
