// Editing the knowledge base on an officer's tablet (supervisors, administrators): pick an
// article (or start a new one), edit its title and text in the three languages, and publish it
// as a new version in force from a date (today or later; readers keep the version in force
// until then). Saving needs a fresh passkey proof (step-up); the server checks every field and
// answers in the officer's language.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, summaryErrors, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Select } from '../../components/Select';
import { SERVICE_TIME_ZONE, dateIn } from '../../clock';
import { client, request } from '../../graphql/client';
import {
  HelpOfficerArticleDraftDocument,
  HelpOfficerArticleSaveDocument,
  HelpOfficerArticlesDocument,
  type HelpOfficerArticleDraftQuery,
  type HelpOfficerArticlesQuery,
  type KnowledgeCategory,
} from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { th, type HelpKey } from './helpMessages';
import { HelpTextarea } from './HelpTextarea';
import './help.css';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
const LANGS = ['zhHans', 'zhHant', 'en'] as const;
type Lang = (typeof LANGS)[number];
type Text = { title: string; body: string };
const BLANK: Text = { title: '', body: '' };
const CATEGORIES: KnowledgeCategory[] = ['TRAVEL', 'POSTAL', 'ANIMALS_PLANTS', 'TAX', 'ENTERPRISE', 'APPOINTMENTS', 'GENERAL'];
const NEW = '';
type Draft = NonNullable<HelpOfficerArticleDraftQuery['knowledgeArticleDraft']>;

/** Where a server field path points in this form. */
export function articleFieldId(path: string | null | undefined): string {
  const match = /^input\.(zhHans|zhHant|en)\.(title|body)$/.exec(path ?? '');
  if (match) return `article-${match[2]}-${match[1]}`;
  if (path === 'input.effectiveFrom') return 'article-effective';
  if (path === 'input.category') return 'article-category';
  return 'article-slug';
}

export function HelpOfficerArticles() {
  const [list, setList] = useState<HelpOfficerArticlesQuery['knowledgeArticles'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState(NEW);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [slug, setSlug] = useState('');
  const [category, setCategory] = useState<KnowledgeCategory>('TRAVEL');
  const [texts, setTexts] = useState<Record<Lang, Text>>({ zhHans: BLANK, zhHant: BLANK, en: BLANK });
  const [effective, setEffective] = useState(dateIn(SERVICE_TIME_ZONE));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadList = () =>
    request(HelpOfficerArticlesDocument, {})
      .then((data) => setList(data.knowledgeArticles))
      .catch((error) => setProblem(describeError(error)));
  useEffect(() => void loadList(), []);

  const open = async (value: string) => {
    setChosen(value);
    setErrors([]);
    setSaved(null);
    if (value === NEW) {
      setDraft(null);
      setSlug('');
      setTexts({ zhHans: BLANK, zhHant: BLANK, en: BLANK });
      return;
    }
    try {
      const found = (await request(HelpOfficerArticleDraftDocument, { slug: value })).knowledgeArticleDraft;
      if (!found) return;
      setDraft(found);
      setSlug(found.slug);
      setCategory(found.category);
      setTexts({ zhHans: found.zhHans, zhHant: found.zhHant, en: found.en });
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  const setText = (lang: Lang, part: keyof Text, value: string) => setTexts((current) => ({ ...current, [lang]: { ...current[lang], [part]: value } }));

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    const missing: SummaryError[] = [];
    if (!slug.trim()) missing.push({ fieldId: 'article-slug', message: th('officer.articles.slugRequired') });
    for (const lang of LANGS)
      if (!texts[lang].title.trim()) missing.push({ fieldId: `article-title-${lang}`, message: th(`officer.articles.titleRequired.${lang}` as HelpKey) });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      const outcome = (
        await secure(HelpOfficerArticleSaveDocument, {
          input: {
            slug,
            category,
            effectiveFrom: effective || null,
            zhHans: texts.zhHans,
            zhHant: texts.zhHant,
            en: texts.en,
            serviceItems: draft?.serviceItems ?? [],
            dutyCategories: draft?.dutyCategories ?? [],
          },
        })
      ).knowledgeArticleSave;
      if (outcome.__typename === 'KnowledgeArticleSaved') {
        setSaved(th('officer.articles.saved', { version: outcome.savedVersion, date: formatDate(effective) }));
        await loadList();
        await open(outcome.article.slug);
        setSaved(th('officer.articles.saved', { version: outcome.savedVersion, date: formatDate(effective) }));
      } else setErrors(summaryErrors(outcome, articleFieldId));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  if (!list)
    return problem ? (
      <Notice kind="error" live="alert">
        <p>{problem}</p>
      </Notice>
    ) : (
      <p role="status">{th('officer.loading')}</p>
    );
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const langLabel = (lang: Lang) => th(`officer.articles.lang.${lang}` as HelpKey);
  return (
    <div class="officer-articles">
      <Select
        id="article-choose"
        label={th('officer.articles.choose')}
        value={chosen}
        options={[{ value: NEW, label: th('officer.articles.new') }, ...list.map((a) => ({ value: a.slug, label: `${a.title} (${a.slug})` }))]}
        onChange={(value) => void open(value)}
      />
      <form onSubmit={(e) => void save(e)} noValidate>
        <ErrorSummary errors={errors} />
        {problem && (
          <Notice kind="error" live="alert">
            <p>{problem}</p>
          </Notice>
        )}
        {saved && (
          <Notice kind="success" live="status">
            <p data-testid="article-saved">{saved}</p>
          </Notice>
        )}
        {chosen === NEW && (
          <Field id="article-slug" label={th('officer.articles.slug')} hint={th('officer.articles.slugHint')} error={errorFor('article-slug')} value={slug} maxLength={60} autocapitalize="none" spellcheck={false} onInput={(e) => setSlug(e.currentTarget.value)} />
        )}
        <Select
          id="article-category"
          label={th('officer.articles.category')}
          error={errorFor('article-category')}
          value={category}
          options={CATEGORIES.map((c) => ({ value: c, label: th(`officer.articles.category.${c}` as HelpKey) }))}
          onChange={(value) => setCategory(value as KnowledgeCategory)}
        />
        {LANGS.map((lang) => (
          <fieldset key={lang} class="officer-articles__language" lang={lang === 'en' ? 'en' : lang === 'zhHant' ? 'zh-Hant' : 'zh-Hans'}>
            <legend>{langLabel(lang)}</legend>
            <Field id={`article-title-${lang}`} label={th('officer.articles.titleIn', { language: langLabel(lang) })} error={errorFor(`article-title-${lang}`)} value={texts[lang].title} maxLength={120} onInput={(e) => setText(lang, 'title', e.currentTarget.value)} />
            <HelpTextarea id={`article-body-${lang}`} label={th('officer.articles.bodyIn', { language: langLabel(lang) })} error={errorFor(`article-body-${lang}`)} value={texts[lang].body} maxLength={8000} rows={6} onInput={(value) => setText(lang, 'body', value)} />
          </fieldset>
        ))}
        <Field id="article-effective" type="date" label={th('officer.articles.effective')} hint={th('officer.articles.effectiveHint')} error={errorFor('article-effective')} value={effective} onInput={(e) => setEffective(e.currentTarget.value)} />
        <IdentityStepUpNotice />
        <Button type="submit" disabled={busy}>
          {th('officer.articles.save')}
        </Button>
      </form>
      {draft && (
        <section aria-labelledby="article-versions-heading">
          <h2 id="article-versions-heading">{th('officer.articles.versions')}</h2>
          <table class="officer-articles__versions">
            <thead>
              <tr>
                <th scope="col">{th('officer.articles.version')}</th>
                <th scope="col">{th('officer.articles.effectiveColumn')}</th>
                <th scope="col">{th('officer.articles.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.versions.map((v) => (
                <tr key={v.version} data-version={v.version}>
                  <td>
                    {v.version}
                    {v.inForce && ` · ${th('officer.articles.inForce')}`}
                  </td>
                  <td>{formatDate(String(v.effectiveFrom))}</td>
                  <td>{new Intl.ListFormat(locale.value).format(v.languages.map((l) => th(`help.language.${l}` as HelpKey)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
