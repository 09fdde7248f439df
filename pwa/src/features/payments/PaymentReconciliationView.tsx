// The administrator's reconciliation: payments whose outcome is unknown, notifications that
// disagreed with our record, refunds pending or refused by the provider.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { client } from '../../graphql/client';
import { PaymentReconciliationDocument, type PaymentReconciliationQuery } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { money } from './PaymentPanel';
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
  const load = async () => {
    setProblem(null);
    try {
      setReport((await secure(PaymentReconciliationDocument, {})).paymentReconciliation);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  useEffect(() => void load(), []);
  return (
    <div>
      <p>{tp('pay.admin.intro')}</p>
      <IdentityStepUpNotice />
      {problem && (
        <Notice kind="error" title={t('notice.error')} live="alert">
          <p>{problem}</p>
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
                {i.number} · {money(i.amountFen)} · {tp(`pay.intent.${i.state}` as PaymentsKey)} · {formatDateTime(i.createdAt)}
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
                {r.number} · {money(r.amountFen)} · {formatDateTime(r.createdAt)}
              </li>
            ))}
          />
          <Section
            id="pay-refunds-failed"
            heading={tp('pay.admin.refundsFailed')}
            items={report.refundsFailed.map((r) => (
              <li class="card-list__item" key={r.number}>
                {r.number} · {money(r.amountFen)} · {formatDateTime(r.createdAt)}
              </li>
            ))}
          />
        </>
      )}
    </div>
  );
}
