import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import type { DeclarationSubmitOutcomeFragment } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { getRecord, type OutboxRecord } from '../../offline/idb';
import { STORES } from '../../offline/keys';
import { flushOutbox, outboxRevision, removeFromOutbox } from '../../offline/outbox';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { describeError } from '../identity/identityErrors';
import { navigate, signInPath } from '../identity/identitySession';
import { DeclarationView } from './DeclarationView';
import { submissionResult } from './declarationsStore';
import { td } from './declarationsMessages';

/** After "Submit": queued (offline), waiting for the person (sign in / step up), refused, or sent. */
export function DeclarationSent({ submissionKey }: { submissionKey: string }) {
  const [record, setRecord] = useState<OutboxRecord | null | undefined>(undefined);
  const [declarationId, setDeclarationId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const r = await getRecord(STORES.outbox, submissionKey);
      setRecord(r ?? null);
      if (!r) setDeclarationId(await submissionResult(submissionKey));
    })();
  }, [submissionKey, outboxRevision.value]);

  useEffect(() => {
    if (declarationId) history.replaceState(null, '', `/declare/declarations/${declarationId}`);
  }, [declarationId]);

  if (declarationId) return <DeclarationView id={declarationId} />;
  if (record === undefined) return <p role="status">{t('loading')}</p>;

  const title = td('declare.sent.title');
  const variables = record?.variables as { draftId?: string } | undefined;
  const sendNow = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await flushOutbox({ interactive: true });
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  if (record === null)
    return (
      <section class="page">
        <PageHeading title={title}>{title}</PageHeading>
        <p>{td('declare.sent.unknown')}</p>
        <a href="/declare">{td('declare.backToStart')}</a>
      </section>
    );

  const refused = record.state === 'refused' ? (record.result as DeclarationSubmitOutcomeFragment) : null;
  const errors: SummaryError[] = [];
  if (refused?.__typename === 'ValidationError')
    for (const e of refused.errors.length ? refused.errors : [{ field: refused.field ?? '', message: refused.message }])
      errors.push({ fieldId: 'sent-fix', message: e.message });
  else if (refused) errors.push({ fieldId: 'sent-fix', message: (refused as { message?: string }).message ?? t('error.server') });

  return (
    <section class="page">
      <ErrorSummary errors={errors} title={td('declare.sent.refusedTitle')} />
      <PageHeading title={title}>{title}</PageHeading>
      <IdentityStepUpNotice />
      {problem && (
        <Notice kind="error" title={t('notice.error')} live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {(record.state === 'pending' || record.state === undefined) && (
        <Notice title={td('declare.sent.queuedTitle')} live="status">
          <p data-testid="outbox-queued">{td('declare.sent.queuedBody')}</p>
        </Notice>
      )}
      {record.state === 'signIn' && (
        <Notice kind="error" title={td('declare.sent.signInTitle')} live="status">
          <p>{td('declare.sent.signInBody')}</p>
          <a class="button button--primary" href={signInPath(location.pathname)}>
            {t('header.signIn')}
          </a>
        </Notice>
      )}
      {record.state === 'stepUp' && (
        <Notice kind="error" title={td('declare.sent.stepUpTitle')} live="status">
          <p>{td('declare.sent.stepUpBody')}</p>
        </Notice>
      )}
      {refused && (
        <>
          <p>{td('declare.sent.refusedBody')}</p>
          <div class="button-row">
            {variables?.draftId && (
              <a
                id="sent-fix"
                class="button button--primary"
                href={`/declare/draft/${variables.draftId}/review`}
                onClick={() => void removeFromOutbox(record.id)}
              >
                {td('declare.sent.fix')}
              </a>
            )}
          </div>
        </>
      )}
      {!refused && (
        <div class="button-row">
          <Button onClick={() => void sendNow()} disabled={busy}>
            {td(record.state === 'stepUp' ? 'declare.sent.confirmAndSend' : 'declare.sent.sendNow')}
          </Button>
        </div>
      )}
      <p>
        <a href="/declare" onClick={(e) => (e.preventDefault(), navigate('/declare'))}>
          {td('declare.backToStart')}
        </a>
      </p>
    </section>
  );
}
