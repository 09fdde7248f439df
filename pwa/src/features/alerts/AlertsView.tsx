// The supervisor's anomaly alerts (异常预警): raised from the sealed audit log by rules kept as
// data, looked into and acknowledged with a note.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { client } from '../../graphql/client';
import {
  AuditAlertAcknowledgeDocument,
  AuditAlertRuleUpdateDocument,
  AuditAlertsDocument,
  type AuditAlertsQuery,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../identity/identityErrors';
import { me } from '../identity/identitySession';
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

const WHOLE = /^\d{1,6}$/;
const HOURS = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An administrator changes a rule: its switch, and its threshold and window or its hours. */
function RuleForm({ rule, onSaved, onCancel }: { rule: Rule; onSaved: () => void; onCancel: () => void }) {
  const [enabled, setEnabled] = useState(rule.enabled);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [minutes, setMinutes] = useState(String(rule.windowMinutes));
  const [start, setStart] = useState(rule.hoursStart);
  const [end, setEnd] = useState(rule.hoursEnd);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hours = rule.kind === 'OUTSIDE_HOURS';
  const id = (name: string) => `rule-${rule.code}-${name}`;
  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    // What the phone can tell at once; the server checks the ranges and names what is wrong.
    const mine: Record<string, string> = {};
    if (!hours && !WHOLE.test(threshold.trim())) mine.threshold = ta('alerts.rule.whole');
    if (!hours && !WHOLE.test(minutes.trim())) mine.windowMinutes = ta('alerts.rule.whole');
    if (hours && !HOURS.test(start)) mine.hoursStart = ta('alerts.rule.time');
    if (hours && !HOURS.test(end)) mine.hoursEnd = ta('alerts.rule.time');
    setErrors(mine);
    if (Object.keys(mine).length) return;
    const input = hours
      ? { code: rule.code, enabled, hoursStart: start, hoursEnd: end }
      : { code: rule.code, enabled, threshold: Number(threshold.trim()), windowMinutes: Number(minutes.trim()) };
    setBusy(true);
    try {
      const result = (await secure(AuditAlertRuleUpdateDocument, { input })).auditAlertRuleUpdate;
      if (result.__typename === 'AuditAlertRuleSaved') onSaved();
      else if (result.__typename === 'AuditAlertError') setProblem(result.message);
      else setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" noValidate onSubmit={(event) => void save(event)} data-testid="rule-form">
      {problem && (
        <Notice kind="error" title={t('notice.error')} live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      <Checkbox id={id('enabled')} label={ta('alerts.rule.enabled')} checked={enabled} onChange={setEnabled} />
      {hours ? (
        <>
          <Field id={id('start')} type="time" label={ta('alerts.rule.start')} value={start} error={errors.hoursStart} onInput={(e) => setStart(e.currentTarget.value)} />
          <Field id={id('end')} type="time" label={ta('alerts.rule.end')} value={end} error={errors.hoursEnd} onInput={(e) => setEnd(e.currentTarget.value)} />
        </>
      ) : (
        <>
          <Field
            id={id('threshold')}
            inputMode="numeric"
            label={ta('alerts.rule.threshold')}
            hint={ta('alerts.rule.threshold.hint')}
            value={threshold}
            error={errors.threshold}
            onInput={(e) => setThreshold(e.currentTarget.value)}
          />
          <Field
            id={id('minutes')}
            inputMode="numeric"
            label={ta('alerts.rule.minutes')}
            hint={ta('alerts.rule.minutes.hint')}
            value={minutes}
            error={errors.windowMinutes}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </>
      )}
      <div class="button-row">
        <Button type="submit" disabled={busy}>
          {ta('alerts.rule.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {ta('alerts.rule.cancel')}
        </Button>
      </div>
    </form>
  );
}

function RuleLine({ rule, canChange, onSaved }: { rule: Rule; canChange: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const what =
    rule.kind === 'OUTSIDE_HOURS'
      ? ta('alerts.rule.hours', { start: rule.hoursStart, end: rule.hoursEnd })
      : ta('alerts.rule.count', { threshold: rule.threshold, minutes: rule.windowMinutes });
  return (
    <li data-rule={rule.code}>
      <strong>{rule.title}</strong>: {what} ({rule.enabled ? ta('alerts.rule.on') : ta('alerts.rule.off')})
      {canChange && !editing && (
        <>
          {' '}
          <Button variant="secondary" aria-label={ta('alerts.rule.change.named', { title: rule.title })} onClick={() => setEditing(true)}>
            {ta('alerts.rule.change')}
          </Button>
        </>
      )}
      {editing && (
        <RuleForm
          rule={rule}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      )}
    </li>
  );
}

export function AlertsView() {
  const [openOnly, setOpenOnly] = useState(true);
  const [data, setData] = useState<AuditAlertsQuery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [saved, setSaved] = useState(false);
  // Only an administrator changes rules (the server enforces it, at the highest assurance).
  const canChange = me.value?.officer?.roles.includes('administrator') ?? false;
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
      {saved && (
        <p role="status" class="lead" data-testid="rule-saved">
          {ta('alerts.rule.saved')}
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
                <RuleLine
                  key={rule.code}
                  rule={rule}
                  canChange={canChange}
                  onSaved={() => {
                    setSaved(true);
                    void load();
                  }}
                />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
