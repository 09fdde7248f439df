// The window clerk's tablet: a site's day (bookings per window and time), check-in by the
// booking QR (camera or a picture, decoded like the verify screen) or by number — queued in the
// outbox with an idempotency key, so it works offline and a resend is harmless — the queue
// number, "call next" for a window, and served / no-show.
import { FileButton } from '../../components/FileButton';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Select } from '../../components/Select';
import { client, request } from '../../graphql/client';
import {
  AppointmentsCallNextDocument,
  AppointmentsOfficerSitesDocument,
  AppointmentsOutcomeDocument,
  AppointmentsSiteDayDocument,
  type AppointmentsDayBookingFragment,
  type AppointmentsSiteDayQuery,
  type AppointmentsSiteFragment,
  type BookingOutcome,
} from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { CACHE_KEYS } from '../../offline/keys';
import { enqueue, outboxRecords, outboxRevision } from '../../offline/outbox';
import { describeError } from '../identity/identityErrors';
import { me } from '../identity/identitySession';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { FairVerifyAtWindow } from '../fairness/FairVerifyAtWindow';
import { useQrCamera } from '../officer/useQrCamera';
import { ta, taMaybe } from './appointmentsMessages';
import { newKey, siteDate, siteTime } from './appointmentsModel';
import { OUTBOX_CHECK_IN, type CheckInResult, type CheckInVariables } from './appointmentsOutbox';
import { cacheGet, cachePut, pick, type CheckInEntry } from './appointmentsStore';
import './appointments.css';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
type Day = NonNullable<AppointmentsSiteDayQuery['siteDay']>;

export function AppointmentsDay() {
  const [sites, setSites] = useState<AppointmentsSiteFragment[] | null>(null);
  const [itemNames, setItemNames] = useState<Map<string, Parameters<typeof pick>[0]>>(new Map());
  const itemName = (code: string) => (itemNames.has(code) ? pick(itemNames.get(code)) : code);
  const [siteId, setSiteId] = useState('');
  const [date, setDate] = useState('');
  const [day, setDay] = useState<Day | null | undefined>(undefined);
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [called, setCalled] = useState<{ window: number; booking: AppointmentsDayBookingFragment } | null>(null);
  const [log, setLog] = useState<CheckInEntry[]>([]);
  const [queued, setQueued] = useState<Set<string>>(new Set());
  const { video, canvas, scanning, start: startCamera, stop: stopCamera, pickImage } = useQrCamera((text) => checkIn({ credential: text.trim() }), (p) =>
    setProblem(p === null ? null : p === 'cameraUnavailable' ? ta('day.camera.unavailable') : ta('day.image.noCode')),
  );

  const site = sites?.find((s) => s.id === siteId);

  useEffect(() => {
    request(AppointmentsOfficerSitesDocument)
      .then((data) => {
        // An officer works at the site their unit names: the server refuses the others.
        const unit = me.value?.officer?.unit;
        const own = data.appointmentSites.filter((s) => s.code === unit);
        setItemNames(new Map(data.serviceItems.nodes.map((n) => [n.code, n.name])));
        setSites(own);
        if (!own.length) setProblem(ta('day.noSite', { unit: unit ?? '-' }));
        const first = own[0];
        if (first) {
          setSiteId((current) => current || first.id);
          setDate((current) => current || siteDate(first.timezone));
        }
      })
      .catch((error) => setProblem(describeError(error)));
    void cacheGet<CheckInEntry[]>(CACHE_KEYS.checkInLog).then((l) => setLog(l ?? []));
    void import('../../offline/outboxStart').then((m) => m.startOutbox());
  }, []);

  // The site and day on screen now: an answer for another one (asked before the clerk changed
  // the date or site, and slower) is dropped, so one day's people never show under another day.
  const shown = useRef('');
  shown.current = `${siteId}|${date}`;
  const loadDay = async () => {
    if (!siteId || !date) return;
    const asked = `${siteId}|${date}`;
    try {
      const data = await secure(AppointmentsSiteDayDocument, { siteId, date });
      if (shown.current === asked) setDay(data.siteDay);
    } catch (error) {
      if (shown.current !== asked) return;
      setProblem(describeError(error));
      setDay((d) => d ?? null);
    }
  };

  useEffect(() => {
    setDay(undefined); // "loading", not the last day's people under the new date
    void loadDay();
  }, [siteId, date]);

  // A check-in sent from the outbox: show its queue number (or why it was refused), refresh the day.
  useEffect(() => {
    let alive = true;
    void (async () => {
      const waiting = await outboxRecords(OUTBOX_CHECK_IN);
      if (!alive) return;
      const refusedById = new Map(waiting.filter((r) => r.state === 'refused').map((r) => [r.id, r.result as CheckInResult | undefined]));
      setQueued(new Set(waiting.filter((r) => r.state !== 'refused').map((r) => r.id)));
      const current = (await cacheGet<CheckInEntry[]>(CACHE_KEYS.checkInLog)) ?? [];
      let changed = false;
      const next = await Promise.all(
        current.map(async (entry) => {
          if (entry.queueNumber != null || entry.refused) return entry;
          const answer = refusedById.get(entry.key) ?? (await cacheGet<CheckInResult>(CACHE_KEYS.checkIn(entry.key)));
          if (!answer) return entry;
          changed = true;
          if (answer.__typename === 'CheckInSuccess') {
            return { ...entry, queueNumber: answer.queueNumber, personName: answer.booking.personName, label: answer.booking.number };
          }
          return { ...entry, refused: answer.message || answer.__typename };
        }),
      );
      if (!alive) return;
      setLog(next);
      if (changed) {
        await cachePut(CACHE_KEYS.checkInLog, next);
        void loadDay();
      }
    })();
    return () => {
      alive = false;
    };
  }, [outboxRevision.value]);

  const checkIn = async (input: { credential?: string; number?: string }) => {
    setProblem(null);
    const key = newKey();
    const variables: CheckInVariables = {
      idempotencyKey: key,
      credential: input.credential ?? null,
      number: input.number ?? null,
    };
    const entry: CheckInEntry = { key, label: input.number ?? ta('day.checkIn.byQr'), at: Date.now() };
    const next = [entry, ...log].slice(0, 50);
    setLog(next);
    await cachePut(CACHE_KEYS.checkInLog, next);
    await enqueue(OUTBOX_CHECK_IN, key, variables);
    const { sendSoon } = await import('../../offline/outboxStart');
    sendSoon();
  };

  const byNumber = (event: Event) => {
    event.preventDefault();
    const value = number.trim().toUpperCase();
    if (!value) return setErrors([{ fieldId: 'day-number', message: ta('day.checkIn.numberRequired') }]);
    setErrors([]);
    setNumber('');
    void checkIn({ number: value });
  };

  const callNext = async (windowNumber: number) => {
    setProblem(null);
    try {
      const result = (await secure(AppointmentsCallNextDocument, { siteId, windowNumber })).queueCallNext;
      if (result.__typename === 'QueueCalled') setCalled({ window: result.windowNumber, booking: result.booking });
      else setProblem(result.message);
      await loadDay();
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  const outcome = async (booking: AppointmentsDayBookingFragment, kind: BookingOutcome) => {
    setProblem(null);
    try {
      const result = (await secure(AppointmentsOutcomeDocument, { bookingId: booking.id, outcome: kind })).bookingOutcomeRecord;
      if (result.__typename !== 'BookingOutcomeRecorded') setProblem(result.message);
      else if (called?.booking.id === booking.id) setCalled(null);
      await loadDay();
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  const byWindow = useMemo(() => {
    const groups = new Map<number, AppointmentsDayBookingFragment[]>();
    for (const b of day?.bookings ?? []) {
      if (b.windowNumber == null) continue;
      groups.set(b.windowNumber, [...(groups.get(b.windowNumber) ?? []), b]);
    }
    return groups;
  }, [day]);
  const tz = site?.timezone;
  const time = (value: string) => siteTime(value, tz, locale.value, { hour: '2-digit', minute: '2-digit' });

  return (
    <div class="two-pane appointments-day">
      <div>
        <ErrorSummary errors={errors} />
        <div class="appointments-day__pickers">
          {sites && (
            <Select id="day-site" label={ta('day.site')} value={siteId} options={sites.map((s) => ({ value: s.id, label: pick(s.name) }))} onChange={setSiteId} />
          )}
          <Field id="day-date" type="date" label={ta('day.date')} value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </div>

        <h2>{ta('day.checkIn.heading')}</h2>
        <div class="button-row">
          {scanning ? (
            <Button variant="secondary" onClick={stopCamera}>
              {ta('day.camera.stop')}
            </Button>
          ) : (
            <Button onClick={() => void startCamera()}>{ta('day.camera.start')}</Button>
          )}
        </div>
        <video ref={video} class="scanner" hidden={!scanning} muted playsInline aria-label={ta('day.camera.label')} />
        <canvas ref={canvas} hidden />
        <div class="field">
          <p class="field__label" id="day-image-label">
            {ta('day.image.label')}
          </p>
          <p class="field__hint" id="day-image-hint">
            {ta('day.image.hint')}
          </p>
          <FileButton id="day-image" label={ta('day.image.button')} accept="image/*" describedBy="day-image-label day-image-hint" onPick={(input) => void pickImage(input)} />
        </div>
        <form onSubmit={byNumber} class="subform" noValidate>
          <Field
            id="day-number"
            label={ta('day.checkIn.number')}
            hint={ta('day.checkIn.numberHint')}
            error={errors.find((e) => e.fieldId === 'day-number')?.message}
            value={number}
            autocapitalize="characters"
            spellcheck={false}
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
          <Button type="submit">{ta('day.checkIn.submit')}</Button>
        </form>

        <div aria-live="polite">
          {problem && (
            <Notice kind="error" title={ta('book.problem.title')} live="alert">
              <p data-testid="day-problem">{problem}</p>
            </Notice>
          )}
        </div>
        <IdentityStepUpNotice />

        {log.length > 0 && (
          <section aria-labelledby="day-log-heading">
            <h2 id="day-log-heading">{ta('day.log.heading')}</h2>
            <ul class="card-list">
              {log.slice(0, 10).map((entry) => (
                <li class="card-list__item" key={entry.key} data-testid="checkin-log-item">
                  <p class="card-list__title">
                    <span class="appointments-code">{entry.label}</span>
                    {entry.personName && <span>{entry.personName}</span>}
                    <span class="tag" data-testid="checkin-state">
                      {entry.refused
                        ? ta('day.log.refused')
                        : entry.queueNumber != null
                          ? ta('day.log.queue', { n: entry.queueNumber })
                          : queued.has(entry.key)
                            ? ta('day.log.queued')
                            : ta('day.log.sending')}
                    </span>
                  </p>
                  {entry.queueNumber != null && (
                    <p class="appointments-queue-number" data-testid="checkin-queue">
                      {entry.queueNumber}
                    </p>
                  )}
                  {entry.refused && <p class="field__error">{entry.refused}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>

      <div>
        <h2>{ta('day.windows')}</h2>
        {day === undefined && <p role="status">{ta('loading')}</p>}
        {day === null && <p>{ta('day.none')}</p>}
        {called && (
          <div role="status">
            <Notice kind="success" title={ta('day.called', { window: called.window, queue: called.booking.queueNumber ?? '' })}>
              <p data-testid="day-called">
                {called.booking.personName} · {called.booking.number}
              </p>
              <FairVerifyAtWindow key={called.booking.id} booking={called.booking} />
            </Notice>
          </div>
        )}
        {day && (
          <ul class="appointments-windows">
            {day.windows
              .filter((w) => w.active)
              .map((w) => {
                const current = (byWindow.get(w.number) ?? []).find((b) => b.status === 'CALLED');
                return (
                  <li class="appointments-window" key={w.number} data-testid="day-window" data-window={w.number}>
                    <p class="card-list__title">{ta('day.window', { n: w.number })}</p>
                    <p class="field__hint">{w.itemCodes.map(itemName).join(' · ')}</p>
                    {current && (
                      <p>
                        {ta('day.serving', { queue: current.queueNumber ?? '', name: current.personName })}
                      </p>
                    )}
                    <Button variant="secondary" onClick={() => void callNext(w.number)} data-testid="call-next">
                      {ta('day.callNext')}
                    </Button>
                  </li>
                );
              })}
          </ul>
        )}
        {day && (
          <section>
            {/* the scrolling table below is the landmark this heading names (one, not two) */}
            <h2 id="day-bookings-heading">{ta('day.bookings', { n: day.bookings.length })}</h2>
            <div class="appointments-table-wrap" tabIndex={0} role="region" aria-labelledby="day-bookings-heading">
              <table class="appointments-table">
                <thead>
                  <tr>
                    <th scope="col">{ta('day.col.time')}</th>
                    <th scope="col">{ta('day.col.who')}</th>
                    <th scope="col">{ta('day.col.what')}</th>
                    <th scope="col">{ta('day.col.status')}</th>
                    <th scope="col">{ta('day.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {day.bookings.map((b) => (
                    <tr key={b.id} data-testid="day-booking" data-number={b.number} data-status={b.status}>
                      <td>{time(b.startsAt)}</td>
                      <td>
                        {b.personName}
                        <br />
                        <span class="appointments-code">{b.number}</span>
                      </td>
                      <td>
                        {itemName(b.itemCode)}
                        {b.applicationNumber && (
                          <>
                            <br />
                            <span class="field__hint">{ta('day.application', { number: b.applicationNumber })}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {taMaybe(`status.${b.status}`) ?? b.status}
                        {b.queueNumber != null && <> · {ta('day.queueShort', { n: b.queueNumber })}</>}
                        {b.windowNumber != null && <> · {ta('day.window', { n: b.windowNumber })}</>}
                        {b.lateMinutes != null && (
                          <>
                            <br />
                            {ta('late.minutes', { n: b.lateMinutes })}
                          </>
                        )}
                      </td>
                      <td>
                        {(b.status === 'CALLED' || b.status === 'CHECKED_IN') && (
                          <Button variant="secondary" onClick={() => void outcome(b, 'SERVED')}>
                            {ta('day.served')}
                          </Button>
                        )}
                        {b.status === 'CONFIRMED' && (
                          <Button variant="link" onClick={() => void outcome(b, 'NO_SHOW')}>
                            {ta('day.noShow')}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
