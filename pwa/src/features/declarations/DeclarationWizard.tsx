import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { setFormDirty } from '../../sw-bridge';
import { me } from '../identity/identitySession';
import { navigate } from '../identity/identitySession';
import { usePhotoUploads } from './DeclarationArticlePhoto';
import { DeclarationArticleEdit, DeclarationArticlesStep } from './DeclarationArticlesStep';
import { DeclarationCashStep } from './DeclarationCashStep';
import { DeclarationChecklistStep } from './DeclarationChecklistStep';
import { DeclarationCompanionEdit, DeclarationCompanionsStep } from './DeclarationCompanionsStep';
import { DeclarationDraftSummary } from './DeclarationDraftSummary';
import { DeclarationReviewStep } from './DeclarationReviewStep';
import { DeclarationTripStep } from './DeclarationTripStep';
import { useDeclarantProfile, useRules } from './declarationsHooks';
import { draftPath, STEPS, type DeclarationDraftData, type Step, type StepProps } from './declarationsModel';
import { loadDraft, saveDraft, syncDraft, type CachedRules, type DraftState } from './declarationsStore';
import { td, type DeclarationsKey } from './declarationsMessages';

const AUTOSAVE_MS = 300;
const SYNC_MS = 1500;


export function nextStep(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)] ?? 'review';
}

/** The declaration form, one step per page, autosaved to this device and synced to the account. */
export function DeclarationWizard({ draftId, step, item }: { draftId: string; step: string; item?: string | undefined }) {
  const [state, setState] = useState<DraftState | null | undefined>(undefined);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const { rules, offline } = useRules();
  const profile = useDeclarantProfile();
  const latest = useRef<DraftState | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const syncTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    // Another draft opened in the same wizard: a slow read of the last one must not become
    // this one's form (and be autosaved as it).
    let current = true;
    void loadDraft(draftId).then((s) => {
      if (!current) return;
      latest.current = s;
      setState(s);
    });
    return () => {
      current = false;
    };
  }, [draftId]);

  const sync = useCallback(() => {
    clearTimeout(syncTimer.current);
    syncTimer.current = setTimeout(() => {
      if (!navigator.onLine || !me.value?.person) return;
      void syncDraft(draftId).then(async (result) => {
        if (result === 'synced' || result === 'conflict') {
          const fresh = await loadDraft(draftId);
          if (fresh && latest.current && fresh.updatedAt === latest.current.updatedAt) {
            latest.current = fresh;
            setState(fresh);
          }
        }
      });
    }, SYNC_MS);
  }, [draftId]);

  const flushSave = useCallback(async () => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const draft = latest.current;
    if (!draft) return;
    await saveDraft(draft);
    // The time of the version written, not of a change made while it was being written.
    setSavedAt(draft.updatedAt);
    if (latest.current?.updatedAt === draft.updatedAt) setFormDirty(`declaration-${draftId}`, false);
    sync();
  }, [draftId, sync]);

  const update = useCallback(
    (change: (draft: DeclarationDraftData) => DeclarationDraftData) => {
      const current = latest.current;
      if (!current) return;
      const next: DraftState = { ...current, data: change(current.data), updatedAt: Date.now(), unsynced: true };
      latest.current = next;
      setState(next);
      setFormDirty(`declaration-${draftId}`, true);
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void flushSave(), AUTOSAVE_MS);
    },
    [draftId, flushSave],
  );

  // Article photos waiting on this device go to the vault whenever we are online.
  usePhotoUploads(state?.data, update);

  // Tab closed or hidden mid-debounce: write now.
  useEffect(() => {
    const now = () => {
      if (saveTimer.current) void flushSave();
    };
    addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', now);
    const online = () => sync();
    addEventListener('online', online);
    return () => {
      now();
      removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', now);
      removeEventListener('online', online);
    };
  }, [flushSave, sync]);

  // First sync once we know who is signed in.
  useEffect(() => {
    if (state && me.value?.person && state.unsynced) sync();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me.value?.accountId, state?.id]);

  const go = useCallback(
    (path: string) => {
      void flushSave().then(() => {
        setErrors([]);
        navigate(draftPath(draftId, path));
      });
    },
    [draftId, flushSave],
  );

  useEffect(() => setErrors([]), [step, item]);

  if (state === undefined) return <p role="status">{t('loading')}</p>;
  if (state === null)
    return (
      <section class="page">
        <PageHeading title={td('declare.draft.missing')}>{td('declare.draft.missing')}</PageHeading>
        <p>
          <a href="/declare">{td('declare.backToStart')}</a>
        </p>
      </section>
    );

  const resolve = async (keep: 'mine' | 'theirs') => {
    const current = latest.current;
    if (!current?.conflict) return;
    if (keep === 'theirs') {
      const next: DraftState = {
        ...current,
        data: current.conflict.serverData,
        serverVersion: current.conflict.serverVersion,
        conflict: undefined,
        unsynced: false,
        updatedAt: Date.now(),
      };
      latest.current = next;
      setState(next);
      await saveDraft(next);
    } else {
      await saveDraft(current);
      await syncDraft(draftId, { force: true });
      const fresh = await loadDraft(draftId);
      if (fresh) {
        latest.current = fresh;
        setState(fresh);
      }
    }
  };

  const props: StepProps = {
    draftId,
    draft: state.data,
    update,
    rules,
    rulesOffline: offline,
    profile,
    errors,
    setErrors,
    go,
    item,
  };
  const titleKey = `declare.step.${step}.title` as DeclarationsKey;
  const knownStep = (STEPS as readonly string[]).includes(step) || step === 'article' || step === 'companion';
  const stepIndex = STEPS.indexOf(step as Step);

  return (
    <section class="page declaration">
      {state.conflict && (
        <Notice kind="error" title={td('declare.conflict.title')} live="alert">
          <p>{td('declare.conflict.body', { time: formatDateTime(state.conflict.updatedAt) })}</p>
          <div class="conflict">
            <div>
              <h2 class="conflict__title">{td('declare.conflict.mine')}</h2>
              <DeclarationDraftSummary draft={state.data} rules={rules} />
              <Button onClick={() => void resolve('mine')}>{td('declare.conflict.keepMine')}</Button>
            </div>
            <div>
              <h2 class="conflict__title">{td('declare.conflict.theirs')}</h2>
              <DeclarationDraftSummary draft={state.conflict.serverData} rules={rules} />
              <Button variant="secondary" onClick={() => void resolve('theirs')}>
                {td('declare.conflict.keepTheirs')}
              </Button>
            </div>
          </div>
        </Notice>
      )}
      <ErrorSummary errors={errors} />
      {stepIndex >= 0 && (
        <p class="step-count">{td('declare.stepOf', { n: stepIndex + 1, total: STEPS.length })}</p>
      )}
      {knownStep ? (
        <PageHeading title={td(titleKey)}>{td(titleKey)}</PageHeading>
      ) : (
        <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      )}
      {step === 'trip' && <DeclarationTripStep {...props} />}
      {step === 'companions' && <DeclarationCompanionsStep {...props} />}
      {step === 'companion' && <DeclarationCompanionEdit {...props} />}
      {step === 'articles' && <DeclarationArticlesStep {...props} />}
      {step === 'article' && <DeclarationArticleEdit {...props} />}
      {step === 'cash' && <DeclarationCashStep {...props} />}
      {step === 'checklist' && <DeclarationChecklistStep {...props} />}
      {step === 'review' && <DeclarationReviewStep {...props} />}
      <p class="autosave" role="status" aria-live="polite">
        {savedAt ? td('declare.savedAt', { time: formatDateTime(new Date(savedAt)) }) : td('declare.autosave')}
        {state.unsynced ? '' : ` ${td('declare.syncedToAccount')}`}
      </p>
      {stepIndex > 0 && (
        <p>
          <a href={draftPath(draftId, STEPS[stepIndex - 1] ?? 'trip')}>{td('declare.back')}</a>
        </p>
      )}
    </section>
  );
}
