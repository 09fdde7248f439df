// What the declaration's payment and the application's fee show alike under their headline:
// a problem, the pay button, the open order's code, the receipt and the history.
import { lazy, Suspense } from 'preact/compat';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { money } from './money';
import { tp, type PaymentsKey } from './paymentsMessages';

const QrCode = lazy(() => import('../declarations/DeclarationQrCode'));


type Intent = {
  id: string;
  number: string;
  amountFen: number;
  state: string;
  refundedFen?: number;
  succeededAt?: string | null;
  createdAt: string;
};

export type PaymentActionsProps = {
  /** Prefix of the test ids: `payment` (declaration) or `fee` (application). */
  testId: string;
  problem: string | null;
  offline: boolean;
  busy: boolean;
  /** The amount the button pays, when payment is due now; null otherwise. */
  payFen: number | null;
  pay: () => Promise<void>;
  open: { codeUrl?: string | null; number: string } | null | undefined;
  receipt: { credential: string; qrLabel: string; pdfOrder: string | null } | null;
  intents: readonly Intent[];
};

export function PaymentActions(props: PaymentActionsProps) {
  const { testId, problem, offline, busy, payFen, pay, open, receipt, intents } = props;
  return (
    <>
      {problem && (
        <Notice kind="error" title={tp('pay.error.title')} live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      <IdentityStepUpNotice />
      {payFen !== null && !offline && (
        <div class="button-row">
          <Button onClick={() => void pay()} disabled={busy} data-testid={`${testId}-pay`}>
            {tp('pay.button', { amount: money(payFen) })}
          </Button>
        </div>
      )}
      {open?.codeUrl && (
        <div class="qr-panel">
          <p>
            <a class="button" href={open.codeUrl} data-testid={`${testId}-open`} rel="noopener">
              {tp('pay.open')}
            </a>
          </p>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <QrCode text={open.codeUrl} label={tp('pay.qrLabel', { order: open.number })} />
          </Suspense>
        </div>
      )}
      {receipt && (
        <div class="qr-panel" data-testid={`${testId}-receipt`} data-credential={receipt.credential}>
          <h3>{tp('pay.receipt.heading')}</h3>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <QrCode text={receipt.credential} label={receipt.qrLabel} />
          </Suspense>
          {receipt.pdfOrder && !offline && (
            <p>
              <a href={`/payments/receipts/${receipt.pdfOrder}.pdf`} download data-testid={`${testId}-receipt-pdf`}>
                {tp('pay.receipt.pdf')}
              </a>
            </p>
          )}
        </div>
      )}
      {intents.length > 0 && (
        <details>
          <summary>{tp('pay.history')}</summary>
          <ul class="card-list">
            {intents.map((i) => (
              <li class="card-list__item" key={i.id}>
                {i.number} · {money(i.amountFen)} · {tp(`pay.intent.${i.state}` as PaymentsKey)}
                {(i.refundedFen ?? 0) > 0 && ` · ${tp('pay.intent.refunded', { amount: money(i.refundedFen ?? 0) })}`}
                <span class="field__hint"> · {formatDateTime(i.succeededAt ?? i.createdAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
