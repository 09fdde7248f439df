import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import type { SummaryError } from '../../components/ErrorSummary';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { formatDateTime, formatMoney, formatNumber } from '../../i18n/format';
import { HelpLink } from '../help/HelpLink';
import { inlineErrors } from '../identity/identityErrors';
import { DeclarationArticlePhoto } from './DeclarationArticlePhoto';
import { DeclarationEstimateView, DeclarationLineExplanation } from './DeclarationEstimateView';
import { categoryName, localized, useEstimate, type EstimateState } from './declarationsHooks';
import {
  blankArticle,
  CURRENCIES,
  draftPath,
  isMoney,
  MEASURED_CATEGORIES,
  travellerResidency,
  type DeclarationDraftData,
  type DraftArticle,
  type StepProps,
} from './declarationsModel';
import type { CachedRules, DutyRules } from './declarationsStore';
import { td } from './declarationsMessages';

const id = (name: string) => `article-${name}`;

export function articleProblems(a: DraftArticle): SummaryError[] {
  const out: SummaryError[] = [];
  if (!a.categoryCode) out.push({ fieldId: id('category'), message: td('declare.article.category.required') });
  if (!a.description.trim()) out.push({ fieldId: id('description'), message: td('declare.article.description.required') });
  if (!/^\d{1,5}$/.test(a.quantity.trim()) || Number(a.quantity) < 1)
    out.push({ fieldId: id('quantity'), message: td('declare.article.quantity.invalid') });
  if (!isMoney(a.unitValue)) out.push({ fieldId: id('unitValue'), message: td('declare.article.unitValue.invalid') });
  if (MEASURED_CATEGORIES[a.categoryCode] && !/^\d{1,6}$/.test(a.unitMeasure.trim()))
    out.push({ fieldId: id('unitMeasure'), message: td(`declare.article.measure.${MEASURED_CATEGORIES[a.categoryCode] ?? 'ml'}.required`) });
  return out;
}

export function travellerNames(draft: DeclarationDraftData, declarantName: string): string[] {
  const companions = draft.hasCompanions === 'yes' ? draft.companions : [];
  return [declarantName || td('declare.you'), ...companions.map((c, i) => c.fullName || td('declare.companionN', { n: i + 1 }))];
}

/** Rates of the cached rule set, and when this device last fetched them. */
export function DeclarationRatesOf({ rules, offline }: { rules: CachedRules | null; offline: boolean }) {
  if (!rules) return null;
  return (
    <p class="rates-of">
      {td('declare.ratesOf', {
        date: String(rules.rules.ratesDate),
        updated: formatDateTime(new Date(rules.storedAt)),
      })}
      {offline ? ` ${td('declare.rulesOffline')}` : ''}
    </p>
  );
}

/** The price of one in the person's locale (1 × ¥9,000.00), or what they typed if not a number yet. */
function unitPrice(a: DraftArticle): string {
  if (!isMoney(a.unitValue)) return `${a.unitValue || '—'} ${a.currency}`;
  try {
    return formatMoney(Number(a.unitValue.trim().replace(/,/g, '')), a.currency);
  } catch {
    return `${a.unitValue} ${a.currency}`;
  }
}

function lineOf(state: EstimateState, key: string) {
  return state.kind === 'online' || state.kind === 'offline' ? state.estimate.lines.find((l) => l.articleKey === key) : undefined;
}

export function DeclarationArticlesStep({ draftId, draft, update, rules, rulesOffline, profile, errors, setErrors, go }: StepProps) {
  const estimate = useEstimate(draft, profile, rules);
  const names = travellerNames(draft, profile?.fullName ?? '');
  const add = () => {
    const article = blankArticle();
    update((d) => ({ ...d, articles: [...d.articles, article] }));
    go(`article/${article.key}`);
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const bad = draft.articles.findIndex((a) => articleProblems(a).length > 0);
    if (bad >= 0) return setErrors([{ fieldId: `article-change-${bad}`, message: td('declare.articles.incomplete') }]);
    go('cash');
  };
  void errors;
  return (
    <form onSubmit={submit} noValidate>
      <p>{td(draft.direction === 'DEPARTING' ? 'declare.articles.introDeparting' : 'declare.articles.intro')}</p>
      <DeclarationRatesOf rules={rules} offline={rulesOffline} />
      {draft.articles.length === 0 ? (
        <p>{td('declare.articles.empty')}</p>
      ) : (
        <ul class="card-list">
          {draft.articles.map((a, index) => (
            <li class="card-list__item" key={a.key} data-article-key={a.key}>
              <h2 class="card-list__title">{a.description || td('declare.articles.unnamed')}</h2>
              <p>
                {categoryName(rules, a.categoryCode)} · {a.quantity} × {unitPrice(a)}
                {names.length > 1 ? ` · ${names[a.traveller] ?? ''}` : ''}
              </p>
              {lineOf(estimate, a.key) && (
                <DeclarationLineExplanation line={lineOf(estimate, a.key)!} rules={rules} quantity={Number(a.quantity)} />
              )}
              {a.photo && <p data-testid="article-has-photo">{td('declare.article.photo.added')}</p>}
              {a.photoRefused && <p class="field__error">{a.photoRefused}</p>}
              {articleProblems(a).length > 0 && <p class="field__error">{td('declare.articles.incompleteOne')}</p>}
              <div class="button-row">
                <a id={`article-change-${index}`} href={draftPath(draftId, `article/${a.key}`)} onClick={(e) => (e.preventDefault(), go(`article/${a.key}`))}>
                  {td('declare.change')}
                  <span class="visually-hidden"> {a.description}</span>
                </a>
                <Button variant="link" onClick={() => update((d) => ({ ...d, articles: d.articles.filter((x) => x.key !== a.key) }))}>
                  {td('declare.remove')}
                  <span class="visually-hidden"> {a.description}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Button variant="secondary" onClick={add}>
          {td(draft.articles.length ? 'declare.articles.addAnother' : 'declare.articles.add')}
        </Button>
      </p>
      {draft.articles.length > 0 && <DeclarationEstimateView state={estimate} rules={rules} names={names} compact />}
      <Button type="submit">{td('declare.continue')}</Button>
    </form>
  );
}

function matches(category: DutyRules['categories'][number], query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const texts = [
    category.code,
    category.name.en,
    category.name.zhHans,
    category.name.zhHant,
    category.examples.en,
    category.examples.zhHans,
    category.examples.zhHant,
    ...(category.synonyms ?? []),
  ];
  return texts.some((text) => text.toLowerCase().includes(q));
}

export function DeclarationArticleEdit({ draft, update, rules, profile, errors, setErrors, go, item }: StepProps) {
  const estimate = useEstimate(draft, profile, rules);
  const inline = inlineErrors(errors);
  const [query, setQuery] = useState('');
  const article = draft.articles.find((a) => a.key === item);
  if (!article) return <p>{td('declare.articles.missing')}</p>;
  const set = <K extends keyof DraftArticle>(key: K, value: DraftArticle[K]) =>
    update((d) => ({ ...d, articles: d.articles.map((a) => (a.key === item ? { ...a, [key]: value } : a)) }));
  const names = travellerNames(draft, profile?.fullName ?? '');
  const categories = rules?.rules.categories ?? [];
  const shown = categories.filter((c) => matches(c, query) || c.code === article.categoryCode);
  const measure = MEASURED_CATEGORIES[article.categoryCode];
  const nonResident = !travellerResidency(draft, profile ?? null, article.traveller);
  const submit = (event: Event) => {
    event.preventDefault();
    const problems = articleProblems(article);
    if (problems.length) return setErrors(problems);
    go('articles');
  };
  return (
    <form onSubmit={submit} noValidate>
      {names.length > 1 && (
        <Select
          id={id('traveller')}
          label={td('declare.article.traveller.label')}
          value={String(article.traveller)}
          options={names.map((name, index) => ({ value: String(index), label: name }))}
          onChange={(v) => set('traveller', Number(v))}
        />
      )}
      <div class={inline[id('category')] ? 'field field--error' : 'field'}>
        <fieldset class="radios category-picker" aria-describedby={inline[id('category')] ? `${id('category')}-error` : undefined}>
          <legend class="field__label">{td('declare.article.category.legend')}</legend>
          {inline[id('category')] && (
            <p class="field__error" id={`${id('category')}-error`}>
              {inline[id('category')]}
            </p>
          )}
          <Field
            id={id('categorySearch')}
            label={td('declare.article.category.search')}
            hint={td('declare.article.category.searchHint')}
            value={query}
            inputMode="search"
            autocomplete="off"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <HelpLink question="declare.article.category" />
          {!categories.length && <p>{td('declare.article.category.unavailable')}</p>}
          {shown.length === 0 && categories.length > 0 && <p role="status">{td('declare.article.category.noMatch')}</p>}
          <div class="category-picker__list">
            {shown.map((c, index) => {
              const inputId = index === 0 ? id('category') : `${id('category')}-${c.code}`;
              return (
                <div class="radios__item" key={c.code}>
                  <input
                    class="radios__input"
                    type="radio"
                    id={inputId}
                    name={id('category')}
                    value={c.code}
                    checked={article.categoryCode === c.code}
                    aria-describedby={`${inputId}-hint`}
                    onChange={() => set('categoryCode', c.code)}
                  />
                  <label class="radios__label" for={inputId}>
                    {localized(c.name)}
                  </label>
                  <p class="radios__hint" id={`${inputId}-hint`}>
                    {localized(c.examples)} · {td('declare.article.rate', { rate: formatNumber(Number(c.rate), { style: 'percent' }) })}
                  </p>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <Field
        id={id('description')}
        label={td('declare.article.description.label')}
        hint={td('declare.article.description.hint')}
        error={inline[id('description')]}
        value={article.description}
        maxLength={200}
        onInput={(e) => set('description', e.currentTarget.value)}
      />
      <Field
        id={id('quantity')}
        label={td('declare.article.quantity.label')}
        error={inline[id('quantity')]}
        value={article.quantity}
        inputMode="numeric"
        onInput={(e) => set('quantity', e.currentTarget.value)}
      />
      {measure && (
        <Field
          id={id('unitMeasure')}
          label={td(`declare.article.measure.${measure}.label`)}
          hint={td(`declare.article.measure.${measure}.hint`)}
          error={inline[id('unitMeasure')]}
          value={article.unitMeasure}
          inputMode="numeric"
          onInput={(e) => set('unitMeasure', e.currentTarget.value)}
        />
      )}
      <Field
        id={id('unitValue')}
        label={td('declare.article.unitValue.label')}
        hint={td('declare.article.unitValue.hint')}
        error={inline[id('unitValue')]}
        value={article.unitValue}
        inputMode="decimal"
        onInput={(e) => set('unitValue', e.currentTarget.value)}
      />
      <Select
        id={id('currency')}
        label={td('declare.article.currency.label')}
        value={article.currency}
        options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        onChange={(v) => set('currency', v)}
      />
      {/^\d+$/.test(article.quantity.trim()) && Number(article.quantity) > 1 && (
        <Checkbox
          id={id('indivisible')}
          label={td('declare.article.indivisible.label')}
          hint={td('declare.article.indivisible.hint')}
          checked={article.indivisible}
          onChange={(v) => set('indivisible', v)}
        />
      )}
      <Checkbox
        id={id('dutyFreeShop')}
        label={td('declare.article.dutyFree.label')}
        hint={td('declare.article.dutyFree.hint')}
        checked={article.dutyFreeShop}
        onChange={(v) => set('dutyFreeShop', v)}
      />
      <HelpLink question="declare.article.dutyFree" />
      {nonResident && (
        <Checkbox
          id={id('takenOutAgain')}
          label={td('declare.article.takenOut.label')}
          hint={td('declare.article.takenOut.hint')}
          checked={article.takenOutAgain}
          onChange={(v) => set('takenOutAgain', v)}
        />
      )}
      <DeclarationArticlePhoto article={article} update={update} />
      {lineOf(estimate, article.key) && (
        <div aria-live="polite">
          <DeclarationLineExplanation line={lineOf(estimate, article.key)!} rules={rules} quantity={Number(article.quantity)} />
        </div>
      )}
      <Button type="submit">{td('declare.article.save')}</Button>
    </form>
  );
}
