// The draws of an item and their verifiable results: when entries close, and once drawn the
// seed, the number of entrants and the digest of the entry list, so anyone can recompute the
// order (HMAC-SHA256(seed, entry id), lowest first) and check their entry was in it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { SERVICE_TIME_ZONE } from '../../clock';
import { request } from '../../graphql/client';
import { FairDrawsDocument, type FairDrawFragment } from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { describeError } from '../identity/identityErrors';
import { tf } from './fairMessages';
import './fairness.css';
import { pick } from '../../i18n/localized';

/** A draw's moments on the service's clock (Shanghai), whatever the device's zone. */
export function when(value: string): string {
  return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short', timeZone: SERVICE_TIME_ZONE }).format(new Date(value));
}

export function DrawFacts({ draw }: { draw: FairDrawFragment }) {
  return (
    <>
      <p>{tf('draws.period', { from: when(draw.slotsFrom), to: when(draw.slotsTo) })}</p>
      {draw.drawn ? (
        <dl class="facts" data-testid="draw-result">
          <dt>{tf('draws.drawn', { at: draw.drawnAt ? when(draw.drawnAt) : '' })}</dt>
          <dd data-testid="draw-entrants">{tf('draws.entrants', { n: draw.entryIds.length })}</dd>
          <dt>{tf('draws.seed')}</dt>
          <dd>
            <pre class="fair-code">{draw.seed}</pre>
          </dd>
          <dt>{tf('draws.digest')}</dt>
          <dd>
            <pre class="fair-code">{draw.entrantsDigest}</pre>
          </dd>
        </dl>
      ) : (
        <p>{tf('draws.closes', { at: when(draw.closesAt) })}</p>
      )}
    </>
  );
}

export function FairDrawList({ itemCode, revision = 0 }: { itemCode: string; revision?: number }) {
  const [draws, setDraws] = useState<FairDrawFragment[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const shownFor = useRef(itemCode);

  useEffect(() => {
    if (!itemCode) return;
    // Another item chosen: its draws, never the last item's (shown while loading, or arriving
    // after the new item's answer).
    let current = true;
    setProblem(null);
    if (shownFor.current !== itemCode) setDraws(undefined);
    shownFor.current = itemCode;
    request(FairDrawsDocument, { itemCode })
      .then((data) => current && setDraws(data.appointmentDraws))
      .catch((error) => current && setProblem(describeError(error)));
    return () => {
      current = false;
    };
  }, [itemCode, revision]);

  if (problem) return <p role="alert">{problem}</p>;
  if (draws === undefined) return <p role="status">{tf('loading')}</p>;
  if (!draws.length) return <p>{tf('draws.none')}</p>;
  return (
    <div class="stack">
      <ul class="card-list">
        {draws.map((draw) => (
          <li class="card-list__item" key={draw.id} data-testid="draw" data-drawn={draw.drawn ? 'yes' : 'no'}>
            <p class="card-list__title">
              {pick(draw.itemName)} · {pick(draw.siteName)}
            </p>
            <DrawFacts draw={draw} />
          </li>
        ))}
      </ul>
      <p class="field__hint">{tf('draws.verify')}</p>
    </div>
  );
}
