// What a payment receipt QR says, as the officer's tablet verified it (offline: signature with
// the cached keys, no network). Paid in full when what was paid covers what was due then.
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../i18n/format';
import type { QrClaims } from '../qr/QrCredential';
import { money } from './money';
import { tp } from './paymentsMessages';

export const RECEIPT_TYPE = 'payment_receipt';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function PaymentReceiptView({ claims, issuedAt }: { claims: QrClaims; issuedAt: Date }) {
  const paid = num(claims.paid);
  const due = num(claims.due);
  const full = paid >= due;
  // A receipt of an application's fee names the application (claim k), a duty receipt the declaration.
  const application = claims.k === 'application';
  return (
    <div data-testid="receipt-view" data-paid={full ? 'full' : 'partial'}>
      <Notice kind={full ? 'success' : 'error'} title={tp('pay.verify.heading')}>
        <p data-testid="receipt-state">
          <strong>{full ? tp('pay.verify.full') : tp('pay.verify.partial', { amount: money(due - paid) })}</strong>
        </p>
      </Notice>
      <dl class="facts">
        <dt>{tp(application ? 'pay.verify.application' : 'pay.verify.number')}</dt>
        <dd data-testid="receipt-number" data-kind={application ? 'application' : 'declaration'}>
          {str(claims.n)}
        </dd>
        <dt>{tp('pay.verify.order')}</dt>
        <dd>{str(claims.p)}</dd>
        <dt>{tp('pay.verify.amount')}</dt>
        <dd>{money(num(claims.a))}</dd>
        <dt>{tp('pay.verify.paid')}</dt>
        <dd data-testid="receipt-paid">{money(paid)}</dd>
        <dt>{tp('pay.verify.due')}</dt>
        <dd>{money(due)}</dd>
        <dt>{tp('pay.basis')}</dt>
        <dd>{tp(claims.b === 'assessment' ? 'pay.basis.ASSESSMENT' : claims.b === 'fee' ? 'pay.basis.FEE' : 'pay.basis.ESTIMATE')}</dd>
        <dt>{tp('pay.verify.at')}</dt>
        <dd>{formatDateTime(str(claims.at) || issuedAt)}</dd>
      </dl>
    </div>
  );
}
