// The person's upcoming bookings (and seats offered from a waiting list), and their places on
// waiting lists. Read from this device first, so the list (and each QR) opens offline.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { client, request } from '../../graphql/client';
import {
  AppointmentsMineDocument,
  AppointmentsWaitlistLeaveDocument,
  type AppointmentsWaitlistEntryFragment,
} from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { CACHE_KEYS } from '../../offline/keys';
import { FairMyEntries } from '../fairness/FairMyEntries';
import { describeError } from '../identity/identityErrors';
import { offerText, ta, taMaybe } from './appointmentsMessages';
import { siteTime } from './appointmentsModel';
import { cacheGet, pick, storeBookingList, type BookingView } from './appointmentsStore';
import './appointments.css';

export function AppointmentsMine() {
  const [bookings, setBookings] = useState<BookingView[] | undefined>(undefined);
  const [waitlist, setWaitlist] = useState<AppointmentsWaitlistEntryFragment[]>([]);
  const [offline, setOffline] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = () =>
    request(AppointmentsMineDocument)
      .then(async (data) => {
        setOffline(false);
        setBookings(data.myBookings);
        setWaitlist(data.myWaitlist.filter((w) => w.status === 'WAITING' || w.status === 'OFFERED'));
        await storeBookingList(data.myBookings);
      })
      .catch(async () => {
        setOffline(true);
        const cached = await cacheGet<BookingView[]>(CACHE_KEYS.bookingList);
        setBookings((b) => b ?? (cached ?? []).filter((x) => new Date(x.endsAt).getTime() > Date.now()));
      });

  useEffect(() => {
    void cacheGet<BookingView[]>(CACHE_KEYS.bookingList).then((cached) => cached && setBookings((b) => b ?? cached));
    void load();
  }, []);

  const leave = async (entry: AppointmentsWaitlistEntryFragment) => {
    setProblem(null);
    try {
      const result = (await client.request(AppointmentsWaitlistLeaveDocument, { entryId: entry.id })).waitlistLeave;
      if (result.__typename !== 'WaitlistJoined') setProblem(result.message);
      await load();
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  return (
    <>
      <div class="button-row">
        <a class="button button--primary" href="/appointments/book" data-testid="book-start">
          {ta('mine.book')}
        </a>
      </div>
      {offline && <p class="field__hint">{ta('booking.offline')}</p>}
      <h2>{ta('mine.heading')}</h2>
      {bookings === undefined && <p role="status">{ta('loading')}</p>}
      {bookings?.length === 0 && <p>{ta('mine.empty')}</p>}
      {bookings && bookings.length > 0 && (
        <ul class="card-list">
          {bookings.map((b) => (
            <li class="card-list__item" key={b.id} data-testid="my-booking">
              <p class="card-list__title">
                <a href={`/appointments/bookings/${b.id}`}>{siteTime(b.startsAt, b.site.timezone, locale.value, { dateStyle: 'medium', timeStyle: 'short' })}</a>
                <span class="tag">{taMaybe(`status.${b.status}`) ?? b.status}</span>
              </p>
              <p>
                {pick(b.site.name)} · <span class="appointments-code">{b.number}</span>
              </p>
              {b.status === 'OFFERED' && b.offerExpiresAt && (
                <p class="appointments-offer">{offerText(b, b.site.timezone)}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {waitlist.length > 0 && (
        <section aria-labelledby="mine-waitlist-heading">
          <h2 id="mine-waitlist-heading">{ta('waitlist.heading')}</h2>
          <ul class="card-list">
            {waitlist.map((w) => (
              <li class="card-list__item" key={w.id}>
                <p>{ta('waitlist.entry', { before: siteTime(w.earlierThan, undefined, locale.value, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
                {w.offeredBookingId && (
                  <p>
                    <a href={`/appointments/bookings/${w.offeredBookingId}`}>{ta('offer.title')}</a>
                  </p>
                )}
                <Button variant="secondary" onClick={() => void leave(w)}>
                  {ta('waitlist.leave')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <FairMyEntries />
      {problem && (
        <Notice kind="error" title={ta('book.problem.title')} live="alert">
          <p>{problem}</p>
        </Notice>
      )}
    </>
  );
}
