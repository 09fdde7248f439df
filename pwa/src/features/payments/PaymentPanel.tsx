// The traveller's payment on the declaration page, current state first: what is paid, what is
// left to do. The amount is always the server's. Shown from this device's copy when offline,
// so the receipt code can be shown at the channel without a network.
import { Notice } from '../../components/Notice';
import { client, request } from '../../graphql/client';
import {
  PaymentOfDeclarationDocument,
  PaymentStartDocument,
  type DeclarationPaymentFieldsFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { CACHE_KEYS } from '../../offline/keys';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { money } from './money';
import { PaymentActions } from './PaymentActions';
import { tp, type PaymentsKey } from './paymentsMessages';
import { usePaymentState } from './paymentState';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });

type Payment = DeclarationPaymentFieldsFragment;

function headline(p: Payment): string {
  const amount =
    p.state === 'DUE'
      ? p.balanceFen
      : p.state === 'PENDING'
        ? (p.openIntent?.amountFen ?? p.balanceFen)
        : p.state === 'REFUND_PENDING'
          ? p.refundPendingFen
          : p.paidFen;
  return tp(`pay.state.${p.state}` as PaymentsKey, { amount: money(amount) });
}

function nextStep(p: Payment): string {
  if (p.state === 'DUE') return tp(`pay.next.DUE.${p.basis}` as PaymentsKey);
  return tp(`pay.next.${p.state}` as PaymentsKey);
}

export function PaymentPanel({ declarationId, number }: { declarationId: string; number: string }) {
  const {
    value: payment,
    offline,
    busy,
    problem,
    pay,
  } = usePaymentState<Payment>({
    id: declarationId,
    cacheKey: CACHE_KEYS.payment(declarationId),
    fetch: async () => (await request(PaymentOfDeclarationDocument, { declarationId })).declarationPayment ?? null,
    start: async (idempotencyKey) => {
      const result = (await secure(PaymentStartDocument, { declarationId, idempotencyKey })).paymentStart;
      return result.__typename === 'PaymentStarted' ? null : result.message;
    },
  });

  if (payment === undefined) return <p role="status">{t('loading')}</p>;
  if (payment === null) return null;
  const p = payment;
  const open = p.openIntent;
  const paidIntent = p.intents.find((i) => i.state === 'SUCCEEDED' || i.state === 'REFUNDED');
  const kind = p.state === 'PAID' || p.state === 'NOTHING_DUE' ? 'success' : p.state === 'DUE' ? 'error' : 'info';
  return (
    <section class="payment-panel" aria-labelledby="payment-heading" data-testid="payment-panel" data-state={p.state}>
      <h2 id="payment-heading" class="visually-hidden">
        {tp('pay.heading')}
      </h2>
      <Notice kind={kind} title={headline(p)} live="status">
        <p data-testid="payment-next">{nextStep(p)}</p>
      </Notice>
      {offline && <p class="field__hint">{tp('pay.offline')}</p>}
      {p.state !== 'NOTHING_DUE' && (
        <dl class="summary-list">
          <dt>{tp('pay.basis')}</dt>
          <dd>{tp(`pay.basis.${p.basis}` as PaymentsKey)}</dd>
          <dt>{tp('pay.due')}</dt>
          <dd data-testid="payment-due">{money(p.dueFen)}</dd>
          <dt>{tp('pay.paid')}</dt>
          <dd data-testid="payment-paid">{money(p.paidFen)}</dd>
          {p.balanceFen > 0 && (
            <>
              <dt>{tp('pay.balance')}</dt>
              <dd>{money(p.balanceFen)}</dd>
            </>
          )}
        </dl>
      )}
      <PaymentActions
        testId="payment"
        problem={problem}
        offline={offline}
        busy={busy}
        payFen={p.state === 'DUE' ? p.balanceFen : null}
        pay={pay}
        open={open}
        receipt={
          p.receipt
            ? { credential: p.receipt, qrLabel: tp('pay.receipt.qrLabel', { number }), pdfOrder: paidIntent?.number ?? null }
            : null
        }
        intents={p.intents}
      />
    </section>
  );
}
