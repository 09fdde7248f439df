import { now } from '../../clock';
import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import type { SummaryError } from '../../components/ErrorSummary';
import { t } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { enqueue } from '../../offline/outbox';
import { navigate } from '../identity/identitySession';
import { DeclarationRatesOf, travellerNames } from './DeclarationArticlesStep';
import { companionProblems } from './DeclarationCompanionsStep';
import { DeclarationEstimateView } from './DeclarationEstimateView';
import { tripProblems } from './DeclarationTripStep';
import { categoryName, localized, useEstimate } from './declarationsHooks';
import { articleProblems } from './DeclarationArticlesStep';
import { unitPrice } from './declarationsMoney';
import { OUTBOX_AMEND, OUTBOX_SUBMIT, type AmendVariables, type SubmitVariables } from './declarationsOutbox';
import { draftPath, newKey, pendingPhotos, scheduledAt, toDeclarationInput, windowState, type StepProps } from './declarationsModel';
import { td } from './declarationsMessages';

function ChangeLink({ draftId, step, id, label }: { draftId: string; step: string; id: string; label: string }) {
  return (
    <a id={id} href={draftPath(draftId, step)}>
      {td('declare.change')}
      <span class="visually-hidden"> {label}</span>
    </a>
  );
}

export function DeclarationReviewStep({ draftId, draft, update, rules, rulesOffline, profile, setErrors }: StepProps) {
  const estimate = useEstimate(draft, profile, rules);
  const [busy, setBusy] = useState(false);
  const names = travellerNames(draft, profile?.fullName ?? '');
  const port = rules?.ports.find((p) => p.code === draft.portCode);
  const when = scheduledAt(draft);
  const companions = draft.hasCompanions === 'yes' ? draft.companions : [];
  const descriptions = Object.fromEntries(draft.articles.map((a) => [a.key, a.description]));

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: SummaryError[] = [];
    if (tripProblems(draft).length) problems.push({ fieldId: 'review-change-trip', message: td('declare.review.tripIncomplete') });
    else if (when && windowState(when, now()) !== 'open')
      problems.push({ fieldId: 'review-change-trip', message: td('declare.review.outsideWindow') });
    if (!draft.hasCompanions || companions.some((c) => companionProblems(c).length))
      problems.push({ fieldId: 'review-change-companions', message: td('declare.review.companionsIncomplete') });
    if (draft.articles.some((a) => articleProblems(a).length))
      problems.push({ fieldId: 'review-change-articles', message: td('declare.articles.incomplete') });
    if (!draft.hasCash) problems.push({ fieldId: 'review-change-cash', message: td('declare.cash.has.required') });
    if ((rules?.rules.checklist ?? []).some((q) => !draft.restricted[q.code]))
      problems.push({ fieldId: 'review-change-checklist', message: td('declare.review.checklistIncomplete') });
    if (problems.length) return setErrors(problems);
    setBusy(true);
    // One key per submission attempt of this draft: a resend (or a second press) is deduplicated.
    const key = draft.idempotencyKey ?? newKey();
    update((d) => ({ ...d, idempotencyKey: key }));
    const input = toDeclarationInput(draft, profile ?? null);
    const sent = new Set(input.articles?.map((a) => a.key));
    const photos = pendingPhotos(draft.articles.filter((a) => sent.has(a.key)));
    if (draft.amends) {
      const variables: AmendVariables = { declarationId: draft.amends.id, input, idempotencyKey: key, draftId, photos };
      await enqueue(OUTBOX_AMEND, key, variables);
    } else {
      const variables: SubmitVariables = { input, idempotencyKey: key, draftId, photos };
      await enqueue(OUTBOX_SUBMIT, key, variables);
    }
    navigate(`/declare/sent/${key}`);
    const { sendSoon } = await import('../../offline/outboxStart');
    sendSoon();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {draft.amends && <p class="lead">{td('declare.review.amending', { number: draft.amends.number })}</p>}
      <h2>{td('declare.review.trip')}</h2>
      <dl class="summary-list">
        <dt>{td('declare.trip.direction.legend')}</dt>
        <dd>{draft.direction ? td(`declare.direction.${draft.direction}`) : '—'}</dd>
        <dt>{td('declare.trip.port.label')}</dt>
        <dd>{port ? localized(port.name) : draft.portCode || '—'}</dd>
        <dt>{td('declare.trip.mode.legend')}</dt>
        <dd>
          <span class="code">
            {draft.travelMode ? td(`declare.mode.${draft.travelMode}`) : '—'} {draft.travelNumber.toUpperCase()}
          </span>
        </dd>
        <dt>{td('declare.review.when')}</dt>
        <dd>{when ? formatDateTime(when) : '—'}</dd>
      </dl>
      <ChangeLink draftId={draftId} step="trip" id="review-change-trip" label={td('declare.review.trip')} />

      <h2>{td('declare.review.travellers')}</h2>
      <dl class="summary-list">
        <dt>{td('declare.review.declarant')}</dt>
        <dd>
          {profile ? `${profile.fullName} · ${t(`document.${profile.documentType}` as 'document.PASSPORT')} ${profile.documentNumberMasked}` : td('declare.review.declarantUnknown')}
        </dd>
        {companions.map((c, i) => (
          <>
            <dt key={`${c.key}-t`}>{td('declare.companionN', { n: i + 1 })}</dt>
            <dd key={`${c.key}-d`}>
              {c.fullName} · {c.dateOfBirth} · {t(`document.${c.documentType}`)} {c.documentNumber}
            </dd>
          </>
        ))}
      </dl>
      <ChangeLink draftId={draftId} step="companions" id="review-change-companions" label={td('declare.review.travellers')} />

      <h2>{td('declare.review.articles')}</h2>
      {draft.articles.length ? (
        <ul>
          {draft.articles.map((a) => (
            <li key={a.key}>
              {a.description} — {categoryName(rules, a.categoryCode)}, {a.quantity} × {unitPrice(a.unitValue, a.currency)}
              {a.dutyFreeShop ? ` · ${td('declare.article.dutyFree.short')}` : ''}
              {a.photo ? ` · ${td('declare.article.photo.short')}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{td('declare.none')}</p>
      )}
      <ChangeLink draftId={draftId} step="articles" id="review-change-articles" label={td('declare.review.articles')} />

      <h2>{td('declare.review.cash')}</h2>
      <p>
        {draft.hasCash === 'yes'
          ? draft.cash.map((c) => `${formatMoney(Number(c.amount) || 0, c.currency)} (${names[c.traveller] ?? ''})`).join(', ')
          : td('declare.none')}
      </p>
      <ChangeLink draftId={draftId} step="cash" id="review-change-cash" label={td('declare.review.cash')} />

      <h2>{td('declare.review.checklist')}</h2>
      <p>
        {Object.values(draft.restricted).some((v) => v === 'yes')
          ? (rules?.rules.checklist ?? []).filter((q) => draft.restricted[q.code] === 'yes').map((q) => localized(q.question)).join(' ')
          : td('declare.review.checklistNone')}
      </p>
      <ChangeLink draftId={draftId} step="checklist" id="review-change-checklist" label={td('declare.review.checklist')} />

      <DeclarationRatesOf rules={rules} offline={rulesOffline} />
      <DeclarationEstimateView state={estimate} rules={rules} names={names} descriptions={descriptions} />

      <p>{td('declare.review.confirm')}</p>
      <Button type="submit" disabled={busy}>
        {td(draft.amends ? 'declare.review.submitAmend' : 'declare.review.submit')}
      </Button>
    </form>
  );
}
