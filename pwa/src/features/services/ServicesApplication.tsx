import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { Radios } from '../../components/Radios';
import { request } from '../../graphql/client';
import {
  ServicesApplicationOneDocument,
  ServicesApplicationRateDocument,
  ServicesApplicationWithdrawDocument,
  ServicesMyApplicationsDocument,
  type ServicesApplicationFragment,
  type ServicesMyApplicationsQuery,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { CACHE_KEYS } from '../../offline/keys';
import { secureRequest } from '../identity/identityApi';
import { ApplicationFeePanel } from '../payments/ApplicationFeePanel';
import { useServiceItem } from './servicesHooks';
import { ts, tsMaybe, type ServicesKey } from './servicesMessages';
import { fieldId, materialId, parseTarget } from './servicesModel';
import { cacheGet, cachePut, pick } from './servicesStore';
import './services.css';

function useApplication(id: string) {
  const [application, setApplication] = useState<ServicesApplicationFragment | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const load = () =>
    request(ServicesApplicationOneDocument, { id })
      .then((data) => {
        setOffline(false);
        setApplication(data.application ?? null);
        if (data.application) void cachePut(CACHE_KEYS.application(id), data.application);
      })
      .catch(async () => {
        setOffline(true);
        const cached = await cacheGet<ServicesApplicationFragment>(CACHE_KEYS.application(id));
        setApplication((a) => a ?? cached ?? null);
      });
  useEffect(() => void load(), [id]);
  return { application, offline, reload: load };
}

export function ServicesApplication({ id }: { id: string }) {
  const { application, offline, reload } = useApplication(id);
  const { bundle } = useServiceItem(application?.itemCode ?? '');
  if (application === undefined) return <p role="status">{t('loading')}</p>;
  if (application === null)
    return (
      <section class="page">
        <PageHeading title={ts('application.missing')}>{ts('application.missing')}</PageHeading>
        <p>
          <a href="/services/applications">{ts('application.list')}</a>
        </p>
      </section>
    );
  const a = application;
  const params = new URLSearchParams(location.search);
  const elementName = (code: string) => (bundle?.elements[code] ? pick(bundle.elements[code].name) : code);
  const materialName = (code: string) => (bundle?.materials[code] ? pick(bundle.materials[code].name) : code);
  const targetName = (target: string) => {
    const parsed = parseTarget(target);
    if (!parsed) return target;
    return parsed.kind === 'field' ? elementName(parsed.code) : materialName(parsed.code);
  };
  const fixHref = (target: string) => {
    const parsed = parseTarget(target);
    const anchor = !parsed ? '' : parsed.kind === 'field' ? fieldId(parsed.code) : materialId(parsed.code);
    return `/services/applications/${a.id}/fix${anchor ? `#${anchor}` : ''}`;
  };
  const title = ts('application.title', { number: a.number });
  const open = a.status === 'IN_REVIEW' || a.status === 'CORRECTIONS_REQUIRED';
  return (
    <section class="page services-application">
      <PageHeading title={title}>{title}</PageHeading>
      {/* The payment state first: what the service charges and whether it is due now. */}
      <ApplicationFeePanel applicationId={a.id} />
      {params.has('sent') && (
        <Notice kind="success" live="status">
          <p>{ts('application.sent')}</p>
        </Notice>
      )}
      {params.has('withdrawn') && a.status === 'WITHDRAWN' && (
        <Notice kind="success" live="status">
          <p data-testid="application-withdrawn">{ts('application.withdraw.done')}</p>
        </Notice>
      )}
      {params.has('resent') && (
        <Notice kind="success" live="status">
          <p>{ts('application.resent')}</p>
        </Notice>
      )}
      {offline && (
        <Notice>
          <p>{ts('application.offline')}</p>
        </Notice>
      )}
      <dl class="summary-list">
        <dt>{ts('application.service')}</dt>
        <dd>{pick(a.itemName)}</dd>
        <dt>{ts('application.status')}</dt>
        <dd data-testid="application-status" data-status={a.status}>
          {ts(`application.status.${a.status}` as ServicesKey)}
        </dd>
        <dt>{ts('application.submitted')}</dt>
        <dd>{formatDateTime(a.submittedAt)}</dd>
        {open && (
          <>
            <dt>{ts('application.due')}</dt>
            <dd data-testid="application-countdown">
              {formatDate(String(a.dueDate))} ·{' '}
              {daysLeftText(a.daysLeft)}
              {a.paused && <span class="services-paused"> · {ts('application.paused')}</span>}
            </dd>
          </>
        )}
      </dl>
      {a.status === 'CORRECTIONS_REQUIRED' && a.corrections.length > 0 && (
        <div class="services-corrections" data-testid="corrections">
          <h2>{ts('application.corrections', { n: a.corrections.length })}</h2>
          <p>{ts('application.correctionsLead')}</p>
          <ol class="services-corrections__list">
            {a.corrections.map((c) => (
              <li key={c.target} class="services-correction" data-target={c.target}>
                <h3 class="services-correction__title">
                  <a href={fixHref(c.target)}>{ts('application.fix', { target: targetName(c.target) })}</a>
                </h3>
                <dl class="facts">
                  <dt>{ts('application.problem')}</dt>
                  <dd>{c.problem}</dd>
                  <dt>{ts('application.action')}</dt>
                  <dd>{c.action}</dd>
                </dl>
              </li>
            ))}
          </ol>
          <p>
            <a class="button button--primary" href={`/services/applications/${a.id}/fix`}>
              {ts('application.fixAll')}
            </a>
          </p>
        </div>
      )}
      {a.appointmentNext && (
        <div class="notice notice--success" data-testid="application-book">
          <p class="notice__title">{ts('application.book.title')}</p>
          <p>{ts('application.book.body')}</p>
          <p>
            <a class="button button--primary" href={`/appointments/book?item=${encodeURIComponent(a.itemCode)}`}>
              {ts('application.book.action')}
            </a>
          </p>
        </div>
      )}
      {a.status === 'PASSED' && <ServicesRate application={a} onRated={() => void reload()} />}
      <h2>{ts('application.form')}</h2>
      <dl class="summary-list">
        {a.form.map((f) => (
          <Fragment key={f.element}>
            <dt>{elementName(f.element)}</dt>
            <dd>{tsMaybe(`choice.${f.value}`) ?? f.value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{ts('application.materials')}</h2>
      <ul>
        {a.materials.map((m) => (
          <li key={m.material}>{materialName(m.material)}</li>
        ))}
      </ul>
      <h2>{ts('application.timeline')}</h2>
      <ol class="services-timeline" data-testid="timeline">
        {a.timeline.map((e, index) => (
          <li key={`${e.at}-${index}`}>
            <span class="services-timeline__when">{formatDateTime(e.at)}</span>{' '}
            {tsMaybe(`application.timeline.${e.kind}`) ?? e.kind}
          </li>
        ))}
      </ol>
      {open && !offline && <ServicesWithdraw application={a} />}
      <p>
        <a href="/services/applications">{ts('application.list')}</a>
      </p>
    </section>
  );
}

/** Withdrawing an application still in pre-review: asked twice (it cannot be undone), with
 * the stronger sign-in check the server asks for; a fee already paid goes back in full. */
function ServicesWithdraw({ application }: { application: ServicesApplicationFragment }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const withdraw = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = (await secureRequest(ServicesApplicationWithdrawDocument, { applicationId: application.id })).applicationWithdraw;
      if (result.__typename === 'ApplicationDone') {
        // a fresh page: the status, the timeline and the fee (now going back) from the server
        location.assign(`/services/applications/${application.id}?withdrawn=1`);
        return;
      }
      setFailure(result.message);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
    setBusy(false);
  };
  return (
    <section class="services-withdraw" aria-labelledby="withdraw-heading" data-testid="application-withdraw">
      <h2 id="withdraw-heading">{ts('application.withdraw.heading')}</h2>
      <p>{ts('application.withdraw.lead')}</p>
      {failure && (
        <Notice kind="error" live="alert">
          <p>{failure}</p>
        </Notice>
      )}
      {asking ? (
        <div role="group" aria-labelledby="withdraw-confirm">
          <p id="withdraw-confirm">
            <strong>{ts('application.withdraw.confirm', { number: application.number })}</strong>
          </p>
          <Button onClick={() => void withdraw()} disabled={busy}>
            {ts('application.withdraw.yes')}
          </Button>{' '}
          <Button variant="secondary" onClick={() => setAsking(false)} disabled={busy}>
            {ts('application.withdraw.no')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {ts('application.withdraw.start')}
        </Button>
      )}
    </section>
  );
}

function ServicesRate({ application, onRated }: { application: ServicesApplicationFragment; onRated: () => void }) {
  const [rating, setRating] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  if (application.rating)
    return (
      <Notice kind="success">
        <p data-testid="rating-done">{ts('application.rate.done', { n: application.rating })}</p>
      </Notice>
    );
  const send = async (event: Event) => {
    event.preventDefault();
    if (!rating) return setErrors([{ fieldId: 'rate-value', message: ts('application.rate.required') }]);
    setErrors([]);
    try {
      const result = (await secureRequest(ServicesApplicationRateDocument, { applicationId: application.id, rating: Number(rating), comment }))
        .applicationRate;
      if (result.__typename === 'ApplicationDone') onRated();
      else setFailure(result.message);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form class="services-rate" onSubmit={(e) => void send(e)} noValidate>
      <h2>{ts('application.rate.heading')}</h2>
      <ErrorSummary errors={errors} />
      {failure && (
        <Notice kind="error" live="alert">
          <p>{failure}</p>
        </Notice>
      )}
      <Radios
        id="rate-value"
        legend={ts('application.rate.legend')}
        error={errors[0]?.message}
        value={rating}
        options={['5', '4', '3', '2', '1'].map((n) => ({ value: n, label: ts('application.rate.value', { n }) }))}
        onChange={setRating}
      />
      <div class="field">
        <label class="field__label" for="rate-comment">
          {ts('application.rate.comment')}
        </label>
        <textarea id="rate-comment" class="field__input field__textarea" maxLength={500} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </div>
      <Button type="submit">{ts('application.rate.send')}</Button>
    </form>
  );
}

/** The countdown in working days (the plural form follows the count). */
export function daysLeftText(days: number): string {
  return days >= 0 ? ts('application.daysLeft', { n: days }) : ts('application.overdue', { n: -days });
}

export function ServicesApplicationList() {
  const [list, setList] = useState<ServicesMyApplicationsQuery['myApplications'] | undefined>(undefined);
  useEffect(() => {
    request(ServicesMyApplicationsDocument, {})
      .then((data) => {
        setList(data.myApplications);
        void cachePut('services.myApplications', data.myApplications);
      })
      .catch(async () => setList((await cacheGet<ServicesMyApplicationsQuery['myApplications']>('services.myApplications')) ?? []));
  }, []);
  const title = ts('services.myApplications');
  return (
    <section class="page">
      <PageHeading title={title}>{title}</PageHeading>
      {list === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : list.length === 0 ? (
        <p>{ts('services.noApplications')}</p>
      ) : (
        <ul class="card-list">
          {list.map((a) => (
            <li class="card-list__item" key={a.id}>
              <h2 class="card-list__title">
                <a href={`/services/applications/${a.id}`}>{pick(a.itemName)}</a>
                <span class="tag">{ts(`application.status.${a.status}` as ServicesKey)}</span>
              </h2>
              <p>
                {a.number} · {formatDate(String(a.dueDate))}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/services">{ts('item.back')}</a>
      </p>
    </section>
  );
}

