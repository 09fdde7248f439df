// One booking: the signed QR and number in large print (kept on this device, so it shows with
// no network), the calendar file, directions, and what the person can do: move, cancel (before
// the cut-off), "running late", "can't come", wait for an earlier time, take an offered seat.
// While the booking is ahead, a live subscription shows "your turn, window N" without a reload.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Select } from '../../components/Select';
import { client, request } from '../../graphql/client';
import {
  AppointmentsBookingByIdDocument,
  AppointmentsCancelDocument,
  AppointmentsItemNameDocument,
  AppointmentsLateDocument,
  AppointmentsOfferConfirmDocument,
  AppointmentsReleaseDocument,
  AppointmentsUpdatesDocument,
  AppointmentsWaitlistJoinDocument,
  type AppointmentsChangeResultFragment,
  type AppointmentsCreateResultFragment,
  type AppointmentsUpdatesSubscription,
} from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { navigate } from '../identity/identitySession';
import { subscribeLive, type LiveState } from '../../graphql/live';
import { offerText, ta, taMaybe } from './appointmentsMessages';
import { LIVE_STATUSES, canChange, cutOff, icsFileName, siteTime, webMapUrl } from './appointmentsModel';
import { cachedBooking, pick, storeBooking, type BookingView } from './appointmentsStore';
import './appointments.css';

const AppointmentsQrCode = lazy(() => import('./AppointmentsQrCode'));
// The rating form (好差评) and its words load only for a served appointment.
const HelpRating = lazy(() => import('../help/HelpRating').then((m) => ({ default: m.HelpRating })));
const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
const LATE_CHOICES = ['5', '10', '15', '20', '30', '45', '60', '90', '120'];

function downloadIcs(booking: BookingView) {
  const blob = new Blob([booking.calendarIcs], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(booking.number);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function LiveStatus({ booking, live }: { booking: BookingView; live: LiveState | null }) {
  const { status, queueNumber, windowNumber } = booking;
  return (
    <div class="appointments-live" role="status" aria-live="assertive" data-testid="booking-live" data-status={status}>
      {status === 'CALLED' && windowNumber != null && (
        <div class="appointments-turn">
          <p class="appointments-turn__title">{ta('live.turn', { window: windowNumber })}</p>
          <p>{ta('live.turnBody')}</p>
        </div>
      )}
      {status === 'CHECKED_IN' && (
        <Notice kind="success" title={ta('live.checkedIn', { queue: queueNumber ?? '' })}>
          <p>{ta('live.checkedInBody')}</p>
        </Notice>
      )}
      {status === 'SERVED' && <Notice kind="success" title={ta('live.served')} />}
      {live === 'waiting' && <p class="field__hint">{ta('live.reconnecting')}</p>}
    </div>
  );
}

export function AppointmentsBooking({ id }: { id: string }) {
  const [booking, setBooking] = useState<BookingView | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const offlineRef = useRef(false);
  offlineRef.current = offline;
  const [live, setLive] = useState<LiveState | null>(null);
  const [late, setLate] = useState('15');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [itemName, setItemName] = useState<string | null>(null);
  // Back online: read the booking (and its item) again; the live subscription reconnects by itself.
  const [online, setOnline] = useState(0);
  useEffect(() => {
    const again = () => setOnline((n) => n + 1);
    addEventListener('online', again);
    return () => removeEventListener('online', again);
  }, []);

  useEffect(() => {
    let alive = true;
    void cachedBooking(id).then((cached) => alive && cached && setBooking((b) => b ?? cached));
    request(AppointmentsBookingByIdDocument, { id })
      .then(async (data) => {
        if (!alive) return;
        setOffline(false);
        if (!data.booking) return setBooking(null);
        setBooking(data.booking);
        await storeBooking(data.booking);
      })
      .catch(async () => {
        if (!alive) return;
        setOffline(true);
        if (!(await cachedBooking(id))) setBooking((b) => b ?? null);
      });
    return () => {
      alive = false;
    };
  }, [id, online]);

  const itemCode = booking?.itemCode;
  useEffect(() => {
    if (!itemCode) return;
    request(AppointmentsItemNameDocument, { code: itemCode })
      .then((data) => data.serviceItem && setItemName(pick(data.serviceItem.name)))
      .catch(() => {});
  }, [itemCode, locale.value, online]);

  const status = booking?.status;
  const following = !!status && LIVE_STATUSES.includes(status);
  useEffect(() => {
    if (!following) return;
    const subscription = subscribeLive<AppointmentsUpdatesSubscription>({
      query: AppointmentsUpdatesDocument.toString(),
      variables: { bookingId: id },
      onState: (state) => {
        setLive(state);
        // Connected again after showing this device's copy: read the booking again too.
        if (state === 'live' && offlineRef.current) setOnline((n) => n + 1);
      },
      onData: (data) => {
        const update = data.myBookingUpdates;
        setBooking((current) => {
          if (!current) return current;
          const next = { ...current, status: update.status, queueNumber: update.queueNumber ?? null, windowNumber: update.windowNumber ?? null };
          void storeBooking(next);
          return next;
        });
      },
    });
    return () => subscription.close();
  }, [id, following]);

  if (booking === undefined) return <p role="status">{ta('loading')}</p>;
  if (booking === null)
    return (
      <Notice kind="error" title={ta('booking.notFound')}>
        <p>
          <a href="/appointments">{ta('mine.back')}</a>
        </p>
      </Notice>
    );

  const tz = booking.site.timezone;
  const changeable = booking.status === 'CONFIRMED' && canChange(booking.startsAt);
  const active = booking.status === 'CONFIRMED' || booking.status === 'CHECKED_IN';

  const change = async (run: () => Promise<AppointmentsChangeResultFragment | AppointmentsCreateResultFragment>, message: string) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const result = await run();
      if (result.__typename === 'BookingChanged' || result.__typename === 'BookingSuccess') {
        setBooking(result.booking);
        await storeBooking(result.booking);
        setDone(message);
        if (result.booking.id !== booking.id) navigate(`/appointments/bookings/${result.booking.id}`, { replace: true });
      } else if (result.__typename === 'ValidationError') {
        setProblem(result.errors.map((e) => e.message).join(' ') || result.message);
      } else {
        setProblem(result.message);
      }
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const joinWaitlist = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const result = (
        await secure(AppointmentsWaitlistJoinDocument, {
          input: { itemCode: booking.itemCode, siteId: booking.site.id, bookingId: booking.id, applicationId: booking.applicationId ?? null },
        })
      ).waitlistJoin;
      if (result.__typename === 'WaitlistJoined') setDone(ta('waitlist.joined'));
      else setProblem(result.message);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="appointments-booking">
      {offline && <p class="field__hint" data-testid="booking-offline">{ta('booking.offline')}</p>}
      <LiveStatus booking={booking} live={live} />

      <p class="appointments-status">
        <span class="tag" data-testid="booking-status">
          {taMaybe(`status.${booking.status}`) ?? booking.status}
        </span>
      </p>
      <p class="appointments-number-label">{ta('booking.number')}</p>
      <p class="appointments-number" data-testid="booking-number">
        {booking.number}
      </p>

      {booking.status === 'OFFERED' && booking.offerExpiresAt && (
        <Notice title={ta(booking.offerAfterClosure ? 'offer.closure.title' : 'offer.title')}>
          <p data-testid="offer-body">{offerText(booking, tz)}</p>
          <div class="button-row">
            <Button
              disabled={busy}
              onClick={() => void change(async () => (await secure(AppointmentsOfferConfirmDocument, { bookingId: booking.id })).bookingOfferConfirm, ta('offer.confirmed'))}
            >
              {ta('offer.confirm')}
            </Button>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => void change(async () => (await secure(AppointmentsCancelDocument, { bookingId: booking.id })).bookingCancel, ta('offer.declined'))}
            >
              {ta('offer.decline')}
            </Button>
          </div>
        </Notice>
      )}

      {(active || booking.status === 'CALLED') && (
        <Suspense fallback={<p role="status">{ta('loading')}</p>}>
          <AppointmentsQrCode text={booking.credential} label={ta('booking.qrLabel', { number: booking.number })} />
        </Suspense>
      )}

      <dl class="facts">
        <dt>{ta('booking.when')}</dt>
        <dd data-testid="booking-when">
          {siteTime(booking.startsAt, tz, locale.value, { dateStyle: 'full', timeStyle: 'short' })}–
          {siteTime(booking.endsAt, tz, locale.value, { timeStyle: 'short' })}
        </dd>
        <dt>{ta('booking.where')}</dt>
        <dd>{pick(booking.site.name)}</dd>
        <dt>{ta('booking.address')}</dt>
        <dd>{pick(booking.directions.address)}</dd>
        <dt>{ta('booking.what')}</dt>
        <dd>{itemName ?? booking.itemCode}</dd>
        {booking.applicationNumber && (
          <>
            <dt>{ta('booking.application')}</dt>
            <dd>{booking.applicationNumber}</dd>
          </>
        )}
        {booking.queueNumber != null && (
          <>
            <dt>{ta('booking.queue')}</dt>
            <dd data-testid="booking-queue">{booking.queueNumber}</dd>
          </>
        )}
        {booking.lateMinutes != null && (
          <>
            <dt>{ta('late.reported')}</dt>
            <dd>{ta('late.minutes', { n: booking.lateMinutes })}</dd>
          </>
        )}
        <dt>{ta('booking.phone')}</dt>
        <dd>
          <a href={`tel:${booking.site.phone}`}>{booking.site.phone}</a>
        </dd>
        <dt>{ta('booking.access')}</dt>
        <dd>{pick(booking.site.accessibility)}</dd>
      </dl>

      <div class="button-row">
        <Button variant="secondary" onClick={() => downloadIcs(booking)} data-testid="booking-ics">
          {ta('booking.ics')}
        </Button>
        <a class="button button--secondary" href={booking.directions.mapUri}>
          {ta('booking.mapApp')}
        </a>
        <a class="button button--secondary" href={webMapUrl(booking.directions.latitude, booking.directions.longitude)} target="_blank" rel="noopener noreferrer">
          {ta('booking.mapWeb')}
        </a>
      </div>

      <div aria-live="polite">
        {problem && (
          <Notice kind="error" title={ta('book.problem.title')} live="alert">
            <p data-testid="booking-problem">{problem}</p>
          </Notice>
        )}
        {done && (
          <Notice kind="success" title={done} live="status" />
        )}
      </div>
      <IdentityStepUpNotice />
      {booking.status === 'SERVED' && (
        <Suspense fallback={<p role="status">{ta('loading')}</p>}>
          <HelpRating bookingId={booking.id} siteCode={booking.site.code} />
        </Suspense>
      )}

      {active && (
        <section class="subform" aria-labelledby="booking-change-heading">
          <h2 id="booking-change-heading">{ta('change.heading')}</h2>
          {booking.status === 'CONFIRMED' && (
            <p class="field__hint" data-testid="booking-cutoff">
              {changeable
                ? ta('change.cutOff', { time: siteTime(cutOff(booking.startsAt), tz, locale.value, { dateStyle: 'medium', timeStyle: 'short' }) })
                : ta('change.cutOffPassed')}
            </p>
          )}
          {changeable && (
            <div class="button-row">
              <a class="button button--secondary" href={`/appointments/book?item=${encodeURIComponent(booking.itemCode)}&reschedule=${encodeURIComponent(booking.id)}`}>
                {ta('change.reschedule')}
              </a>
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => void change(async () => (await secure(AppointmentsCancelDocument, { bookingId: booking.id })).bookingCancel, ta('change.cancelled'))}
              >
                {ta('change.cancel')}
              </Button>
            </div>
          )}
          {booking.status === 'CONFIRMED' && (
            <div class="button-row">
              <Button variant="secondary" disabled={busy} onClick={() => void joinWaitlist()}>
                {ta('waitlist.join')}
              </Button>
            </div>
          )}
          <form
            class="appointments-late"
            onSubmit={(e) => {
              e.preventDefault();
              void change(async () => (await secure(AppointmentsLateDocument, { bookingId: booking.id, minutes: Number(late) })).bookingLateReport, ta('late.sent'));
            }}
          >
            <Select
              id="booking-late"
              label={ta('late.label')}
              value={late}
              options={LATE_CHOICES.map((m) => ({ value: m, label: ta('late.minutes', { n: m }) }))}
              onChange={setLate}
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              {ta('late.submit')}
            </Button>
          </form>
          <div class="button-row">
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => void change(async () => (await secure(AppointmentsReleaseDocument, { bookingId: booking.id })).bookingRelease, ta('release.done'))}
            >
              {ta('release.button')}
            </Button>
          </div>
          <p class="field__hint">{ta('release.hint')}</p>
        </section>
      )}
      <p class="link-list">
        <a href="/appointments">{ta('mine.back')}</a>
      </p>
    </div>
  );
}
