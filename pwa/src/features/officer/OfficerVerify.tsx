import { FileButton } from '../../components/FileButton';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import { client } from '../../graphql/client';
import {
  DeclarationByNumberDocument,
  DeclarationVerifyDocument,
  type DeclarationVerifyQuery,
  type OutcomeKind,
} from '../../graphql/generated/graphql';
import { core, t } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { getRecord, putRecord } from '../../offline/idb';
import { CACHE_KEYS, STORES } from '../../offline/keys';
import { enqueue, outboxRecords, outboxRevision } from '../../offline/outbox';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { describeError } from '../identity/identityErrors';
import { me, refreshMe } from '../identity/identitySession';
import { verifyQrCredential, type QrClaims, type QrVerification } from '../qr/QrCredential';
import { DeclarationArticlePhotos } from '../declarations/DeclarationArticlePhotos';
import { cachedKeySet, refreshKeySet, type CachedKeySet } from './officerKeys';
import { OUTBOX_OUTCOME, type OutcomeVariables } from './officerOutbox';
import { useQrCamera } from './useQrCamera';
import { declarationsMessages, td, type DeclarationsKey } from '../declarations/declarationsMessages';
import { PaymentReceiptView, RECEIPT_TYPE } from '../payments/PaymentReceiptView';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
type Online = DeclarationVerifyQuery['declarationVerification'];
const KINDS: OutcomeKind[] = ['RELEASED', 'INSPECTED_NO_DISCREPANCY', 'DUTY_ASSESSED', 'ARTICLES_RETAINED'];

interface LoggedOutcome {
  key: string;
  number: string;
  version: number;
  kind: OutcomeKind;
  dutyAssessed: string | null;
  at: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A code from the QR ("arriving", "resident_id") in words where the catalogue has them. */
export function claimLabel(prefix: string, value: unknown): string {
  const raw = str(value);
  const key = `${prefix}.${raw.toUpperCase()}`;
  if (declarationsMessages.has(key)) return td(key);
  return core.has(key) ? t(key) : raw;
}

/** "flight:MU588" as "Flight MU588". */
export function tripLabel(value: unknown): string {
  const [mode = '', ...rest] = str(value).split(':');
  return [claimLabel('declare.mode', mode), rest.join(':')].filter(Boolean).join(' ');
}

/** "8000.00 CNY" (the QR's declared value of one article) in the reader's money format. */
function declaredValue(value: unknown): string {
  const [amount = '', currency = ''] = str(value).split(' ');
  const number = Number(amount);
  if (!amount || !currency || !Number.isFinite(number)) return '—';
  try {
    return formatMoney(number, currency);
  } catch {
    return `${amount} ${currency}`; // a currency this browser does not know
  }
}

function ClaimsView({ claims, issuedAt, expiresAt }: { claims: QrClaims; issuedAt: Date; expiresAt: Date }) {
  const travellers = Array.isArray(claims.tr) ? (claims.tr as QrClaims[]) : [];
  const articles = Array.isArray(claims.arts) ? (claims.arts as QrClaims[]) : [];
  const red = claims.ch === 'DECLARE';
  return (
    <>
      <dl class="facts">
        <dt>{td('verify.number')}</dt>
        <dd data-testid="verify-number">
          {str(claims.n)} · {td('declare.view.version', { version: str(claims.v) })}
        </dd>
        <dt>{td('declare.review.trip')}</dt>
        <dd>
          {claimLabel('declare.direction', claims.dir)} · {str(claims.port)} · {tripLabel(claims.trip)}
        </dd>
        <dt>{td('declare.review.when')}</dt>
        <dd>{claims.at ? formatDateTime(str(claims.at)) : '—'}</dd>
        <dt>{td('verify.issuedAt')}</dt>
        <dd>{formatDateTime(issuedAt)}</dd>
        <dt>{td('verify.expiresAt')}</dt>
        <dd>{formatDateTime(expiresAt)}</dd>
        <dt>{td('declare.estimate.totalDuty')}</dt>
        <dd>
          <strong>{formatMoney(Number(str(claims.duty)) || 0, 'CNY')}</strong>
        </dd>
        <dt>{td('verify.channel')}</dt>
        <dd>
          <strong>{td(red ? 'declare.channel.DECLARE' : 'declare.channel.NOTHING_TO_DECLARE')}</strong>
        </dd>
      </dl>
      <h3>{td('declare.review.travellers')}</h3>
      <ul>
        {travellers.map((tr, i) => (
          <li key={i}>
            {str(tr.name)} · {claimLabel('document', tr.dt)} {str(tr.doc)}
            {i > 0 && ` · ${td(tr.consent ? 'verify.consentYes' : 'verify.consentNo')}`}
          </li>
        ))}
      </ul>
      <h3>{td('verify.articles', { n: str(claims.nart) || String(articles.length) })}</h3>
      <ul>
        {articles.map((a, i) => (
          <li key={i}>
            {str(a.d)} · {td('verify.article', { value: declaredValue(a.val), quantity: str(a.q) })}
          </li>
        ))}
      </ul>
    </>
  );
}

export function OfficerVerify() {
  const [keys, setKeys] = useState<CachedKeySet | null | undefined>(undefined);
  const [text, setText] = useState('');
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<QrVerification | null>(null);
  const [online, setOnline] = useState<Online | null>(null);
  const [onlineProblem, setOnlineProblem] = useState<string | null>(null);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [kind, setKind] = useState<OutcomeKind | null>(null);
  const [duty, setDuty] = useState('');
  const [reason, setReason] = useState('');
  const [receipt, setReceipt] = useState('');
  const [log, setLog] = useState<LoggedOutcome[]>([]);
  const [queued, setQueued] = useState<Set<string>>(new Set());
  const { video, canvas, scanning, start: startCamera, stop: stopCamera, pickImage } = useQrCamera((text) => verify(text), (p) =>
    setScanProblem(p === null ? null : p === 'cameraUnavailable' ? td('verify.camera.unavailable') : td('verify.image.noCode')),
  );

  useEffect(() => {
    void refreshMe();
    void cachedKeySet().then((c) => setKeys((k) => k ?? c));
    void refreshKeySet().then(setKeys);
    void getRecord(STORES.cache, CACHE_KEYS.outcomeLog).then((r) => setLog((r?.value as LoggedOutcome[]) ?? []));
    void import('../../offline/outboxStart').then((m) => m.startOutbox());
  }, []);
  // An outcome is "sent" only once the outbox no longer holds it; an answer read before a later
  // change of the outbox is dropped, so it never shows an older state over a newer one.
  useEffect(() => {
    let current = true;
    void outboxRecords(OUTBOX_OUTCOME).then((r) => current && setQueued(new Set(r.map((x) => x.id))));
    return () => {
      current = false;
    };
  }, [outboxRevision.value]);

  const verify = async (scanned: string) => {
    const trimmed = scanned.trim();
    setText(trimmed);
    setOnline(null);
    setOnlineProblem(null);
    const keySet = keys ?? (await cachedKeySet());
    const verification = await verifyQrCredential(trimmed, { keySet: keySet?.keySet ?? { keys: [] }, now: new Date() });
    setResult(verification);
    if ('credential' in verification) setDuty(str(verification.credential.claims.duty));
    const isReceipt = 'credential' in verification && verification.credential.credentialType === RECEIPT_TYPE;
    if (navigator.onLine && verification.status !== 'malformed' && !isReceipt) {
      secure(DeclarationVerifyDocument, { credential: trimmed })
        .then((data) => setOnline(data.declarationVerification))
        .catch((error) => setOnlineProblem(describeError(error)));
    }
  };

  const byNumber = async (event: Event) => {
    event.preventDefault();
    if (!number.trim()) return setErrors([{ fieldId: 'verify-number-input', message: td('verify.number.required') }]);
    setErrors([]);
    if (!navigator.onLine) return setScanProblem(td('verify.number.offline'));
    try {
      const data = await secure(DeclarationByNumberDocument, { number: number.trim().toUpperCase() });
      if (!data.declarationByNumber) return setErrors([{ fieldId: 'verify-number-input', message: td('verify.number.notFound') }]);
      await verify(data.declarationByNumber.credential);
    } catch (error) {
      setScanProblem(describeError(error));
    }
  };

  const verified = result && 'credential' in result ? result.credential : null;
  // A payment receipt is shown as such (paid or not), with no outcome form and no online check.
  const paymentReceipt = verified?.credentialType === RECEIPT_TYPE ? verified : null;
  const credential = paymentReceipt ? null : verified;
  const recordOutcome = async (event: Event) => {
    event.preventDefault();
    if (!credential) return;
    const problems: SummaryError[] = [];
    if (!kind) problems.push({ fieldId: 'outcome-kind', message: td('outcome.kind.required') });
    if (kind === 'DUTY_ASSESSED' && !/^\d{1,9}(\.\d{1,2})?$/.test(duty.trim()))
      problems.push({ fieldId: 'outcome-duty', message: td('outcome.duty.invalid') });
    if ((kind === 'ARTICLES_RETAINED' || kind === 'DUTY_ASSESSED') && !reason.trim())
      problems.push({ fieldId: 'outcome-reason', message: td('outcome.reason.required') });
    setErrors(problems);
    if (problems.length || !kind) return;
    const key = crypto.randomUUID();
    const variables: OutcomeVariables = {
      idempotencyKey: key,
      input: {
        number: str(credential.claims.n),
        version: Number(credential.claims.v),
        kind,
        dutyAssessed: kind === 'DUTY_ASSESSED' ? duty.trim() : null,
        reason: reason.trim(),
        receiptNumber: receipt.trim(),
        observedAt: new Date().toISOString(),
      },
    };
    await enqueue(OUTBOX_OUTCOME, key, variables);
    // Queued from the moment it is listed (never "sent" while the outbox has yet to be re-read).
    setQueued((waiting) => new Set(waiting).add(key));
    const entry: LoggedOutcome = { key, number: variables.input.number, version: variables.input.version, kind, dutyAssessed: variables.input.dutyAssessed ?? null, at: Date.now() };
    const next = [entry, ...log].slice(0, 50);
    setLog(next);
    await putRecord(STORES.cache, { key: CACHE_KEYS.outcomeLog, value: next, storedAt: Date.now() });
    setKind(null);
    setReason('');
    setReceipt('');
    const { sendSoon } = await import('../../offline/outboxStart');
    sendSoon();
  };

  const status = result?.status;
  const statusKind = status === 'valid' ? 'success' : 'error';
  const officer = me.value?.officer;

  return (
    <div class="two-pane officer-verify">
      <div>
        <ErrorSummary errors={errors} />
        {me.value === null && navigator.onLine && (
          <Notice kind="error" title={td('verify.signIn.title')}>
            <p>
              <a href="/me/sign-in?next=%2Fofficer%2Fverify">{t('header.signIn')}</a>
            </p>
          </Notice>
        )}
        {officer && <p>{t('officer.signedInAs', { badge: officer.badgeNumber })}</p>}
        <p class="field__hint" data-testid="verify-keys">
          {keys?.keySet.keys.length
            ? td('verify.keys.cached', {
                n: keys.keySet.keys.length,
                time: formatDateTime(new Date(keys.storedAt)),
              })
            : td('verify.keys.none')}
        </p>
        <h2>{td('verify.scan.heading')}</h2>
        <div class="button-row">
          {scanning ? (
            <Button variant="secondary" onClick={stopCamera}>
              {td('verify.camera.stop')}
            </Button>
          ) : (
            <Button onClick={() => void startCamera()}>{td('verify.camera.start')}</Button>
          )}
        </div>
        <video ref={video} class="scanner" hidden={!scanning} muted playsInline aria-label={td('verify.camera.label')} />
        <canvas ref={canvas} hidden />
        <div class="field">
          <p class="field__label" id="verify-image-label">
            {td('verify.image.label')}
          </p>
          <p class="field__hint" id="verify-image-hint">
            {td('verify.image.hint')}
          </p>
          <FileButton id="verify-image" label={td('verify.image.button')} accept="image/*" describedBy="verify-image-label verify-image-hint" onPick={(input) => void pickImage(input)} />
        </div>
        {scanProblem && (
          <Notice kind="error" title={t('notice.error')} live="alert">
            <p>{scanProblem}</p>
          </Notice>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void verify(text);
          }}
        >
          <div class="field">
            <label class="field__label" for="verify-text">
              {td('verify.paste.label')}
            </label>
            <textarea id="verify-text" class="field__input field__textarea" rows={3} value={text} spellcheck={false} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <Button type="submit" variant="secondary">
            {td('verify.paste.check')}
          </Button>
        </form>
        <form onSubmit={(e) => void byNumber(e)} class="subform">
          <Field
            id="verify-number-input"
            label={td('verify.number.label')}
            hint={td('verify.number.hint')}
            error={errors.find((e) => e.fieldId === 'verify-number-input')?.message}
            value={number}
            autocapitalize="characters"
            spellcheck={false}
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
          <Button type="submit" variant="secondary">
            {td('verify.number.find')}
          </Button>
        </form>
      </div>
      <div aria-live="polite">
        <h2>{td('verify.result.heading')}</h2>
        {!result && <p>{td('verify.result.none')}</p>}
        {result && (
          <div data-testid="verify-status" data-status={result.status}>
            <Notice kind={statusKind} title={td(`verify.status.${result.status}` as DeclarationsKey)}>
              <p>{td(`verify.status.${result.status}.body` as DeclarationsKey)}</p>
            </Notice>
          </div>
        )}
        {paymentReceipt && <PaymentReceiptView claims={paymentReceipt.claims} issuedAt={paymentReceipt.issuedAt} />}
        {credential && <ClaimsView claims={credential.claims} issuedAt={credential.issuedAt} expiresAt={credential.expiresAt} />}
        {result && !navigator.onLine && <p class="field__hint">{td('verify.offlineOnly')}</p>}
        <IdentityStepUpNotice />
        {onlineProblem && <p class="field__hint">{td('verify.online.failed', { reason: onlineProblem })}</p>}
        {online && (
          <Notice kind={online.valid && !online.superseded ? 'success' : 'error'} title={td('verify.online.heading')}>
            <p data-testid="verify-online">
              {online.superseded
                ? td('verify.online.superseded', { version: String(online.latestVersion ?? '') })
                : online.valid
                  ? td('verify.online.current', { status: online.declaration ? td(`declare.status.${online.declaration.status}`) : '' })
                  : (online.message ?? td('verify.status.tampered'))}
            </p>
            {online.declaration?.outcome && (
              <p>
                {td('verify.online.outcome', { kind: td(`outcome.kind.${online.declaration.outcome.kind}` as DeclarationsKey) })}
              </p>
            )}
          </Notice>
        )}
        {online?.declaration && <DeclarationArticlePhotos articles={online.declaration.articles} level={3} testId="verify-photos" />}
        {credential && result?.status === 'valid' && (
          <form onSubmit={(e) => void recordOutcome(e)} class="subform" noValidate>
            <h2>{td('outcome.heading')}</h2>
            <Radios<OutcomeKind>
              id="outcome-kind"
              legend={td('outcome.kind.legend')}
              error={errors.find((e) => e.fieldId === 'outcome-kind')?.message}
              value={kind}
              options={KINDS.map((k) => ({ value: k, label: td(`outcome.kind.${k}` as DeclarationsKey) }))}
              onChange={setKind}
            />
            {kind === 'DUTY_ASSESSED' && (
              <Field
                id="outcome-duty"
                label={td('outcome.duty.label')}
                hint={td('outcome.duty.hint')}
                error={errors.find((e) => e.fieldId === 'outcome-duty')?.message}
                value={duty}
                inputMode="decimal"
                onInput={(e) => setDuty(e.currentTarget.value)}
              />
            )}
            <Field
              id="outcome-reason"
              label={td('outcome.reason.label')}
              error={errors.find((e) => e.fieldId === 'outcome-reason')?.message}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <Field id="outcome-receipt" label={td('outcome.receipt')} value={receipt} onInput={(e) => setReceipt(e.currentTarget.value)} />
            <Button type="submit">{td('outcome.record')}</Button>
          </form>
        )}
        {log.length > 0 && (
          <section aria-labelledby="outcome-log-heading">
            <h2 id="outcome-log-heading">{td('outcome.log.heading')}</h2>
            <ul class="card-list">
              {log.map((entry) => (
                <li class="card-list__item" key={entry.key} data-testid="outcome-log-item">
                  <p class="card-list__title">
                    {entry.number} v{entry.version} · {td(`outcome.kind.${entry.kind}` as DeclarationsKey)}
                    <span class="tag" data-testid="outcome-state">
                      {td(queued.has(entry.key) ? 'outcome.state.queued' : 'outcome.state.sent')}
                    </span>
                  </p>
                  <p class="field__hint">{formatDateTime(new Date(entry.at))}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
