// The traveller's payment on the declaration page, current state first: what is paid, what is
// left to do. The amount is always the server's. Shown from this device's copy when offline,
// so the receipt code can be shown at the channel without a network.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { client, request } from '../../graphql/client';
import {
  PaymentOfDeclarationDocument,
  PaymentStartDocument,
  type DeclarationPaymentFieldsFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { getRecord, putRecord } from '../../offline/idb';
import { CACHE_KEYS, STORES } from '../../offline/keys';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { tp, type PaymentsKey } from './paymentsMessages';

const QrCode = lazy(() => import('../declarations/DeclarationQrCode'));
const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
const POLL_MS = 3000;

/** An amount in fen, in the reader's language ("¥780.00"). */
export const money = (amountFen: number) => formatMoney(amountFen / 100, 'CNY');

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
  const [payment, setPayment] = useState<Payment | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = useRef<string | null>(null);

  const load = async () => {
    try {
      const data = await request(PaymentOfDeclarationDocument, { declarationId });
      setOffline(false);
      setPayment(data.declarationPayment ?? null);
      if (data.declarationPayment)
        await putRecord(STORES.cache, { key: CACHE_KEYS.payment(declarationId), value: data.declarationPayment, storedAt: Date.now() });
    } catch {
      setOffline(true);
      const cached = await getRecord(STORES.cache, CACHE_KEYS.payment(declarationId));
      setPayment((p) => p ?? ((cached?.value as Payment | undefined) ?? null));
    }
  };

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [declarationId]);

  const waiting = payment?.state === 'PENDING' || payment?.state === 'REFUND_PENDING';
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting, declarationId]);

  const pay = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    // One key per press of the button: a retry after a lost answer gets the same payment.
    attempt.current = attempt.current ?? crypto.randomUUID();
    try {
      const data = await secure(PaymentStartDocument, { declarationId, idempotencyKey: attempt.current });
      const result = data.paymentStart;
      if (result.__typename !== 'PaymentStarted') setProblem(result.message);
      attempt.current = null;
      await load();
    } catch (error) {
      setProblem(describeError(error) || tp('pay.error.network'));
    } finally {
      setBusy(false);
    }
  };

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
      {problem && (
        <Notice kind="error" title={tp('pay.error.title')} live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      <IdentityStepUpNotice />
      {p.state === 'DUE' && !offline && (
        <div class="button-row">
          <Button onClick={() => void pay()} disabled={busy} data-testid="payment-pay">
            {tp('pay.button', { amount: money(p.balanceFen) })}
          </Button>
        </div>
      )}
      {open?.codeUrl && (
        <div class="qr-panel">
          <p>
            <a class="button" href={open.codeUrl} data-testid="payment-open" rel="noopener">
              {tp('pay.open')}
            </a>
          </p>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <QrCode text={open.codeUrl} label={tp('pay.qrLabel', { order: open.number })} />
          </Suspense>
        </div>
      )}
      {p.receipt && (
        <div class="qr-panel" data-testid="payment-receipt" data-credential={p.receipt}>
          <h3>{tp('pay.receipt.heading')}</h3>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <QrCode text={p.receipt} label={tp('pay.receipt.qrLabel', { number })} />
          </Suspense>
          {paidIntent && !offline && (
            <p>
              <a href={`/payments/receipts/${paidIntent.number}.pdf`} download data-testid="payment-receipt-pdf">
                {tp('pay.receipt.pdf')}
              </a>
            </p>
          )}
        </div>
      )}
      {p.intents.length > 0 && (
        <details>
          <summary>{tp('pay.history')}</summary>
          <ul class="card-list">
            {p.intents.map((i) => (
              <li class="card-list__item" key={i.id}>
                {i.number} · {money(i.amountFen)} · {tp(`pay.intent.${i.state}` as PaymentsKey)}
                {i.refundedFen > 0 && ` · ${tp('pay.intent.refunded', { amount: money(i.refundedFen) })}`}
                <span class="field__hint"> · {formatDateTime(i.succeededAt ?? i.createdAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
