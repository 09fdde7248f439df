// The person's draw entries: entered (waiting), won (a seat held: confirm it) or not drawn,
// with the draw's verifiable result. The result also comes to the inbox.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { FairMyEntriesDocument, type FairMyEntriesQuery } from '../../graphql/generated/graphql';
import { pick } from '../../i18n/localized';
import { DrawFacts } from './FairDrawList';
import { tf, tfMaybe } from './fairMessages';

type Entry = FairMyEntriesQuery['myDrawEntries'][number];

export function FairMyEntries() {
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    request(FairMyEntriesDocument)
      .then((data) => setEntries(data.myDrawEntries))
      .catch(() => setEntries([]));
  }, []);
  if (!entries.length) return null;
  return (
    <section aria-labelledby="draw-entries-heading">
      <h2 id="draw-entries-heading">{tf('mine.title')}</h2>
      <ul class="card-list">
        {entries.map((entry) => (
          <li class="card-list__item" key={entry.id} data-testid="draw-entry" data-state={entry.state}>
            <h3 class="card-list__title">
              {pick(entry.draw.itemName)} · {pick(entry.draw.siteName)}
            </h3>
            <p>
              <strong>{tfMaybe(`mine.state.${entry.state}`) ?? entry.state}</strong>
            </p>
            {entry.rank != null && <p>{tf('mine.rank', { rank: entry.rank })}</p>}
            {entry.state === 'WON' && entry.bookingId && (
              <p>
                <a href={`/appointments/bookings/${entry.bookingId}`}>{tf('mine.confirm')}</a>
              </p>
            )}
            <DrawFacts draw={entry.draw} />
            <p>
              <a href={`/appointments/draws/${encodeURIComponent(entry.draw.itemCode)}`}>{tf('draws.title')}</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
