// The 12360 queue on an officer's tablet (supervisors, administrators): unanswered items,
// escalated first, then by the day the answer is due; an answer is sent to the sender (who is
// notified). Items whose sender agreed to publication wait below: the officer rewrites them
// without personal data and publishes them (passkey step-up; the server refuses a text that
// still holds a phone, ID or passport number or an email address).
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, summaryErrors, type SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { client, request } from '../../graphql/client';
import {
  HelpOfficerPublishDocument,
  HelpOfficerQueueDocument,
  HelpOfficerReplyDocument,
  type HelpOfficerQueueQuery,
} from '../../graphql/generated/graphql';
import { formatDate, formatDateTime } from '../../i18n/format';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { th, type HelpKey } from './helpMessages';
import { HelpTextarea } from './HelpTextarea';
import './help.css';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
const MAX = 2000;

type Item = HelpOfficerQueueQuery['feedbackQueue'][number];

function ItemHead({ item }: { item: Item }) {
  return (
    <>
      <h3 class="officer-feedback__title">
        {item.reference} · {th(`feedback.kind.${item.kind}` as HelpKey)}
        {item.escalated && <span class="officer-feedback__escalated"> · {th('officer.feedback.escalated')}</span>}
      </h3>
      <p class="field__hint">
        {th('officer.feedback.received', { date: formatDateTime(String(item.submittedAt)) })}
        {item.dueDate && ` · ${th('officer.feedback.due', { date: formatDate(String(item.dueDate)) })}`}
        {` · ${th(item.anonymous ? 'officer.feedback.anonymous' : 'officer.feedback.signed')}`}
      </p>
      <blockquote class="officer-feedback__message">{item.message}</blockquote>
      {item.replies.map((reply) => (
        <div key={String(reply.at)} class="officer-feedback__reply">
          <p class="field__hint">{th('officer.feedback.answeredAt', { date: formatDateTime(String(reply.at)) })}</p>
          <p>{reply.text}</p>
        </div>
      ))}
    </>
  );
}

function AnswerForm({ item, onDone }: { item: Item; onDone: (message: string) => void }) {
  const id = `reply-${item.reference}`;
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const send = async (event: Event) => {
    event.preventDefault();
    if (text.trim().length < 2) return setErrors([{ fieldId: id, message: th('officer.feedback.replyRequired') }]);
    setBusy(true);
    try {
      const outcome = (await request(HelpOfficerReplyDocument, { input: { reference: item.reference, reply: text } })).feedbackReply;
      if (outcome.__typename === 'FeedbackChanged') {
        setErrors([]);
        onDone(th(item.anonymous ? 'officer.feedback.sentAnonymous' : 'officer.feedback.sent', { reference: item.reference }));
      } else if (outcome.__typename === 'ValidationError') setErrors(summaryErrors(outcome, () => id));
      else setErrors([{ fieldId: id, message: outcome.message }]);
    } catch (error) {
      setErrors([{ fieldId: id, message: describeError(error) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void send(e)} noValidate>
      <ErrorSummary errors={errors} />
      <HelpTextarea id={id} label={th('officer.feedback.reply')} hint={th('officer.feedback.replyHint')} error={errors[0]?.message} value={text} maxLength={MAX} onInput={setText} />
      <Button type="submit" disabled={busy}>
        {th('officer.feedback.send')}
      </Button>
    </form>
  );
}

function PublishForm({ item, onDone }: { item: Item; onDone: (message: string) => void }) {
  const messageId = `public-message-${item.reference}`;
  const replyId = `public-reply-${item.reference}`;
  const [message, setMessage] = useState(item.message);
  const [reply, setReply] = useState(item.replies.at(-1)?.text ?? '');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const fieldId = (path: string | null | undefined) => (path === 'input.publicReply' ? replyId : messageId);
  const publish = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const outcome = (await secure(HelpOfficerPublishDocument, { input: { reference: item.reference, publicMessage: message, publicReply: reply } }))
        .feedbackPublish;
      if (outcome.__typename === 'FeedbackChanged') {
        setErrors([]);
        onDone(th('officer.publish.done', { reference: item.reference }));
      } else if (outcome.__typename === 'ValidationError') setErrors(summaryErrors(outcome, fieldId));
      else setErrors([{ fieldId: fieldId(outcome.field), message: outcome.message }]);
    } catch (error) {
      setErrors([{ fieldId: messageId, message: describeError(error) }]);
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <form onSubmit={(e) => void publish(e)} noValidate>
      <ErrorSummary errors={errors} />
      <HelpTextarea id={messageId} label={th('officer.publish.message')} hint={th('officer.publish.hint')} error={errorFor(messageId)} value={message} maxLength={MAX} onInput={setMessage} />
      <HelpTextarea id={replyId} label={th('officer.publish.reply')} error={errorFor(replyId)} value={reply} maxLength={MAX} onInput={setReply} />
      <IdentityStepUpNotice />
      <Button type="submit" disabled={busy}>
        {th('officer.publish.submit')}
      </Button>
    </form>
  );
}

export function HelpOfficerFeedback() {
  const [data, setData] = useState<HelpOfficerQueueQuery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = () =>
    request(HelpOfficerQueueDocument, {})
      .then(setData)
      .catch((error) => setProblem(describeError(error)));
  useEffect(() => void load(), []);
  const finished = (message: string) => {
    setDone(message);
    void load();
  };
  if (!data)
    return problem ? (
      <Notice kind="error" live="alert">
        <p>{problem}</p>
      </Notice>
    ) : (
      <p role="status">{th('officer.loading')}</p>
    );
  return (
    <div class="officer-feedback">
      {done && (
        <Notice kind="success" live="status">
          <p data-testid="officer-feedback-done">{done}</p>
        </Notice>
      )}
      <section aria-labelledby="officer-queue-heading">
        <h2 id="officer-queue-heading">{th('officer.feedback.queue', { count: data.feedbackQueue.length })}</h2>
        {data.feedbackQueue.length === 0 && <p>{th('officer.feedback.empty')}</p>}
        <ul class="card-list">
          {data.feedbackQueue.map((item) => (
            <li key={item.reference} class={item.escalated ? 'officer-feedback__item officer-feedback__item--escalated' : 'officer-feedback__item'} data-reference={item.reference}>
              <ItemHead item={item} />
              <AnswerForm item={item} onDone={finished} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="officer-publish-heading">
        <h2 id="officer-publish-heading">{th('officer.publish.heading', { count: data.feedbackToPublish.length })}</h2>
        <p>{th('officer.publish.lead')}</p>
        {data.feedbackToPublish.length === 0 && <p>{th('officer.publish.empty')}</p>}
        <ul class="card-list">
          {data.feedbackToPublish.map((item) => (
            <li key={item.reference} class="officer-feedback__item" data-publish-reference={item.reference}>
              <ItemHead item={item} />
              <PublishForm item={item} onDone={finished} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
