import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import {
  ReviewsCorrectionsSendDocument,
  ReviewsDecideDocument,
  ReviewsDraftSaveDocument,
  ReviewsReleaseDocument,
  type ReviewsDictionaryQuery,
  type ReviewsResultFragment,
  type ReviewsTaskFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { secureRequest } from '../identity/identityApi';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { navigate } from '../identity/identitySession';
import { ApplicationFeeForReview } from '../payments/ApplicationFeeForReview';
import { pick } from '../services/servicesStore';
import { tsMaybe } from '../services/servicesMessages';
import { ReviewsViewer } from './ReviewsViewer';
import { loadDictionary, loadQueue } from './reviewsApi';
import { tr } from './reviewsMessages';
import {
  correctionList,
  deleteLocalDraft,
  loadLocalDraft,
  newerDraft,
  parseServerDraft,
  saveLocalDraft,
  type ReviewDraft,
  type ReviewNote,
} from './reviewsModel';
import { dueText } from './ReviewsQueue';
import './reviews.css';

export function ReviewsReview({ reviewId }: { reviewId: string }) {
  const [task, setTask] = useState<ReviewsTaskFragment | null | undefined>(undefined);
  const [dictionary, setDictionary] = useState<ReviewsDictionaryQuery | null>(null);
  const [draft, setDraft] = useState<ReviewDraft | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let live = true;
    void loadDictionary().then((d) => live && setDictionary(d));
    Promise.all([loadQueue(), loadLocalDraft(reviewId)])
      .then(([queue, local]) => {
        if (!live) return;
        const found = queue.tasks.find((x) => x.review.id === reviewId) ?? null;
        setOffline(queue.offline);
        setTask(found);
        setDraft(newerDraft(local, found ? parseServerDraft(found.draftJson) : null));
      })
      .catch(() => live && setTask(null));
    return () => {
      live = false;
    };
  }, [reviewId]);
  if (task === undefined || (task && !draft)) return <p role="status">{t('loading')}</p>;
  if (task === null || !draft)
    return (
      <section class="page">
        <PageHeading title={tr('reviews.missing')}>{tr('reviews.missing')}</PageHeading>
        <p>
          <a href="/officer/reviews">{tr('reviews.back')}</a>
        </p>
      </section>
    );
  return <ReviewsWorkspace task={task} dictionary={dictionary} initial={draft} offline={offline} />;
}

type Done = 'passed' | 'corrections' | 'rejected';

function ReviewsWorkspace({
  task,
  dictionary,
  initial,
  offline,
}: {
  task: ReviewsTaskFragment;
  dictionary: ReviewsDictionaryQuery | null;
  initial: ReviewDraft;
  offline: boolean;
}) {
  const reviewId = task.review.id;
  const a = task.application;
  const [draft, setDraft] = useState(initial);
  const [sync, setSync] = useState<'saved' | 'local' | null>(initial.unsynced ? 'local' : null);
  // Which document is open; its name is looked up when shown (materials load after the first render).
  const [viewing, setViewing] = useState<{ documentId: string; material: string } | null>(
    a.materials[0] ? { documentId: a.materials[0].documentId, material: a.materials[0].material } : null,
  );
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [confirmReject, setConfirmReject] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef(true);

  const elements = useMemo(() => Object.fromEntries((dictionary?.dataElements ?? []).map((e) => [e.code, e])), [dictionary]);
  const materials = useMemo(() => Object.fromEntries((dictionary?.materialTypes ?? []).map((m) => [m.code, m])), [dictionary]);
  const elementName = (code: string) => (elements[code] ? pick(elements[code].name) : code);
  const materialName = (code: string) => (materials[code] ? pick(materials[code].name) : code);
  const targetName = (target: string) => {
    const [kind, code = ''] = target.split(':', 2);
    return kind === 'field' ? elementName(code) : materialName(code);
  };
  const order = [...a.form.map((f) => `field:${f.element}`), ...a.materials.map((m) => `material:${m.material}`)];
  const changedFields = new Set(task.changes.fields);
  const changedMaterials = new Set(task.changes.materials);
  const count = Object.keys(draft.corrections).length;

  // Every change: saved on the tablet at once, then on the server (retried when back online).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (!initial.unsynced) return;
    }
    let cancelled = false;
    const pending = { ...draft, unsynced: true };
    void saveLocalDraft(reviewId, pending);
    const push = async () => {
      try {
        const result = (await secureRequest(ReviewsDraftSaveDocument, { reviewId, draftJson: JSON.stringify({ corrections: draft.corrections, updatedAt: draft.updatedAt }) }))
          .reviewDraftSave;
        if (cancelled) return;
        if (result.__typename === 'ApplicationDone') {
          await saveLocalDraft(reviewId, { ...draft, unsynced: false });
          setSync('saved');
        } else setSync('local');
      } catch {
        if (!cancelled) setSync('local');
      }
    };
    const timer = setTimeout(() => void push(), 600);
    const online = () => void push();
    addEventListener('online', online);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      removeEventListener('online', online);
    };
  }, [draft]);

  const setNote = (target: string, note: ReviewNote | null) => {
    const corrections = { ...draft.corrections };
    if (note) corrections[target] = note;
    else delete corrections[target];
    setSync(null);
    setDraft({ corrections, updatedAt: Date.now() });
  };

  const finish = async (result: ReviewsResultFragment, kind: Done) => {
    if (result.__typename === 'ApplicationDone') {
      await deleteLocalDraft(reviewId);
      setDone(kind);
      return;
    }
    if (result.__typename === 'ValidationError') {
      const list = correctionList(draft, order);
      setErrors(
        result.errors.map((e) => {
          const match = /^corrections\.(\d+)\.(target|problem|action)$/.exec(e.field);
          const item = match ? list[Number(match[1])] : undefined;
          const part = match?.[2] === 'action' ? 'action' : 'problem';
          return { fieldId: item ? noteId(item.target, part) : 'review-send', message: item ? `${targetName(item.target)}: ${e.message}` : e.message };
        }),
      );
      return;
    }
    setFailure(tr('reviews.refused', { message: result.message }));
  };

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(tr('reviews.refused', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const sendCorrections = () =>
    run(async () => {
      const list = correctionList(draft, order);
      const missing: SummaryError[] = [];
      for (const c of list) {
        if (!c.problem) missing.push({ fieldId: noteId(c.target, 'problem'), message: tr('reviews.err.problem', { target: targetName(c.target) }) });
        if (!c.action) missing.push({ fieldId: noteId(c.target, 'action'), message: tr('reviews.err.action', { target: targetName(c.target) }) });
      }
      setErrors(missing);
      if (missing.length) return;
      await finish((await secureRequest(ReviewsCorrectionsSendDocument, { reviewId, corrections: list })).reviewCorrectionsSend, 'corrections');
    });
  const decide = (passed: boolean) =>
    run(async () => {
      setErrors([]);
      await finish((await secureRequest(ReviewsDecideDocument, { reviewId, passed })).reviewDecide, passed ? 'passed' : 'rejected');
    });
  const release = () =>
    run(async () => {
      const result = (await secureRequest(ReviewsReleaseDocument, { reviewId })).reviewRelease;
      if (result.__typename === 'ApplicationDone') navigate('/officer/reviews');
      else setFailure(tr('reviews.refused', { message: result.message }));
    });

  const title = tr('reviews.applicationTitle', { number: a.number, item: pick(a.itemName) });
  if (done)
    return (
      <section class="page">
        <PageHeading title={title}>{title}</PageHeading>
        <Notice kind="success" live="status">
          <p data-testid="review-done">{tr(`reviews.done.${done}`)}</p>
        </Notice>
        <p>
          <a href="/officer/reviews">{tr('reviews.back')}</a>
        </p>
      </section>
    );

  const annotate = (target: string) => {
    const note = draft.corrections[target];
    const label = targetName(target);
    return note ? (
      <div class="reviews-note" data-target={target}>
        <div class="field">
          <label class="field__label" for={noteId(target, 'problem')}>
            {tr('reviews.problem')} <span class="visually-hidden">({label})</span>
          </label>
          <textarea
            id={noteId(target, 'problem')}
            class="field__input field__textarea"
            maxLength={500}
            value={note.problem}
            onInput={(e) => setNote(target, { ...note, problem: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label class="field__label" for={noteId(target, 'action')}>
            {tr('reviews.action')} <span class="visually-hidden">({label})</span>
          </label>
          <textarea
            id={noteId(target, 'action')}
            class="field__input field__textarea"
            maxLength={500}
            value={note.action}
            onInput={(e) => setNote(target, { ...note, action: e.currentTarget.value })}
          />
        </div>
        <Button variant="link" onClick={() => setNote(target, null)}>
          {tr('reviews.removeCorrection')} <span class="visually-hidden">({label})</span>
        </Button>
      </div>
    ) : (
      <Button
        variant="secondary"
        aria-label={`${tr('reviews.annotate')}: ${label}`}
        onClick={() => {
          setNote(target, { problem: '', action: '' });
          requestAnimationFrame(() => document.getElementById(noteId(target, 'problem'))?.focus());
        }}
      >
        {tr('reviews.annotate')}
      </Button>
    );
  };

  return (
    <section class="page reviews-review">
      <p>
        <a href="/officer/reviews">{tr('reviews.back')}</a>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <ErrorSummary errors={errors} />
      {offline && (
        <Notice>
          <p>{tr('reviews.offline')}</p>
        </Notice>
      )}
      {failure && (
        <Notice kind="error" live="alert">
          <p>{failure}</p>
        </Notice>
      )}
      <p class="reviews-task__meta">
        <span>{dueText(task)}</span>
        <span>{tr('reviews.revision', { n: a.revision })}</span>
        {(changedFields.size > 0 || changedMaterials.size > 0) && <span>{tr('reviews.changedSince')}</span>}
      </p>
      <ApplicationFeeForReview applicationId={a.id} />
      {!task.claimedByMe && (
        <Notice>
          <p>{tr('reviews.notClaimed')}</p>
        </Notice>
      )}
      <div class="reviews-panes">
        <div class="reviews-panes__list">
          <h2>{tr('reviews.form')}</h2>
          <ul class="reviews-items">
            {a.form.map((f) => {
              const target = `field:${f.element}`;
              const changed = changedFields.has(f.element);
              return (
                <li key={target} class={changed ? 'reviews-item reviews-item--changed' : 'reviews-item'} data-target={target}>
                  <p class="reviews-item__name">
                    {elementName(f.element)}
                    {changed && <span class="tag tag--changed">{tr('reviews.changed')}</span>}
                  </p>
                  <p class="reviews-item__value">{tsMaybe(`choice.${f.value}`) ?? f.value}</p>
                  {task.claimedByMe && annotate(target)}
                </li>
              );
            })}
          </ul>
          <h2>{tr('reviews.materials')}</h2>
          <ul class="reviews-items">
            {a.materials.map((m) => {
              const target = `material:${m.material}`;
              const changed = changedMaterials.has(m.material);
              const name = materialName(m.material);
              const current = viewing?.documentId === m.documentId;
              return (
                <li key={target} class={changed ? 'reviews-item reviews-item--changed' : 'reviews-item'} data-target={target}>
                  <p class="reviews-item__name">
                    {name}
                    {changed && <span class="tag tag--changed">{tr('reviews.changed')}</span>}
                    {materials[m.material]?.originalOnSite && <span class="field__hint"> · {tr('reviews.original')}</span>}
                  </p>
                  <div class="button-row">
                    <Button
                      variant={current ? 'primary' : 'secondary'}
                      aria-pressed={current}
                      onClick={() => setViewing({ documentId: m.documentId, material: m.material })}
                    >
                      {tr('reviews.view', { name })}
                    </Button>
                  </div>
                  {task.claimedByMe && annotate(target)}
                </li>
              );
            })}
          </ul>
        </div>
        <div class="reviews-panes__viewer">
          <h2>{tr('reviews.viewer')}</h2>
          {viewing ? (
            <>
              <p class="field__hint">
                {tr('reviews.viewing')}: {materialName(viewing.material)} · {tr('reviews.zoomHint')}
              </p>
              <ReviewsViewer documentId={viewing.documentId} name={materialName(viewing.material)} />
            </>
          ) : (
            <p>{tr('reviews.viewerEmpty')}</p>
          )}
        </div>
      </div>
      {task.claimedByMe && (
        <div class="reviews-decision">
          <h2>{tr('reviews.list', { n: count })}</h2>
          {count === 0 ? (
            <p>{tr('reviews.listEmpty')}</p>
          ) : (
            <ol data-testid="review-correction-list">
              {correctionList(draft, order).map((c) => (
                <li key={c.target}>
                  <a href={`#${noteId(c.target, 'problem')}`}>{targetName(c.target)}</a>
                  {c.problem ? `: ${c.problem}` : ''}
                </li>
              ))}
            </ol>
          )}
          <p class="autosave" role="status" data-testid="review-sync">
            {sync === 'saved' ? tr('reviews.draftSaved') : sync === 'local' ? tr('reviews.draftLocal') : ''}
          </p>
          <IdentityStepUpNotice />
          {confirmReject ? (
            <Notice kind="error" title={tr('reviews.rejectConfirm')}>
              <div class="button-row">
                <Button disabled={busy} onClick={() => void decide(false)}>
                  {tr('reviews.confirmReject')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirmReject(false)}>
                  {tr('reviews.cancel')}
                </Button>
              </div>
            </Notice>
          ) : (
            <div class="button-row">
              {count > 0 ? (
                <Button id="review-send" disabled={busy} onClick={() => void sendCorrections()}>
                  {tr('reviews.send', { n: count })}
                </Button>
              ) : (
                <Button id="review-pass" disabled={busy} onClick={() => void decide(true)}>
                  {tr('reviews.pass')}
                </Button>
              )}
              <Button variant="secondary" disabled={busy} onClick={() => setConfirmReject(true)}>
                {tr('reviews.reject')}
              </Button>
              <Button variant="link" disabled={busy} onClick={() => void release()}>
                {tr('reviews.release')}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function noteId(target: string, part: 'problem' | 'action'): string {
  return `note-${target.replace(':', '-')}-${part}`;
}
