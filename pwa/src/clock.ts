// The PWA's one clock and its time-zone arithmetic. Everything that asks "what time is it" or
// "which day is it" comes here, so tests move one clock (vi.setSystemTime, Playwright's
// clock) and dates are computed in the zone they belong to, not the phone's: a crossing at a
// Chinese port and a booking at a Chinese site happen in China Standard Time even when the
// phone is in London.

/** The service's time zone: ports, sites, working days and lead times are counted in it. */
export const SERVICE_TIME_ZONE = 'Asia/Shanghai';

export function now(): Date {
  return new Date();
}

/** YYYY-MM-DD of `at` on the calendar of `timeZone` (the phone's own zone when undefined). */
export function dateIn(timeZone: string | undefined, at: Date = now()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** Milliseconds `timeZone` is ahead of UTC at the instant `at`. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant at which the wall clock of `timeZone` reads `date` (YYYY-MM-DD) and `time`
 * (HH:MM); null when either is incomplete or not a real date.
 */
export function zonedInstant(date: string, time: string, timeZone: string = SERVICE_TIME_ZONE): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  try {
    // Two passes settle the offset across a daylight-saving change.
    let instant = wall - offsetAt(wall, timeZone);
    instant = wall - offsetAt(instant, timeZone);
    return new Date(instant);
  } catch {
    return null;
  }
}
