import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { ErrorSummary, summaryErrors, type SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { Select } from '../../components/Select';
import { request } from '../../graphql/client';
import {
  HelpFeedbackConsentDocument,
  HelpFeedbackStatusDocument,
  HelpFeedbackSubmitDocument,
  type FeedbackKind,
  type HelpFeedbackStatusQuery,
} from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { cacheGet, cachePut } from '../../offline/cache';
import { CACHE_KEYS } from '../../offline/keys';
import { me } from '../identity/identitySession';
import { th, type HelpKey } from './helpMessages';
import './help.css';

const KINDS: FeedbackKind[] = ['COMPLAINT', 'SUGGESTION', 'FEEDBACK', 'REPORT'];

interface Mine {
  reference: string;
  trackingCode: string | null;
}
type Item = NonNullable<HelpFeedbackStatusQuery['feedbackStatus']>;

function fieldId(path: string | null | undefined): string {
  return path === 'input.kind' ? 'feedback-kind' : 'feedback-message';
}

function FeedbackStatus({ mine }: { mine: Mine }) {
  const [item, setItem] = useState<Item | null | undefined>(undefined);
  const [consented, setConsented] = useState(false);

  useEffect(() => {
    request(HelpFeedbackStatusDocument, { reference: mine.reference, trackingCode: mine.trackingCode })
      .then((data) => setItem(data.feedbackStatus))
      .catch(() => setItem(undefined));
  }, [mine.reference, mine.trackingCode]);

  if (!item) return null;
  const consent = async () => {
    const data = await request(HelpFeedbackConsentDocument, {
      input: { reference: mine.reference, agree: true, trackingCode: mine.trackingCode },
    });
    if (data.feedbackConsent.__typename === 'FeedbackChanged') setConsented(true);
  };
  const agreed = consented || item.publicationConsent === true;
  return (
    <li class="feedback-item" data-reference={item.reference}>
      <p>
        <strong>{item.reference}</strong> · {th(`feedback.kind.${item.kind}` as HelpKey)} · <span class="feedback-item__status">{th(`feedback.status.${item.status}` as HelpKey)}</span>
      </p>
      {item.replies.map((reply) => (
        <div key={reply.at}>
          <h3>{th('feedback.answer')}</h3>
          <p>{reply.text}</p>
        </div>
      ))}
      {item.replies.length > 0 &&
        (agreed ? (
          <p>{th('feedback.consented')}</p>
        ) : (
          <Button variant="secondary" onClick={() => void consent()}>
            {th('feedback.consent')}
          </Button>
        ))}
    </li>
  );
}

export function HelpFeedback() {
  const [kind, setKind] = useState<FeedbackKind>('COMPLAINT');
  const [message, setMessage] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [sent, setSent] = useState<{ reference: string; dueDate: string; trackingCode: string | null } | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [mine, setMine] = useState<Mine[]>([]);
  // undefined while the server has not said who this is (a page just opened): nothing is
  // assumed then. A signed-out sender is made anonymous by the server itself, so a message sent
  // before the answer arrives still belongs to the account that is signed in.
  const account = me.value;

  useEffect(() => {
    void cacheGet<Mine[]>(CACHE_KEYS.feedbackMine).then((list) => setMine(list ?? []));
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailed(false);
    try {
      const data = await request(HelpFeedbackSubmitDocument, {
        input: { kind, message, page: location.pathname, anonymous: Boolean(account) && anonymous, language: locale.value === 'en' ? 'EN' : locale.value === 'zh-Hant' ? 'ZH_HANT' : 'ZH_HANS' },
      });
      const result = data.feedbackSubmit;
      if (result.__typename === 'ValidationError') {
        setErrors(summaryErrors(result, fieldId));
        return;
      }
      setErrors([]);
      setSent({ reference: result.reference, dueDate: String(result.dueDate), trackingCode: result.trackingCode ?? null });
      setMessage('');
      const list = [{ reference: result.reference, trackingCode: result.trackingCode ?? null }, ...mine].slice(0, 20);
      setMine(list);
      await cachePut(CACHE_KEYS.feedbackMine, list);
    } catch {
      setFailed(true);
    }
  };

  const title = th('feedback.title');
  return (
    <section class="page help">
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{th('feedback.lead')}</p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {failed && <Notice kind="error">{th('feedback.failed')}</Notice>}
      {sent && (
        <Notice kind="success">
          <p>{th('feedback.sent', { reference: sent.reference, date: sent.dueDate })}</p>
          {sent.trackingCode && <p class="feedback-tracking">{th('feedback.trackingCode', { code: sent.trackingCode })}</p>}
        </Notice>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Select
          id="feedback-kind"
          label={th('feedback.kind')}
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: th(`feedback.kind.${k}` as HelpKey) }))}
          onChange={(value) => setKind(value as FeedbackKind)}
        />
        <div class={errors.length ? 'field field--error' : 'field'}>
          <label class="field__label" for="feedback-message">
            {th('feedback.message')}
          </label>
          <p class="field__hint" id="feedback-message-hint">
            {th('feedback.messageHint')}
          </p>
          {errors[0] && (
            <p class="field__error" id="feedback-message-error">
              {errors[0].message}
            </p>
          )}
          <textarea
            id="feedback-message"
            class="field__input field__textarea"
            maxLength={2000}
            aria-describedby={errors[0] ? 'feedback-message-hint feedback-message-error' : 'feedback-message-hint'}
            value={message}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
        </div>
        {account && (
          <Checkbox id="feedback-anonymous" label={th('feedback.anonymous')} hint={th('feedback.anonymousHint')} checked={anonymous} onChange={setAnonymous} />
        )}
        {account === null && <p>{th('feedback.signedOut')}</p>}
        <Button type="submit">{th('feedback.send')}</Button>
      </form>
      {mine.length > 0 && (
        <section aria-labelledby="feedback-mine">
          <h2 id="feedback-mine">{th('feedback.mine')}</h2>
          <ul class="feedback-list">
            {mine.map((m) => (
              <FeedbackStatus key={m.reference} mine={m} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
