import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERVICE_TIME_ZONE, dateIn, zonedInstant } from './clock';
import { formatDate, formatDateTime } from './i18n/format';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the service clock', () => {
  it('turns a wall time at a Chinese port into the instant, whatever the phone zone', () => {
    vi.stubEnv('TZ', 'Europe/London');
    // 14:30 in Shanghai (UTC+8, no daylight saving) is 06:30 UTC
    expect(zonedInstant('2026-10-25', '14:30', SERVICE_TIME_ZONE)?.toISOString()).toBe('2026-10-25T06:30:00.000Z');
  });

  it('settles the offset across a daylight-saving change', () => {
    // London: 00:30 on 25 Oct 2026 is still BST (UTC+1); 02:30 is GMT (UTC+0)
    expect(zonedInstant('2026-10-25', '00:30', 'Europe/London')?.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/London')?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses dates that do not exist and incomplete input', () => {
    expect(zonedInstant('2026-02-30', '10:00')).toBeNull();
    expect(zonedInstant('2026-06-10', '')).toBeNull();
    expect(zonedInstant('2026-6-1', '10:00')).toBeNull();
    expect(zonedInstant('2026-06-10', '24:00')).toBeNull();
  });

  it('names the service day, which is ahead of UTC in the morning', () => {
    // 23:30 UTC on 10 June is 07:30 on 11 June in Shanghai
    expect(dateIn(SERVICE_TIME_ZONE, new Date('2026-06-10T23:30:00Z'))).toBe('2026-06-11');
    expect(dateIn('UTC', new Date('2026-06-10T23:30:00Z'))).toBe('2026-06-10');
  });
});

describe('dates shown to people', () => {
  it('shows a calendar day as that day in a zone behind UTC', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    expect(formatDate('2026-06-10', { dateStyle: 'long' }, 'en')).toBe('June 10, 2026');
  });

  it('shows a crossing on the port clock when asked', () => {
    vi.stubEnv('TZ', 'Europe/London');
    expect(formatDateTime('2026-10-25T06:30:00Z', 'en', SERVICE_TIME_ZONE)).toContain('2:30');
  });
});
