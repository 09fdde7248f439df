// A supervisor or administrator publishes a policy notice (three languages, a category, an
// optional catalogue item) to everyone following the category. Publishing needs a fresh passkey
// proof (level 3): the step-up is asked for when the button is pressed. The server validates
// every field; its messages come back in the officer's language, linked to their fields.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, summaryErrors, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Select } from '../../components/Select';
import { client, request } from '../../graphql/client';
import {
  NotificationsPublishContextDocument,
  NotificationsPublishDocument,
  type NotificationsPublishContextQuery,
} from '../../graphql/generated/graphql';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { pick } from '../services/servicesStore';
import { tn, tnMaybe } from './notificationsMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });

const LANGS = ['zhHans', 'zhHant', 'en'] as const;
type Lang = (typeof LANGS)[number];
type Texts = Record<Lang, string>;
const EMPTY: Texts = { zhHans: '', zhHant: '', en: '' };
/** The server's limits (notifications/services.py), so the person cannot type past them. */
const TITLE_MAX: Record<Lang, number> = { zhHans: 80, zhHant: 80, en: 120 };
const BODY_MAX: Record<Lang, number> = { zhHans: 300, zhHant: 300, en: 400 };

/** Where a server field path points in this form. */
export function publishFieldId(path: string | null | undefined): string {
  const match = /^input\.(title|body)\.(zhHans|zhHant|en)$/.exec(path ?? '');
  if (match) return `publish-${match[1]}-${match[2]}`;
  if (path === 'input.link') return 'publish-item';
  return 'publish-category';
}

type Context = NotificationsPublishContextQuery;

export function NotificationsPublish() {
  const [context, setContext] = useState<Context | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState<Texts>(EMPTY);
  const [body, setBody] = useState<Texts>(EMPTY);
  const [item, setItem] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request(NotificationsPublishContextDocument, {})
      .then(setContext)
      .catch((error) => setLoadProblem(describeError(error)));
  }, []);

  const categoryLabel = (c: string) => tnMaybe(`settings.policy.${c}`) ?? c;

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setPublished(null);
    // What the person can see is missing is said at once, before any passkey prompt.
    const missing: SummaryError[] = [];
    if (!category) missing.push({ fieldId: 'publish-category', message: tn('publish.error.category') });
    for (const lang of LANGS) {
      if (!title[lang].trim()) missing.push({ fieldId: `publish-title-${lang}`, message: tn(`publish.error.title.${lang}`) });
    }
    for (const lang of LANGS) {
      if (!body[lang].trim()) missing.push({ fieldId: `publish-body-${lang}`, message: tn(`publish.error.body.${lang}`) });
    }
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      const outcome = (
        await secure(NotificationsPublishDocument, {
          input: { category, title, body, link: item ? `/services/items/${encodeURIComponent(item)}` : '' },
        })
      ).policyNoticePublish;
      if (outcome.__typename === 'PolicyNoticePublished') {
        setPublished(categoryLabel(outcome.category));
        setTitle(EMPTY);
        setBody(EMPTY);
        setItem('');
      } else {
        setErrors(summaryErrors(outcome, publishFieldId));
      }
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  if (!context) {
    return loadProblem ? (
      <Notice kind="error" live="alert">
        <p>{loadProblem}</p>
      </Notice>
    ) : (
      <p role="status">{tn('publish.loading')}</p>
    );
  }
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const langLabel = (lang: Lang) => tn(`publish.lang.${lang}`);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p class="lead">{tn('publish.lead')}</p>
      <ErrorSummary errors={errors} />
      {published && (
        <Notice kind="success" live="status" title={tn('publish.done.title')}>
          <p data-testid="publish-done">{tn('publish.done.body', { category: published })}</p>
        </Notice>
      )}
      {problem && (
        <Notice kind="error" live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      <Select
        id="publish-category"
        label={tn('publish.category')}
        hint={tn('publish.categoryHint')}
        error={errorFor('publish-category')}
        value={category}
        options={[
          { value: '', label: tn('publish.choose') },
          ...context.myNotificationSettings.availablePolicyCategories.map((c) => ({ value: c, label: categoryLabel(c) })),
        ]}
        onChange={setCategory}
      />
      <fieldset>
        <legend>{tn('publish.titleHeading')}</legend>
        {LANGS.map((lang) => (
          <Field
            key={lang}
            id={`publish-title-${lang}`}
            label={tn('publish.titleIn', { language: langLabel(lang) })}
            error={errorFor(`publish-title-${lang}`)}
            value={title[lang]}
            maxLength={TITLE_MAX[lang]}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setTitle((current) => ({ ...current, [lang]: value }));
            }}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{tn('publish.bodyHeading')}</legend>
        {LANGS.map((lang) => {
          const id = `publish-body-${lang}`;
          const error = errorFor(id);
          return (
            <div key={lang} class={error ? 'field field--error' : 'field'}>
              <label class="field__label" for={id}>
                {tn('publish.bodyIn', { language: langLabel(lang) })}
              </label>
              <p class="field__hint" id={`${id}-hint`}>
                {tn('publish.bodyHint', { max: BODY_MAX[lang] })}
              </p>
              {error && (
                <p class="field__error" id={`${id}-error`}>
                  {error}
                </p>
              )}
              <textarea
                id={id}
                class="field__input field__textarea"
                maxLength={BODY_MAX[lang]}
                rows={4}
                aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
                aria-invalid={error ? 'true' : undefined}
                value={body[lang]}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setBody((current) => ({ ...current, [lang]: value }));
                }}
              />
            </div>
          );
        })}
      </fieldset>
      <Select
        id="publish-item"
        label={tn('publish.item')}
        hint={tn('publish.itemHint')}
        error={errorFor('publish-item')}
        value={item}
        options={[
          { value: '', label: tn('publish.noItem') },
          ...context.serviceItems.nodes.map((n) => ({ value: n.code, label: `${pick(n.name)} (${n.code})` })),
        ]}
        onChange={setItem}
      />
      <IdentityStepUpNotice />
      <div class="button-row">
        <Button type="submit" disabled={busy}>
          {tn('publish.submit')}
        </Button>
      </div>
    </form>
  );
}
