import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { GraphQLResponseError } from '../../graphql/client';
import {
  ReviewsClaimDocument,
  ReviewsQueueEventsDocument,
  ReviewsReleaseDocument,
  type ReviewsQueueEventsSubscription,
  type ReviewsTaskFragment,
} from '../../graphql/generated/graphql';
import { subscribeLive } from '../../graphql/live';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { secureRequest } from '../identity/identityApi';
import { navigate } from '../identity/identitySession';
import { pick } from '../services/servicesStore';
import { loadQueue } from './reviewsApi';
import { tr } from './reviewsMessages';
import { urgency } from './reviewsModel';
import './reviews.css';

export function dueText(task: ReviewsTaskFragment): string {
  const days = task.application.daysLeft;
  if (days < 0) return tr('reviews.overdue', { n: -days });
  if (days === 0) return tr('reviews.dueToday');
  return tr('reviews.daysLeft', { n: days });
}

export function ReviewsQueue() {
  const [tasks, setTasks] = useState<ReviewsTaskFragment[] | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  // Why the queue could not be read (cleared by the next good read), and why the officer's
  // last claim or release was refused (kept until they act again: the read of the queue that
  // follows a refusal must not wipe the reason away).
  const [failure, setFailure] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Reads overlap (live events, a refusal, the retry button): only the latest one asked may
  // show its answer, or a slow earlier read would put back a queue that has changed since.
  const latest = useRef(0);

  const load = () => {
    const mine = ++latest.current;
    return loadQueue()
      .then((r) => {
        if (mine !== latest.current) return;
        setTasks(r.tasks);
        setOffline(r.offline);
        setFailure(null);
      })
      .catch((error) => {
        if (mine !== latest.current) return;
        setFailure(error instanceof GraphQLResponseError && error.hasCode('FORBIDDEN') ? tr('reviews.notOfficer') : tr('reviews.loadError'));
      });
  };
  useEffect(() => void load(), []);
  // Another officer claimed, decided or an application arrived: read the queue again.
  useEffect(() => {
    const live = subscribeLive<ReviewsQueueEventsSubscription>({
      query: ReviewsQueueEventsDocument.toString(),
      variables: {},
      onData: () => void load(),
    });
    return () => live.close();
  }, []);

  const act = async (task: ReviewsTaskFragment, kind: 'claim' | 'release') => {
    setBusy(task.review.id);
    setRefusal(null);
    try {
      const result =
        kind === 'claim'
          ? (await secureRequest(ReviewsClaimDocument, { reviewId: task.review.id })).reviewClaim
          : (await secureRequest(ReviewsReleaseDocument, { reviewId: task.review.id })).reviewRelease;
      if (result.__typename !== 'ApplicationDone') {
        setRefusal(tr('reviews.refused', { message: result.message }));
        await load();
        return;
      }
      if (kind === 'claim') navigate(`/officer/reviews/${task.review.id}`);
      else await load();
    } catch (error) {
      setRefusal(tr('reviews.refused', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  const title = tr('reviews.title');
  return (
    <section class="page reviews">
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{tr('reviews.lead')}</p>
      {offline && (
        <Notice>
          <p>{tr('reviews.offline')}</p>
        </Notice>
      )}
      {failure && (
        <Notice kind="error" live="alert">
          <p>{failure}</p>
          <Button variant="secondary" onClick={() => void load()}>
            {tr('reviews.retry')}
          </Button>
        </Notice>
      )}
      {refusal && (
        <Notice kind="error" live="alert">
          <p data-testid="review-refusal">{refusal}</p>
        </Notice>
      )}
      {tasks === undefined ? (
        !failure && <p role="status">{t('loading')}</p>
      ) : tasks.length === 0 ? (
        <p>{tr('reviews.empty')}</p>
      ) : (
        <ul class="card-list" data-testid="review-queue">
          {tasks.map((task) => {
            const a = task.application;
            const level = urgency(a.daysLeft, a.paused);
            const changes = task.changes.fields.length + task.changes.materials.length;
            return (
              <li key={task.review.id} class={`card-list__item reviews-task${level ? ` reviews-task--${level}` : ''}`} data-review={task.review.id} data-application={a.number}>
                <h2 class="card-list__title">
                  {a.number} · {pick(a.itemName)}
                  {level && <span class={`tag reviews-urgency reviews-urgency--${level}`}>{tr(`reviews.urgency.${level}`)}</span>}
                </h2>
                <p class="reviews-task__meta">
                  <span>{tr('reviews.due', { date: formatDate(String(a.dueDate)) })}</span>
                  <span>{dueText(task)}</span>
                  <span>{tr('reviews.revision', { n: a.revision })}</span>
                  <span>{tr('reviews.level', { n: task.review.level })}</span>
                  {changes > 0 && <span class="tag tag--changed">{tr('reviews.resubmitted', { n: changes })}</span>}
                </p>
                <div class="button-row">
                  {task.claimedByMe ? (
                    <>
                      <span class="reviews-claimed">{tr('reviews.claimedByMe')}</span>
                      <a class="button button--primary" href={`/officer/reviews/${task.review.id}`}>
                        {tr('reviews.open')}
                      </a>
                      <Button variant="secondary" disabled={busy !== null} onClick={() => void act(task, 'release')}>
                        {tr('reviews.release')}
                      </Button>
                    </>
                  ) : task.review.status === 'CLAIMED' ? (
                    <span class="reviews-claimed">{tr('reviews.claimedByOther')}</span>
                  ) : (
                    <Button disabled={busy !== null} onClick={() => void act(task, 'claim')}>
                      {tr('reviews.claim')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
