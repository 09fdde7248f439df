import { SERVICE_TIME_ZONE } from '../../clock';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { request } from '../../graphql/client';
import { DeclarationMineDocument, DeclarationMyDraftsDocument, type DeclarationFullFragment, type DeclarationMyDraftsQuery } from '../../graphql/generated/graphql';
import { formatDateTime } from '../../i18n/format';
import type { OutboxRecord } from '../../offline/idb';
import { outboxRecords, outboxRevision } from '../../offline/outbox';
import { me, refreshMe } from '../identity/identitySession';
import { amend, declareAgain, startDraft } from './declarationsStart';
import { parseDraft } from './declarationsModel';
import { cachedDeclarationList, discardDraft, listDrafts, storeDeclarationList, type DraftState } from './declarationsStore';
import { td } from './declarationsMessages';

type ServerDraft = DeclarationMyDraftsQuery['myDeclarationDrafts'][number];

/** The start of the journey: continue a draft, start a new one, see what was sent. */
export function DeclarationStart() {
  const [drafts, setDrafts] = useState<DraftState[] | null>(null);
  const [remote, setRemote] = useState<ServerDraft[]>([]);
  const [history, setHistory] = useState<DeclarationFullFragment[] | null>(null);
  const [queued, setQueued] = useState<OutboxRecord[]>([]);
  const account = me.value;

  const reload = () => void listDrafts().then(setDrafts);
  useEffect(() => {
    reload();
    void refreshMe();
    void cachedDeclarationList().then((c) => c && setHistory((h) => h ?? c));
  }, []);
  useEffect(() => {
    void outboxRecords().then((r) => setQueued(r.filter((x) => x.operation.startsWith('declaration'))));
  }, [outboxRevision.value]);
  useEffect(() => {
    if (!account?.person) return;
    request(DeclarationMineDocument, {})
      .then((data) => {
        setHistory([...data.myDeclarations.nodes]);
        void storeDeclarationList(data.myDeclarations.nodes);
      })
      .catch(() => {});
    request(DeclarationMyDraftsDocument, {})
      .then((data) => setRemote([...data.myDeclarationDrafts]))
      .catch(() => {});
  }, [account?.accountId]);

  const local = new Set((drafts ?? []).map((d) => d.id));
  const elsewhere = remote.filter((r) => !local.has(r.id));

  return (
    <>
      <p class="lead">{td('declare.start.intro')}</p>
      {queued.length > 0 && (
        <Notice title={td('declare.start.queued')}>
          <ul>
            {queued.map((q) => (
              <li key={q.id}>
                <a href={`/declare/sent/${q.id}`}>{td('declare.start.queuedItem', { time: formatDateTime(new Date(q.createdAt)) })}</a>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {drafts && drafts.length > 0 && (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{td('declare.start.continueHeading')}</h2>
          <ul class="card-list">
            {drafts.map((d) => (
              <li class="card-list__item" key={d.id} data-draft-id={d.id}>
                <h3 class="card-list__title">
                  {[d.data.travelNumber.toUpperCase(), d.data.portCode].filter(Boolean).join(' · ') || td('declare.start.untitled')}
                  {d.data.amends && <span class="tag">{td('declare.start.amendTag')}</span>}
                </h3>
                <p>
                  {td('declare.start.savedAt', { time: formatDateTime(new Date(d.updatedAt)) })} ·{' '}
                  {td('declare.start.articleCount', { n: d.data.articles.length })}
                </p>
                <div class="button-row">
                  <a class="button button--primary" href={`/declare/draft/${d.id}/${d.data.amends ? 'review' : 'trip'}`}>
                    {td('declare.start.continue')}
                  </a>
                  <Button variant="link" onClick={() => void discardDraft(d.id).then(reload)}>
                    {td('declare.start.discard')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {elsewhere.length > 0 && (
        <section aria-labelledby="remote-heading">
          <h2 id="remote-heading">{td('declare.start.otherDevices')}</h2>
          <ul class="card-list">
            {elsewhere.map((r) => {
              let data = parseDraft(null);
              try {
                data = parseDraft(JSON.parse(r.dataJson));
              } catch {
                // an unreadable draft still opens, blank
              }
              return (
                <li class="card-list__item" key={r.id}>
                  <h3 class="card-list__title">{data.travelNumber.toUpperCase() || td('declare.start.untitled')}</h3>
                  <p>{td('declare.start.savedOn', { device: r.device || '—', time: formatDateTime(String(r.updatedAt)) })}</p>
                  <Button onClick={() => void startDraft(data, { id: r.id, serverVersion: r.version })}>{td('declare.start.continueHere')}</Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div class="button-row">
        <Button onClick={() => void startDraft()}>{td(drafts?.length ? 'declare.start.newAnother' : 'declare.start.new')}</Button>
      </div>
      {account === null && navigator.onLine && <p>{td('declare.start.signInHint')}</p>}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{td('declare.history.heading')}</h2>
        {!history?.length ? (
          <p>{td('declare.history.empty')}</p>
        ) : (
          <ul class="card-list">
            {history.map((d) => (
              <li class="card-list__item" key={d.id}>
                <h3 class="card-list__title">
                  <a href={`/declare/declarations/${d.id}`}>{d.number}</a>
                  <span class="tag">{td(`declare.status.${d.status}`)}</span>
                </h3>
                <p>
                  <span class="code">{d.travelNumber}</span> · {d.portCode} · {formatDateTime(d.scheduledAt, undefined, SERVICE_TIME_ZONE)}
                </p>
                <div class="button-row">
                  <Button variant="secondary" onClick={() => void declareAgain(d)}>
                    {td('declare.history.again')}
                    <span class="visually-hidden"> {d.number}</span>
                  </Button>
                  {d.status === 'SUBMITTED' && !d.outcome && (
                    <Button variant="link" onClick={() => void amend(d)}>
                      {td('declare.history.amend')}
                      <span class="visually-hidden"> {d.number}</span>
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
