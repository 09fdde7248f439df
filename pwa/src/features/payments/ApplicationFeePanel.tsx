// The applicant's fee payment on the application page, current state first: what the service
// charges, whether it is due now, paid, and the receipt. The amount is always the server's (the
// fee frozen into the application). Shown from this device's copy when offline.
import { Notice } from '../../components/Notice';
import { client, request } from '../../graphql/client';
import {
  PaymentApplicationFeeStartDocument,
  PaymentOfApplicationFeeDocument,
  type ApplicationFeePaymentFieldsFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { money } from './money';
import { PaymentActions } from './PaymentActions';
import { usePaymentState } from './paymentState';
import { tp, type PaymentsKey } from './paymentsMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
const cacheKey = (applicationId: string) => `payments.application.${applicationId}`;

type Fee = ApplicationFeePaymentFieldsFragment;

export function ApplicationFeePanel({ applicationId }: { applicationId: string }) {
  const {
    value: fee,
    offline,
    busy,
    problem,
    pay,
  } = usePaymentState<Fee>({
    id: applicationId,
    cacheKey: cacheKey(applicationId),
    fetch: async () => (await request(PaymentOfApplicationFeeDocument, { applicationId })).applicationFeePayment ?? null,
    start: async (idempotencyKey) => {
      const result = (await secure(PaymentApplicationFeeStartDocument, { applicationId, idempotencyKey })).applicationFeePaymentStart;
      return result.__typename === 'PaymentStarted' ? null : result.message;
    },
  });

  if (fee === undefined) return <p role="status">{t('loading')}</p>;
  if (fee === null || fee.state === 'NO_FEE') return null;
  const f = fee;
  const open = f.openIntent;
  const amount = f.state === 'PAID' ? f.paidFen : (open?.amountFen ?? f.dueFen);
  const kind = f.state === 'PAID' || f.state === 'NOT_OWED' || f.state === 'REFUNDED' ? 'success' : f.state === 'DUE' ? 'error' : 'info';
  return (
    <section class="payment-panel" aria-labelledby="fee-heading" data-testid="fee-panel" data-state={f.state}>
      <h2 id="fee-heading" class="visually-hidden">
        {tp('fee.heading')}
      </h2>
      <Notice kind={kind} title={tp(`fee.state.${f.state}` as PaymentsKey, { amount: money(amount) })} live="status">
        <p data-testid="fee-next">{tp(`fee.next.${f.state}` as PaymentsKey)}</p>
      </Notice>
      {offline && <p class="field__hint">{tp('pay.offline')}</p>}
      <PaymentActions
        testId="fee"
        problem={problem}
        offline={offline}
        busy={busy}
        payFen={f.state === 'DUE' ? f.dueFen : null}
        pay={pay}
        open={open}
        receipt={
          f.receipt
            ? { credential: f.receipt, qrLabel: tp('fee.receipt.qrLabel', { number: f.number }), pdfOrder: f.receiptOrder ?? null }
            : null
        }
        intents={f.intents}
      />
    </section>
  );
}
