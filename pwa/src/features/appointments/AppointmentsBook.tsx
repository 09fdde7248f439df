// Booking (or moving) an appointment: the service, the passed pre-review where the item needs
// one, where (a site list, or the nearest sites after a tap on "use my location"), the next free
// times per site, then one confirm. A retry after a lost answer reuses the idempotency key.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import { client, request } from '../../graphql/client';
import {
  AppointmentsAvailabilityDocument,
  AppointmentsBookingByIdDocument,
  AppointmentsCreateDocument,
  AppointmentsDrawEnterDocument,
  AppointmentsItemsDocument,
  AppointmentsOpenDrawsDocument,
  AppointmentsMyApplicationsDocument,
  AppointmentsRescheduleDocument,
  AppointmentsSitesDocument,
  type AppointmentsAvailabilityQuery,
  type AppointmentsCreateResultFragment,
  type AppointmentsItemsQuery,
  type AppointmentsMyApplicationsQuery,
  type AppointmentsSiteFragment,
  type AppointmentsSlotFragment,
} from '../../graphql/generated/graphql';
import { dateIn, SERVICE_TIME_ZONE, zonedInstant } from '../../clock';
import { locale, t } from '../../i18n';
import { HelpLink } from '../help/HelpLink';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { navigate } from '../identity/identitySession';
import { ta } from './appointmentsMessages';
import { newKey, siteTime } from './appointmentsModel';
import { pick, storeBooking, type BookingView } from './appointmentsStore';
import './appointments.css';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
type Item = AppointmentsItemsQuery['onsite']['nodes'][number];
type Application = AppointmentsMyApplicationsQuery['myApplications'][number];
type Availability = AppointmentsAvailabilityQuery['appointmentAvailability'];
const ALL_SITES = '*';

function SlotButtons({
  slots,
  site,
  sitesById,
  chosen,
  onChoose,
}: {
  slots: readonly AppointmentsSlotFragment[];
  site: AppointmentsSiteFragment | undefined;
  /** Slots of several sites: each button names its site. */
  sitesById?: ReadonlyMap<string, AppointmentsSiteFragment>;
  chosen: string | null;
  onChoose: (slot: AppointmentsSlotFragment) => void;
}) {
  if (!slots.length) return <p>{ta('book.noSlots')}</p>;
  return (
    <ul class="appointments-slots">
      {slots.map((slot) => (
        <li key={slot.id}>
          <button
            type="button"
            class={`appointments-slot${chosen === slot.id ? ' appointments-slot--chosen' : ''}`}
            aria-pressed={chosen === slot.id}
            data-testid="slot"
            data-starts-at={slot.startsAt}
            data-item={slot.itemCode}
            onClick={() => onChoose(slot)}
          >
            <span class="appointments-slot__time">
              {siteTime(slot.startsAt, (sitesById?.get(slot.siteId) ?? site)?.timezone, locale.value)}
            </span>
            {sitesById && <span class="appointments-slot__site">{pick(sitesById.get(slot.siteId)?.name)}</span>}
            <span class="appointments-slot__seats">{ta('book.seatsLeft', { n: slot.seatsLeft })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function AppointmentsBook({ itemCode: initialItem, rescheduleId }: { itemCode: string; rescheduleId: string }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [itemCode, setItemCode] = useState<string | null>(initialItem || null);
  const [moving, setMoving] = useState<BookingView | null>(null);
  const [applications, setApplications] = useState<Application[] | null>(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [sites, setSites] = useState<AppointmentsSiteFragment[]>([]);
  const [siteCode, setSiteCode] = useState<string>(ALL_SITES);
  const [near, setNear] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [availability, setAvailability] = useState<Availability | null>(null);
  // The day from which to show free times ('' = the earliest), on the sites' clock.
  const [fromDate, setFromDate] = useState('');
  const zone = sites.find((s) => s.code === siteCode)?.timezone ?? SERVICE_TIME_ZONE;
  const after = (fromDate && zonedInstant(fromDate, '00:00', zone)?.toISOString()) || null;
  const [slot, setSlot] = useState<AppointmentsSlotFragment | null>(null);
  const [alternatives, setAlternatives] = useState<AppointmentsSlotFragment[]>([]);
  const [problem, setProblem] = useState<{ message: string; code?: string; retryAt?: string | null } | null>(null);
  const [drawNote, setDrawNote] = useState<string | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [applicationError, setApplicationError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef<string>(newKey());

  useEffect(() => {
    request(AppointmentsItemsDocument)
      .then((data) => setItems([...data.onsite.nodes, ...data.prereview.nodes]))
      .catch((error) => setProblem({ message: describeError(error) }));
    if (rescheduleId) {
      request(AppointmentsBookingByIdDocument, { id: rescheduleId })
        .then((data) => {
          if (!data.booking) return;
          setMoving(data.booking);
          setItemCode(data.booking.itemCode);
          setApplicationId(data.booking.applicationId ?? null);
        })
        .catch(() => {});
    }
  }, [rescheduleId]);

  const item = items?.find((i) => i.code === itemCode);
  const needsPrereview = item?.handlingMode === 'PREREVIEW_THEN_ONSITE';

  useEffect(() => {
    if (!needsPrereview || applications) return;
    request(AppointmentsMyApplicationsDocument)
      .then((data) => setApplications(data.myApplications))
      .catch(() => setApplications([]));
  }, [needsPrereview, applications]);

  // Each of these answers belongs to the choice that asked for it: one that arrives after the
  // person has changed the service, site, place or date is dropped, so a slow answer to an
  // earlier choice never replaces the list of the current one.
  useEffect(() => {
    if (!itemCode) return;
    let current = true;
    request(AppointmentsSitesDocument, { itemCode })
      .then((data) => current && setSites(data.appointmentSites))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [itemCode]);

  useEffect(() => {
    if (!itemCode) return;
    let current = true;
    setAvailability(null);
    setSlot(null);
    request(AppointmentsAvailabilityDocument, {
      itemCode,
      siteCode: siteCode === ALL_SITES ? null : siteCode,
      near,
      after,
    })
      .then((data) => current && setAvailability(data.appointmentAvailability))
      .catch((error) => current && setProblem({ message: describeError(error) }));
    return () => {
      current = false;
    };
  }, [itemCode, siteCode, near, after]);

  const passed = useMemo(
    () => (applications ?? []).filter((a) => a.itemCode === itemCode && a.status === 'PASSED'),
    [applications, itemCode],
  );
  // A person with exactly one passed pre-review for this service books for it: nothing to choose.
  useEffect(() => {
    if (!moving && passed.length === 1 && applicationId === null) setApplicationId(passed[0]!.id);
  }, [passed, moving, applicationId]);
  const chosenApplication = passed.find((a) => a.id === applicationId);

  const sitesById = useMemo(() => {
    const map = new Map<string, AppointmentsSiteFragment>();
    for (const s of sites) map.set(s.id, s);
    for (const a of availability ?? []) map.set(a.site.id, a.site);
    return map;
  }, [sites, availability]);

  // The earliest times anywhere, first: most people want the soonest, wherever it is.
  const earliest = useMemo(() => {
    const withSlots = (availability ?? []).filter((entry) => entry.slots.length > 0);
    if (withSlots.length < 2) return [];
    return withSlots
      .flatMap((entry) => entry.slots)
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .slice(0, 4);
  }, [availability]);

  const choose = (next: AppointmentsSlotFragment) => {
    if (next.id !== slot?.id) key.current = newKey();
    setSlot(next);
    setProblem(null);
    setErrors([]);
  };

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) return setProblem({ message: ta('book.location.unavailable') });
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setSiteCode(ALL_SITES);
        setNear({ latitude: position.coords.latitude, longitude: position.coords.longitude });
      },
      () => {
        setLocating(false);
        setProblem({ message: ta('book.location.denied') });
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };

  const handleResult = async (result: AppointmentsCreateResultFragment) => {
    switch (result.__typename) {
      case 'BookingSuccess':
        await storeBooking(result.booking);
        navigate(`/appointments/bookings/${result.booking.id}`);
        return;
      case 'SlotFullError':
        setProblem({ message: result.message, code: 'SLOT_FULL' });
        setAlternatives(result.alternatives);
        return;
      case 'AppointmentError':
        if (result.appointmentCode === 'PREREVIEW_REQUIRED' && passed.length > 0) {
          // The answer is on this page: point at the list of passed applications.
          missingApplication();
          return;
        }
        setProblem({ message: result.message, code: result.appointmentCode, retryAt: result.retryAt });
        return;
      case 'ValidationError':
        setErrors(result.errors.map((e) => ({ fieldId: 'book-confirm', message: e.message })));
        return;
    }
  };

  const missingApplication = () => {
    const message = ta('book.application.missing');
    setApplicationError(message);
    setErrors([{ fieldId: 'book-application', message }]);
  };

  const book = async () => {
    if (!slot || !itemCode || busy) return;
    if (needsPrereview && !moving && passed.length > 0 && !applicationId) {
      missingApplication();
      return;
    }
    setBusy(true);
    setProblem(null);
    setErrors([]);
    try {
      if (moving) {
        const data = await secure(AppointmentsRescheduleDocument, {
          bookingId: moving.id,
          slotId: slot.id,
          idempotencyKey: key.current,
        });
        await handleResult(data.bookingReschedule);
      } else {
        const data = await secure(AppointmentsCreateDocument, {
          slotId: slot.id,
          itemCode,
          idempotencyKey: key.current,
          applicationId: needsPrereview ? applicationId : null,
        });
        await handleResult(data.bookingCreate);
      }
    } catch (error) {
      setProblem({ message: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const chosenSite = slot ? sitesById.get(slot.siteId) : undefined;

  // The seats of this time go by a fair draw: enter the open one for the item at the site.
  const enterDraw = async () => {
    if (!slot || busy) return;
    setBusy(true);
    try {
      const draws = await request(AppointmentsOpenDrawsDocument, { itemCode: slot.itemCode, siteId: slot.siteId });
      const open = draws.appointmentDraws.find((d) => !d.drawn);
      if (!open) return setDrawNote(ta('draw.none'));
      const data = await secure(AppointmentsDrawEnterDocument, { drawId: open.id });
      const result = data.drawEnter;
      if (result.__typename === 'DrawEntered') setDrawNote(ta('draw.entered'));
      else if (result.__typename === 'AppointmentError') setDrawNote(result.message);
      else setDrawNote(result.errors.map((e) => e.message).join(' '));
    } catch (error) {
      setDrawNote(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {moving && (
        <Notice title={ta('book.moving.title')}>
          <p>
            {ta('book.moving.body', {
              number: moving.number,
              when: siteTime(moving.startsAt, moving.site.timezone, locale.value),
            })}
          </p>
        </Notice>
      )}
      {!moving && (
        <section aria-labelledby="book-item-heading">
          <h2 id="book-item-heading">{ta('book.item.heading')}</h2>
          <HelpLink question="book.item" />
          {items === null ? (
            <p role="status">{ta('loading')}</p>
          ) : (
            <Radios
              id="book-item"
              legend={ta('book.item.legend')}
              hint={ta('book.item.hint')}
              value={itemCode}
              options={items.map((i) => ({
                value: i.code,
                label: pick(i.name),
                hint: ta(i.handlingMode === 'PREREVIEW_THEN_ONSITE' ? 'book.item.needsPrereview' : 'book.item.onsiteOnly'),
              }))}
              onChange={(code) => {
                setItemCode(code);
                setAvailability(null);
                setSlot(null);
                setApplicationId(null);
                setApplicationError(null);
                setSiteCode(ALL_SITES);
                setAlternatives([]);
                setProblem(null);
              }}
            />
          )}
        </section>
      )}

      {item && needsPrereview && !moving && (
        <section aria-labelledby="book-application-heading">
          <h2 id="book-application-heading">{ta('book.application.heading')}</h2>
          <HelpLink question="book.application" />
          {applications === null && <p role="status">{ta('loading')}</p>}
          {applications && passed.length === 0 && (
            <Notice title={ta('book.application.none.title')}>
              <p>{ta('book.application.none.body')}</p>
              <p>
                <a href={`/services/items/${encodeURIComponent(item.code)}`}>{ta('book.application.apply')}</a>
              </p>
            </Notice>
          )}
          {passed.length > 0 && (
            <Radios
              id="book-application"
              legend={ta('book.application.legend')}
              value={applicationId}
              error={applicationError ?? undefined}
              options={passed.map((a) => ({ value: a.id, label: a.number, hint: ta('book.application.passed') }))}
              onChange={(id) => {
                setApplicationId(id);
                setApplicationError(null);
                setErrors([]);
              }}
            />
          )}
        </section>
      )}

      {itemCode && (
        <section aria-labelledby="book-where-heading">
          <h2 id="book-where-heading">{ta('book.where.heading')}</h2>
          <HelpLink question="book.where" />
          <div class="button-row">
            <Button variant="secondary" onClick={locate} disabled={locating}>
              {locating ? ta('book.location.finding') : ta('book.location.use')}
            </Button>
            {near && (
              <Button variant="link" onClick={() => setNear(null)}>
                {ta('book.location.clear')}
              </Button>
            )}
          </div>
          {near && <p class="field__hint">{ta('book.location.nearest')}</p>}
          {!near && sites.length > 1 && (
            <Radios
              id="book-site"
              legend={ta('book.site.legend')}
              value={siteCode}
              options={[
                { value: ALL_SITES, label: ta('book.site.all') },
                ...sites.map((s) => ({ value: s.code, label: pick(s.name), hint: pick(s.address) })),
              ]}
              onChange={setSiteCode}
            />
          )}
          <Field
            id="book-from"
            type="date"
            label={ta('book.from.label')}
            hint={ta('book.from.hint')}
            value={fromDate}
            min={dateIn(zone)}
            onInput={(event) => setFromDate(event.currentTarget.value)}
          />
          {availability === null && <p role="status">{ta('loading')}</p>}
          {availability?.length === 0 && <p>{ta('book.noSites')}</p>}
          {earliest.length > 0 && (
            <div class="appointments-site appointments-site--earliest" data-testid="availability-earliest">
              <h3 class="appointments-site__name">{ta('book.earliest')}</h3>
              <SlotButtons slots={earliest} site={undefined} sitesById={sitesById} chosen={slot?.id ?? null} onChoose={choose} />
            </div>
          )}
          {availability?.map((entry) => (
            <div class="appointments-site" key={entry.site.id} data-testid="availability-site">
              <h3 class="appointments-site__name">{pick(entry.site.name)}</h3>
              <p class="field__hint">
                {pick(entry.site.address)}
                {entry.distanceKm != null && ` · ${ta('book.distance', { km: entry.distanceKm.toFixed(1) })}`}
              </p>
              <SlotButtons slots={entry.slots} site={entry.site} chosen={slot?.id ?? null} onChoose={choose} />
            </div>
          ))}
        </section>
      )}

      <div aria-live="polite">
        {problem && (
          <div data-testid="book-problem" data-code={problem.code ?? ''}>
            <Notice kind="error" title={ta('book.problem.title')} live="alert">
              <p>{problem.message}</p>
              {/* a draw's closing time is when entries end, not when booking opens again */}
              {problem.retryAt && problem.code !== 'DRAW_ONLY' ? (
                <p data-testid="book-retry-at">
                  {ta('book.problem.retryAt', {
                    when: siteTime(problem.retryAt, chosenSite?.timezone, locale.value, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}
                </p>
              ) : null}
              {problem.code === 'DRAW_ONLY' ? (
                drawNote ? (
                  <p data-testid="draw-note">{drawNote}</p>
                ) : (
                  <Button onClick={() => void enterDraw()} disabled={busy} data-testid="draw-enter">
                    {ta('draw.enter')}
                  </Button>
                )
              ) : null}
              {problem.code === 'IDENTITY_NOT_VERIFIED' ? (
                <p>
                  <a href="/me/identity">{t('me.identity.link')}</a>
                </p>
              ) : null}
              {problem.code === 'PREREVIEW_REQUIRED' || problem.code === 'PREREVIEW_NOT_PASSED' ? (
                <p>
                  <a href="/services/applications">{ta('book.application.list')}</a>
                </p>
              ) : null}
            </Notice>
          </div>
        )}
        {alternatives.length > 0 && (
          <section aria-labelledby="book-alternatives-heading">
            <h2 id="book-alternatives-heading">{ta('book.alternatives')}</h2>
            <SlotButtons slots={alternatives} site={chosenSite} chosen={slot?.id ?? null} onChoose={choose} />
          </section>
        )}
      </div>

      {slot && (
        <section class="subform" aria-labelledby="book-confirm-heading" id="book-confirm" tabIndex={-1}>
          <h2 id="book-confirm-heading">{ta(moving ? 'book.confirm.moveHeading' : 'book.confirm.heading')}</h2>
          <dl class="facts">
            <dt>{ta('booking.when')}</dt>
            <dd>{siteTime(slot.startsAt, chosenSite?.timezone, locale.value, { dateStyle: 'full', timeStyle: 'short' })}</dd>
            <dt>{ta('booking.where')}</dt>
            <dd>{pick(chosenSite?.name)}</dd>
            <dt>{ta('booking.what')}</dt>
            <dd>{pick(item?.name) || slot.itemCode}</dd>
            {needsPrereview && !moving && (
              <>
                <dt>{ta('book.confirm.application')}</dt>
                <dd data-testid="book-confirm-application">
                  {chosenApplication ? (
                    chosenApplication.number
                  ) : (
                    <a href="#book-application">{ta('book.confirm.chooseApplication')}</a>
                  )}
                </dd>
              </>
            )}
          </dl>
          <IdentityStepUpNotice />
          <Button onClick={() => void book()} disabled={busy} data-testid="book-submit">
            {busy ? ta('book.confirm.busy') : ta(moving ? 'book.confirm.move' : 'book.confirm.submit')}
          </Button>
        </section>
      )}
    </>
  );
}
