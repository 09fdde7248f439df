// The administrator's reconciliation: payments whose outcome is unknown, notifications that
// disagreed with our record, refunds pending or refused by the provider.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { client } from '../../graphql/client';
import {
  PaymentReconciliationDocument,
  PaymentRefundRetryDocument,
  PaymentRequeryDocument,
  type PaymentReconciliationQuery,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { money } from './money';
import { tp, type PaymentsKey } from './paymentsMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
type Report = PaymentReconciliationQuery['paymentReconciliation'];

function Section({ heading, id, items }: { heading: string; id: string; items: preact.ComponentChildren[] }) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>
        {heading} ({items.length})
      </h2>
      {items.length ? <ul class="card-list">{items}</ul> : <p>{tp('pay.admin.none')}</p>}
    </section>
  );
}

export function PaymentReconciliationView() {
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setProblem(null);
    try {
      setReport((await secure(PaymentReconciliationDocument, {})).paymentReconciliation);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  useEffect(() => void load(), []);
  // Each action asks for a fresh passkey confirmation (step-up) and is audited by the server.
  const act = async (run: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      setDone(await run());
      await load();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  const requery = (intentId: string) =>
    act(async () => {
      const result = (await secure(PaymentRequeryDocument, { intentId })).paymentRequery;
      if (result.__typename !== 'PaymentRequeried') throw new Error(result.message);
      return tp('pay.admin.requeried', { number: result.intent.number, state: tp(`pay.intent.${result.intent.state}` as PaymentsKey) });
    });
  const retry = (refundId: string) =>
    act(async () => {
      const result = (await secure(PaymentRefundRetryDocument, { refundId })).paymentRefundRetry;
      if (result.__typename !== 'PaymentRefundRetried') throw new Error(result.message);
      return tp('pay.admin.retried', { number: result.refund.number });
    });
  return (
    <div>
      <p>{tp('pay.admin.intro')}</p>
      <IdentityStepUpNotice />
      {problem && (
        <Notice kind="error" title={t('notice.error')} live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {done && (
        <Notice kind="success" live="status">
          <p data-testid="pay-admin-done">{done}</p>
        </Notice>
      )}
      <div class="button-row">
        <Button variant="secondary" onClick={() => void load()}>
          {tp('pay.admin.refresh')}
        </Button>
      </div>
      {!report && !problem && <p role="status">{t('loading')}</p>}
      {report && (
        <>
          <Section
            id="pay-unknown"
            heading={tp('pay.admin.unknown')}
            items={report.unknown.map((i) => (
              <li class="card-list__item" key={i.id}>
                {i.number} · {money(i.amountFen)} · {tp(`pay.intent.${i.state}` as PaymentsKey)} · {formatDateTime(i.createdAt)}{' '}
                <Button variant="secondary" disabled={busy} onClick={() => void requery(i.id)} aria-label={`${tp('pay.admin.requery')} ${i.number}`}>
                  {tp('pay.admin.requery')}
                </Button>
              </li>
            ))}
          />
          <Section
            id="pay-mismatches"
            heading={tp('pay.admin.mismatches')}
            items={report.mismatches.map((m, n) => (
              <li class="card-list__item" key={`${m.orderNumber}-${n}`}>
                {m.orderNumber} · {tp(`pay.admin.outcome.${m.outcome}` as PaymentsKey)} · {formatDateTime(m.receivedAt)}
              </li>
            ))}
          />
          <Section
            id="pay-refunds-pending"
            heading={tp('pay.admin.refundsPending')}
            items={report.refundsPending.map((r) => (
              <li class="card-list__item" key={r.number}>
                {r.number} · {money(r.amountFen)} · {formatDateTime(r.createdAt)}{' '}
                <Button variant="secondary" disabled={busy} onClick={() => void retry(r.id)} aria-label={`${tp('pay.admin.retry')} ${r.number}`}>
                  {tp('pay.admin.retry')}
                </Button>
              </li>
            ))}
          />
          <Section
            id="pay-refunds-failed"
            heading={tp('pay.admin.refundsFailed')}
            items={report.refundsFailed.map((r) => (
              <li class="card-list__item" key={r.number}>
                {r.number} · {money(r.amountFen)} · {formatDateTime(r.createdAt)}{' '}
                <Button variant="secondary" disabled={busy} onClick={() => void retry(r.id)} aria-label={`${tp('pay.admin.retry')} ${r.number}`}>
                  {tp('pay.admin.retry')}
                </Button>
              </li>
            ))}
          />
        </>
      )}
    </div>
  );
}
