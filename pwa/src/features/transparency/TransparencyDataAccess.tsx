import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { TransparencyDataAccessDocument, TransparencyDataAccessProofDocument, type TransparencyDataAccessQuery } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { secureRequest } from '../identity/identityApi';
import { describeError } from '../identity/identityErrors';
import { tt, type TransparencyKey } from './transparencyMessages';

type Entry = TransparencyDataAccessQuery['myDataAccess'][number];

function outcomeLabel(outcome: string): string {
  return outcome === 'READ' || outcome === 'OK' ? tt(`dataAccess.outcome.${outcome}` as TransparencyKey) : tt('dataAccess.outcome.other');
}

function TransparencyDataAccessEntry({ entry }: { entry: Entry }) {
  const [proof, setProof] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fetchProof = async () => {
    setBusy(true);
    try {
      setProof((await secureRequest(TransparencyDataAccessProofDocument, { eventId: entry.eventId })).myDataAccessProof ?? null);
    } catch {
      setProof(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="card-list__item" data-event={entry.eventId}>
      <h2 class="card-list__title">{tt(`dataAccess.kind.${entry.kind}` as TransparencyKey, { label: entry.label })}</h2>
      <p>
        <strong>{outcomeLabel(entry.outcome)}</strong>
      </p>
      <p>{tt('dataAccess.by', { unit: entry.officerUnit || tt('dataAccess.unit.unknown') })}</p>
      <p>{tt('dataAccess.at', { at: formatDateTime(entry.occurredAt) })}</p>
      {entry.sealed ? (
        <>
          {proof === undefined && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void fetchProof()}>
              {tt('dataAccess.proof')}
            </Button>
          )}
          {proof === null && <p role="status">{tt('dataAccess.proof.none')}</p>}
          {proof && (
            <details open>
              <summary>{tt('dataAccess.proof.heading')}</summary>
              <p class="field__hint">{tt('dataAccess.proof.hint')}</p>
              <pre class="proof" tabIndex={0}>
                {proof}
              </pre>
            </details>
          )}
        </>
      ) : (
        <p class="field__hint">{tt('dataAccess.pending')}</p>
      )}
    </li>
  );
}

/** Which officer unit opened or changed the person's records, from the audit log. */
export function TransparencyDataAccess() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    secureRequest(TransparencyDataAccessDocument, {})
      .then((data) => setEntries(data.myDataAccess))
      .catch((error: unknown) => setProblem(describeError(error)));
  }, []);
  if (problem) return <Notice kind="error">{problem}</Notice>;
  if (entries === null) return <p role="status">{t('loading')}</p>;
  if (!entries.length) return <p>{tt('dataAccess.empty')}</p>;
  return (
    <ul class="card-list" aria-label={tt('dataAccess.title')}>
      {entries.map((entry) => (
        <TransparencyDataAccessEntry key={entry.eventId} entry={entry} />
      ))}
    </ul>
  );
}
