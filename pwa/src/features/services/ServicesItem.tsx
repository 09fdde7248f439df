import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../i18n';
import { useServiceItem } from './servicesHooks';
import { ts, type ServicesKey } from './servicesMessages';
import { pick } from './servicesStore';
import './services.css';

export function ServicesItem({ code }: { code: string }) {
  const { bundle, offline } = useServiceItem(code);
  if (bundle === undefined) return <p role="status">{t('loading')}</p>;
  if (bundle === null)
    return (
      <section class="page">
        <PageHeading title={ts('item.missing')}>{ts('item.missing')}</PageHeading>
        <p>
          <a href="/services">{ts('item.back')}</a>
        </p>
      </section>
    );
  const { item, materials } = bundle;
  const title = pick(item.name);
  const onsiteOnly = item.handlingMode === 'ONSITE_ONLY';
  return (
    <section class="page services-item">
      <p>
        <a href="/services">{ts('item.back')}</a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {offline && (
        <Notice>
          <p>{ts('services.offline')}</p>
        </Notice>
      )}
      <p class="services-meta">
        <span class="tag">{ts(`services.mode.${item.handlingMode}` as ServicesKey)}</span>
        <span class="services-code">{item.code}</span>
      </p>
      {onsiteOnly && (
        <Notice title={ts('item.onsiteOnly')}>
          <p>{pick(item.onsiteReason)}</p>
        </Notice>
      )}
      <h2>{ts('item.what')}</h2>
      <p>{pick(item.description)}</p>
      <h2>{ts('item.who')}</h2>
      <p>{pick(item.conditions)}</p>
      <h2>{ts('item.materials')}</h2>
      <ul class="services-materials">
        {item.materials.map((m) => {
          const type = materials[m.material];
          return (
            <li key={m.material} class="services-materials__item">
              <strong>{type ? pick(type.name) : m.material}</strong>{' '}
              <span class="tag">{m.required ? ts('item.required') : ts('item.optional')}</span>
              {type?.originalOnSite && <p class="services-flag">{ts('item.original')}</p>}
              {type?.requiresValidity && <p class="field__hint">{ts('item.validity')}</p>}
              {type && (
                <p class="field__hint">
                  {ts('item.formats', {
                    formats: type.acceptedFormats.map((f) => f.toUpperCase()).join(', '),
                    mb: Math.round(type.maxBytes / 1024 / 1024),
                  })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <dl class="summary-list">
        <dt>{ts('item.mode')}</dt>
        <dd>{ts(`services.mode.${item.handlingMode}` as ServicesKey)}</dd>
        <dt>{ts('item.timeLimit')}</dt>
        <dd>{ts('services.timeLimit', { days: item.timeLimitDays })}</dd>
        <dt>{ts('item.fees')}</dt>
        <dd>{pick(item.fees)}</dd>
        <dt>{ts('item.legalBasis')}</dt>
        <dd>{pick(item.legalBasis)}</dd>
      </dl>
      {!onsiteOnly && (
        <p>
          <a class="button button--primary" href={`/services/items/${encodeURIComponent(item.code)}/apply`}>
            {ts('item.apply')}
          </a>
        </p>
      )}
    </section>
  );
}
