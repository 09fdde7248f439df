// An administrator (or a supervisor) chooses, per item and site, a fair draw instead of first
// come for a period (step-up, audited), and sees the item's draws with their results.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Select } from '../../components/Select';
import { client, request } from '../../graphql/client';
import {
  AppointmentsOfficerSitesDocument,
  FairDrawCreateDocument,
  type AppointmentsSiteFragment,
} from '../../graphql/generated/graphql';
import { zonedInstant } from '../../clock';
import { pick } from '../../i18n/localized';
import { describeError } from '../identity/identityErrors';
import { me } from '../identity/identitySession';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { FairDrawList } from './FairDrawList';
import { FairRuleAdmin } from './FairRuleAdmin';
import { tf } from './fairMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
const FIELDS: Record<string, string> = {
  siteId: 'draw-site',
  itemCode: 'draw-item',
  slotsFrom: 'draw-from',
  slotsTo: 'draw-to',
  closesAt: 'draw-closes',
};

export function FairDrawAdmin() {
  const [sites, setSites] = useState<AppointmentsSiteFragment[]>([]);
  const [items, setItems] = useState<{ code: string; label: string }[]>([]);
  const [siteId, setSiteId] = useState('');
  const [itemCode, setItemCode] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [closes, setCloses] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState(0);

  useEffect(() => {
    request(AppointmentsOfficerSitesDocument)
      .then((data) => {
        // Officers act at the site their unit names: the server refuses the others.
        const own = data.appointmentSites.filter((s) => s.code === me.value?.officer?.unit);
        setSites(own);
        setSiteId((current) => current || own[0]?.id || '');
        const list = data.serviceItems.nodes.map((n) => ({ code: n.code, label: `${pick(n.name)} (${n.code})` }));
        setItems(list);
        setItemCode((current) => current || list[0]?.code || '');
      })
      .catch((error) => setProblem(describeError(error)));
  }, []);

  const site = sites.find((s) => s.id === siteId);
  const instant = (date: string) => (date ? zonedInstant(date, '00:00', site?.timezone)?.toISOString() ?? '' : '');

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setErrors([]);
    const missing = Object.entries({ slotsFrom: from, slotsTo: to, closesAt: closes })
      .filter(([, v]) => !v)
      .map(([k]) => ({ fieldId: FIELDS[k] ?? 'draw-from', message: tf('admin.missing') }));
    if (missing.length) return setErrors(missing);
    try {
      const result = (
        await secure(FairDrawCreateDocument, {
          input: { siteId, itemCode, slotsFrom: instant(from), slotsTo: instant(to), closesAt: instant(closes) },
        })
      ).drawCreate;
      if (result.__typename === 'DrawCreated') setCreated((n) => n + 1);
      else if (result.__typename === 'ValidationError')
        setErrors(result.errors.map((e) => ({ fieldId: FIELDS[e.field.replace(/^input\./, '')] ?? 'draw-from', message: e.message })));
      else setProblem(result.message);
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div class="stack">
      <p class="lead">{tf('admin.lead')}</p>
      <p>{tf('admin.mode.first')}</p>
      <ErrorSummary errors={errors} />
      {problem && (
        <Notice kind="error" live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {created > 0 && (
        <Notice kind="success" live="status">
          <p data-testid="draw-created">{tf('admin.created')}</p>
        </Notice>
      )}
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
        <Select id="draw-site" label={tf('admin.site')} value={siteId} onChange={setSiteId} options={sites.map((s) => ({ value: s.id, label: pick(s.name) }))} />
        <Select id="draw-item" label={tf('admin.item')} value={itemCode} onChange={setItemCode} options={items.map((i) => ({ value: i.code, label: i.label }))} />
        <Field id="draw-from" type="date" label={tf('admin.from')} value={from} error={errorOf('draw-from')} onInput={(e) => setFrom(e.currentTarget.value)} />
        <Field id="draw-to" type="date" label={tf('admin.to')} value={to} error={errorOf('draw-to')} onInput={(e) => setTo(e.currentTarget.value)} />
        <Field id="draw-closes" type="date" label={tf('admin.closes')} value={closes} error={errorOf('draw-closes')} onInput={(e) => setCloses(e.currentTarget.value)} />
        <IdentityStepUpNotice />
        <Button type="submit" data-testid="draw-create">
          {tf('admin.submit')}
        </Button>
      </form>
      {itemCode && (
        <section aria-labelledby="draw-list-heading">
          <h2 id="draw-list-heading">{tf('admin.list')}</h2>
          <FairDrawList itemCode={itemCode} revision={created} />
        </section>
      )}
      {itemCode && (
        <section aria-labelledby="fair-rule-heading" class="stack">
          <h2 id="fair-rule-heading">{tf('rule.heading')}</h2>
          <p>{tf('rule.lead')}</p>
          <FairRuleAdmin itemCode={itemCode} />
        </section>
      )}
    </div>
  );
}
