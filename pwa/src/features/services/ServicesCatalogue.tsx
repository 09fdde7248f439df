import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { Select } from '../../components/Select';
import { request } from '../../graphql/client';
import {
  ServicesCatalogueDocument,
  type HandlingMode,
  type ServiceCategory,
  type ServicesItemSummaryFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { CACHE_KEYS } from '../../offline/keys';
import { me } from '../identity/identitySession';
import { ServicesDrafts } from './ServicesDrafts';
import { ts, type ServicesKey } from './servicesMessages';
import { cacheGet, cachePut, pick } from './servicesStore';
import './services.css';

const CATEGORIES: ServiceCategory[] = [
  'GOODS_CLEARANCE',
  'PASSENGER_ARTICLES',
  'TAX',
  'PROCESSING_TRADE',
  'ENTERPRISE_MANAGEMENT',
  'KNOWLEDGE',
];
const MODES: HandlingMode[] = ['FULLY_ONLINE', 'PREREVIEW_THEN_ONSITE', 'ONSITE_ONLY'];

interface Query {
  search: string;
  category: ServiceCategory | '';
  mode: HandlingMode | '';
}

function readQuery(): Query {
  const params = new URLSearchParams(location.search);
  const category = params.get('category') ?? '';
  const mode = params.get('mode') ?? '';
  return {
    search: params.get('q') ?? '',
    category: (CATEGORIES as string[]).includes(category) ? (category as ServiceCategory) : '',
    mode: (MODES as string[]).includes(mode) ? (mode as HandlingMode) : '',
  };
}

function queryKey(q: Query): string {
  return `${q.search.trim().toLowerCase()}|${q.category}|${q.mode}`;
}

/** Filter a saved list on this device when offline (the server's search is richer). */
function localFilter(items: ServicesItemSummaryFragment[], q: Query): ServicesItemSummaryFragment[] {
  const needle = q.search.trim().toLowerCase();
  return items.filter(
    (i) =>
      (!q.category || i.category === q.category) &&
      (!q.mode || i.handlingMode === q.mode) &&
      (!needle ||
        [i.code, i.name.zhHans, i.name.zhHant, i.name.en, i.description.zhHans, i.description.en].some((s) =>
          s.toLowerCase().includes(needle),
        )),
  );
}

export function ServicesCatalogue() {
  const [query, setQuery] = useState<Query>(readQuery);
  const [form, setForm] = useState<Query>(query);
  const [items, setItems] = useState<ServicesItemSummaryFragment[] | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const key = CACHE_KEYS.servicesList(queryKey(query));
    setFailed(false);
    request(ServicesCatalogueDocument, {
      search: query.search.trim() || null,
      category: query.category || null,
      handlingMode: query.mode || null,
    })
      .then(async (data) => {
        if (!live) return;
        setOffline(false);
        setItems(data.serviceItems.nodes);
        await cachePut(key, data.serviceItems.nodes);
        if (!query.search && !query.category && !query.mode) await cachePut(CACHE_KEYS.servicesList('all'), data.serviceItems.nodes);
      })
      .catch(async () => {
        if (!live) return;
        setOffline(true);
        const exact = await cacheGet<ServicesItemSummaryFragment[]>(key);
        const all = exact ?? localFilter((await cacheGet<ServicesItemSummaryFragment[]>(CACHE_KEYS.servicesList('all'))) ?? [], query);
        if (!live) return;
        if (exact === undefined && all.length === 0) setFailed(true);
        setItems(all);
      });
    return () => {
      live = false;
    };
  }, [query.search, query.category, query.mode]);

  const apply = (event: Event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (form.search.trim()) params.set('q', form.search.trim());
    if (form.category) params.set('category', form.category);
    if (form.mode) params.set('mode', form.mode);
    const search = params.toString();
    history.replaceState(null, '', `/services${search ? `?${search}` : ''}`);
    setQuery({ ...form });
  };

  const title = t('services.title');
  return (
    <section class="page services">
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{ts('services.lead')}</p>
      {me.value && (
        <p>
          <a href="/services/applications">{ts('services.myApplications')}</a>
        </p>
      )}
      {me.value?.person && <ServicesDrafts />}
      <form class="services-filter" role="search" onSubmit={apply}>
        <Field
          id="services-search"
          label={ts('services.search')}
          hint={ts('services.searchHint')}
          value={form.search}
          inputMode="search"
          onInput={(e) => setForm({ ...form, search: e.currentTarget.value })}
        />
        <div class="services-filter__row">
          <Select
            id="services-category"
            label={ts('services.category')}
            value={form.category}
            options={[
              { value: '', label: ts('services.category.all') },
              ...CATEGORIES.map((c) => ({ value: c, label: ts(`services.category.${c}` as ServicesKey) })),
            ]}
            onChange={(value) => setForm({ ...form, category: value as ServiceCategory | '' })}
          />
          <Select
            id="services-mode"
            label={ts('services.mode')}
            value={form.mode}
            options={[
              { value: '', label: ts('services.mode.all') },
              ...MODES.map((m) => ({ value: m, label: ts(`services.mode.${m}` as ServicesKey) })),
            ]}
            onChange={(value) => setForm({ ...form, mode: value as HandlingMode | '' })}
          />
        </div>
        <Button type="submit">{ts('services.filter')}</Button>
      </form>
      {offline && !failed && (
        <Notice>
          <p>{ts('services.offline')}</p>
        </Notice>
      )}
      {failed && (
        <Notice kind="error" live="alert">
          <p>{ts('services.loadError')}</p>
        </Notice>
      )}
      {items === undefined ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <p role="status" class="services-count">
            {ts('services.results', { n: items.length })}
          </p>
          {items.length === 0 && !failed && <p>{ts('services.none')}</p>}
          <ul class="card-list" data-testid="services-list">
            {items.map((item) => (
              <li class="card-list__item" key={item.code}>
                <h2 class="card-list__title">
                  <a href={`/services/items/${encodeURIComponent(item.code)}`}>{pick(item.name)}</a>
                </h2>
                <p>{pick(item.description)}</p>
                <p class="services-meta">
                  <span class="tag">{ts(`services.mode.${item.handlingMode}` as ServicesKey)}</span>
                  <span>{ts(`services.category.${item.category}` as ServicesKey)}</span>
                  <span>{ts('services.timeLimit', { days: item.timeLimitDays })}</span>
                  <span class="services-code">{item.code}</span>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="link-list">
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
