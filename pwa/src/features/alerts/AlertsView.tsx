// The supervisor's anomaly alerts (异常预警): raised from the sealed audit log by rules kept as
// data, looked into and acknowledged with a note.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { client } from '../../graphql/client';
import { AuditAlertAcknowledgeDocument, AuditAlertsDocument, type AuditAlertsQuery } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { ta } from './alertsMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
type Alert = AuditAlertsQuery['auditAlerts'][number];
type Rule = AuditAlertsQuery['auditAlertRules'][number];

function AlertCard({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const acknowledge = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = (await secure(AuditAlertAcknowledgeDocument, { id: alert.id, note })).auditAlertAcknowledge;
      if (result.__typename === 'AuditAlertAcknowledged') onDone();
      else if (result.__typename === 'AuditAlertError') setProblem(result.message);
      else setProblem(result.errors.map((e) => e.message).join(' '));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  const noteId = `alert-note-${alert.id}`;
  return (
    <li class="card-list__item" data-alert={alert.id}>
      <h3 class="card-list__title">{alert.title}</h3>
      <p>{ta('alerts.who', { who: alert.who })}</p>
      {alert.unit && <p>{ta('alerts.unit', { unit: alert.unit })}</p>}
      <p>{ta('alerts.events', { count: alert.eventCount, first: formatDateTime(alert.firstAt), last: formatDateTime(alert.lastAt) })}</p>
      <p>{ta('alerts.raised', { at: formatDateTime(alert.raisedAt) })}</p>
      {alert.acknowledgedAt ? (
        <p>
          <strong>{ta('alerts.acknowledged', { at: formatDateTime(alert.acknowledgedAt) })}</strong>
          {alert.note && <> · {alert.note}</>}
        </p>
      ) : (
        <>
          {problem && (
            <Notice kind="error" title={t('notice.error')} live="alert">
              <p>{problem}</p>
            </Notice>
          )}
          <Field
            id={noteId}
            label={ta('alerts.note')}
            hint={ta('alerts.note.hint')}
            value={note}
            maxLength={200}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <Button disabled={busy} onClick={() => void acknowledge()}>
            {ta('alerts.acknowledge')}
          </Button>
        </>
      )}
    </li>
  );
}

function RuleLine({ rule }: { rule: Rule }) {
  const what =
    rule.kind === 'OUTSIDE_HOURS'
      ? ta('alerts.rule.hours', { start: rule.hoursStart, end: rule.hoursEnd })
      : ta('alerts.rule.count', { threshold: rule.threshold, minutes: rule.windowMinutes });
  return (
    <li>
      <strong>{rule.title}</strong>: {what} ({rule.enabled ? ta('alerts.rule.on') : ta('alerts.rule.off')})
    </li>
  );
}

export function AlertsView() {
  const [openOnly, setOpenOnly] = useState(true);
  const [data, setData] = useState<AuditAlertsQuery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const load = async (open = openOnly) => {
    setProblem(null);
    try {
      setData(await secure(AuditAlertsDocument, { openOnly: open }));
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  useEffect(() => void load(), []);
  const show = (open: boolean) => {
    setOpenOnly(open);
    setDone(false);
    void load(open);
  };
  return (
    <div>
      <p>{ta('alerts.intro')}</p>
      {problem && (
        <Notice kind="error" title={t('notice.error')} live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {done && (
        <p role="status" class="lead">
          {ta('alerts.done')}
        </p>
      )}
      <div class="button-row">
        <Button variant={openOnly ? 'primary' : 'secondary'} aria-pressed={openOnly} onClick={() => show(true)}>
          {ta('alerts.open')}
        </Button>
        <Button variant={openOnly ? 'secondary' : 'primary'} aria-pressed={!openOnly} onClick={() => show(false)}>
          {ta('alerts.all')}
        </Button>
        <Button variant="secondary" onClick={() => void load()}>
          {ta('alerts.refresh')}
        </Button>
      </div>
      {!data && !problem && <p role="status">{t('loading')}</p>}
      {data && (
        <>
          <section aria-labelledby="alerts-list">
            <h2 id="alerts-list">
              {openOnly ? ta('alerts.open') : ta('alerts.all')} ({data.auditAlerts.length})
            </h2>
            {data.auditAlerts.length ? (
              <ul class="card-list">
                {data.auditAlerts.map((alert) => (
                  <AlertCard
                    key={alert.id}
                    alert={alert}
                    onDone={() => {
                      setDone(true);
                      void load();
                    }}
                  />
                ))}
              </ul>
            ) : (
              <p>{ta('alerts.empty')}</p>
            )}
          </section>
          <section aria-labelledby="alerts-rules">
            <h2 id="alerts-rules">{ta('alerts.rules')}</h2>
            <ul>
              {data.auditAlertRules.map((rule) => (
                <RuleLine key={rule.code} rule={rule} />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
