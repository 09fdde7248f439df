// Whether the service can be reached, as one signal every screen reads (so nothing says
// "offline" once it is back, or the other way round), and what the outbox sent on the way back.
//
// navigator.onLine alone is not enough: it stays true on a network that goes nowhere, and while
// the server is down. So every GraphQL request reports whether it reached the server, and while
// it cannot, a cheap probe of /healthz (never cached by the service worker) notices its return.
import { signal } from '@preact/signals';

export const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

/** How many waiting records the outbox sent since the network came back (null: nothing to tell). */
export const sentOnReturn = signal<number | null>(null);

const FIRST_PROBE_MS = 2_000;
const LONGEST_PROBE_MS = 10_000;
let probeTimer: ReturnType<typeof setTimeout> | null = null;
let probeDelay = FIRST_PROBE_MS;

/** A request reached the server (true) or could not (false). */
export function reachable(ok: boolean): void {
  if (ok) {
    online.value = true;
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = null;
    probeDelay = FIRST_PROBE_MS;
    return;
  }
  if (online.value) sentOnReturn.value = null;
  online.value = false;
  probeSoon();
}

function probeSoon(delay = probeDelay): void {
  if (probeTimer || typeof fetch !== 'function') return;
  probeTimer = setTimeout(() => {
    probeTimer = null;
    fetch('/healthz', { cache: 'no-store' })
      .then((response) => {
        if (response.ok) reachable(true);
        else throw new Error(String(response.status));
      })
      .catch(() => {
        probeDelay = Math.min(probeDelay * 2, LONGEST_PROBE_MS);
        probeSoon();
      });
  }, delay);
}

if (typeof addEventListener === 'function') {
  addEventListener('online', () => {
    // the device says so: check the server answers, at once
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = null;
    probeDelay = FIRST_PROBE_MS;
    probeSoon(0);
  });
  addEventListener('offline', () => reachable(false));
  if (!online.value) probeSoon();
}

/** The outbox reports what one pass sent; what is sent while back online is added up. */
export function reportSent(count: number): void {
  if (!online.value || count <= 0) return;
  sentOnReturn.value = (sentOnReturn.value ?? 0) + count;
}
