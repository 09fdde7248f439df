import { SERVICE_TIME_ZONE } from '../../clock';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { request } from '../../graphql/client';
import { DeclarationOneDocument, type DeclarationFullFragment } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { DeclarationChannelAdvice, DeclarationEstimateLines } from './DeclarationEstimateView';
import { useRules } from './declarationsHooks';
import { amend, declareAgain } from './declarationsStart';
import { cachedDeclaration, storeDeclaration } from './declarationsStore';
import { DeclarationArticlePhotos } from './DeclarationArticlePhotos';
import { td, type DeclarationsKey } from './declarationsMessages';
import { PaymentPanel } from '../payments/PaymentPanel';

const DeclarationQrCode = lazy(() => import('./DeclarationQrCode'));

/** Loads a declaration: the copy on this device at once (works offline), then the server's. */
export function useDeclaration(id: string): { declaration: DeclarationFullFragment | null | undefined; offline: boolean } {
  const [declaration, setDeclaration] = useState<DeclarationFullFragment | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let live = true;
    void cachedDeclaration(id).then((c) => live && c && setDeclaration((d) => d ?? c));
    request(DeclarationOneDocument, { id })
      .then(async (data) => {
        if (!live) return;
        if (data.declaration) {
          await storeDeclaration(data.declaration);
          setDeclaration(data.declaration);
        } else setDeclaration((d) => d ?? null);
      })
      .catch(async () => {
        if (!live) return;
        setOffline(true);
        if (!(await cachedDeclaration(id))) setDeclaration((d) => d ?? null);
      });
    return () => {
      live = false;
    };
  }, [id]);
  return { declaration, offline };
}

export function DeclarationView({ id }: { id: string }) {
  const { declaration, offline } = useDeclaration(id);
  const { rules } = useRules();
  if (declaration === undefined) return <p role="status">{t('loading')}</p>;
  if (declaration === null)
    return (
      <section class="page">
        <PageHeading title={td('declare.view.missing')}>{td('declare.view.missing')}</PageHeading>
        <p>
          <a href="/declare">{td('declare.backToStart')}</a>
        </p>
      </section>
    );
  const d = declaration;
  const names = d.travellers.map((x) => x.fullName);
  const descriptions = Object.fromEntries(d.articles.map((a) => [a.key, a.description]));
  const title = td('declare.view.title', { number: d.number });
  return (
    <section class="page declaration-view">
      <PageHeading title={title}>{title}</PageHeading>
      {offline && (
        <Notice title={td('declare.view.offlineTitle')}>
          <p>{td('declare.view.offlineBody')}</p>
        </Notice>
      )}
      {d.status === 'SUPERSEDED' && (
        <Notice kind="error" title={td('declare.status.SUPERSEDED')}>
          <p>{td('declare.view.superseded')}</p>
        </Notice>
      )}
      {d.status !== 'SUPERSEDED' && <PaymentPanel declarationId={d.id} number={d.number} />}
      <DeclarationChannelAdvice estimate={d.estimate} />
      <div class="qr-panel">
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <DeclarationQrCode text={d.credential} label={td('declare.view.qrLabel', { number: d.number, version: d.version })} />
        </Suspense>
        <p class="large-print" data-testid="declaration-number">
          <span>{d.number}</span>
          <span class="large-print__version">{td('declare.view.version', { version: d.version })}</span>
        </p>
        <p class="field__hint">{td('declare.view.brightness')}</p>
      </div>
      {d.outcome && (
        <Notice kind="success" title={td('declare.view.outcomeTitle')} live="status">
          <p data-testid="declaration-outcome">
            {td(`outcome.kind.${d.outcome.kind}` as DeclarationsKey)}
            {d.outcome.dutyAssessed ? ` · ${formatMoney(Number(d.outcome.dutyAssessed), 'CNY')}` : ''}
            {d.outcome.receiptNumber ? ` · ${td('outcome.receipt')}: ${d.outcome.receiptNumber}` : ''}
          </p>
          {d.outcome.reason && <p>{d.outcome.reason}</p>}
          <p class="field__hint">{formatDateTime(d.outcome.recordedAt)}</p>
        </Notice>
      )}
      <dl class="summary-list">
        <dt>{td('declare.view.status')}</dt>
        <dd>{td(`declare.status.${d.status}`)}</dd>
        <dt>{td('declare.review.trip')}</dt>
        <dd>
          {td(`declare.direction.${d.direction}`)} · {d.portCode} ·{' '}
          <span class="code">
            {td(`declare.mode.${d.travelMode}`)} {d.travelNumber}
          </span>
        </dd>
        <dt>{td('declare.review.when')}</dt>
        <dd>{formatDateTime(d.scheduledAt, undefined, SERVICE_TIME_ZONE)}</dd>
        <dt>{td('declare.view.validUntil')}</dt>
        <dd>{formatDateTime(d.validUntil)}</dd>
        <dt>{td('declare.review.travellers')}</dt>
        <dd>{names.join(', ')}</dd>
        <dt>{td('declare.view.submittedAt')}</dt>
        <dd>{formatDateTime(d.submittedAt)}</dd>
      </dl>
      <h2>{td('declare.estimate.heading')}</h2>
      <DeclarationEstimateLines estimate={d.estimate} rules={rules} names={names} descriptions={descriptions} />
      {!offline && <DeclarationArticlePhotos articles={d.articles} testId="declaration-photos" />}
      <div class="button-row">
        {d.status === 'SUBMITTED' && !d.outcome && (
          <Button variant="secondary" onClick={() => void amend(d)}>
            {td('declare.history.amend')}
          </Button>
        )}
        <Button variant="secondary" onClick={() => void declareAgain(d)}>
          {td('declare.history.again')}
        </Button>
      </div>
      <p>
        <a href="/declare">{td('declare.backToStart')}</a>
      </p>
    </section>
  );
}
