// Wires the outbox at app start (loaded after the first screen): the handlers of each feature,
// and the moments it is sent — now, on `online`, on the worker's Background Sync, and on a retry
// timer while something still waits (a server that was down fires no `online` event, and
// Background Sync is Chromium-only and may be deferred for minutes).
import { sendCheckIn, OUTBOX_CHECK_IN } from '../features/appointments/appointmentsOutbox';
import { sendAmend, sendSubmit, OUTBOX_AMEND, OUTBOX_SUBMIT } from '../features/declarations/declarationsOutbox';
import { sendOutcome, OUTBOX_OUTCOME } from '../features/officer/officerOutbox';
import { onOutboxSyncRequested, requestOutboxSync } from '../sw-bridge';
import { reportSent } from './network';
import { flushOutbox, outboxRecords, registerOutboxHandler } from './outbox';
import { RetrySchedule } from './retry';

let started = false;
const retry = new RetrySchedule(() => flush());

function flush(): Promise<void> {
  return flushOutbox().then((sent) => {
    reportSent(sent);
    return afterFlush();
  }, afterFlush);
}

async function afterFlush(): Promise<void> {
  const waiting = (await outboxRecords()).some((r) => (r.state ?? 'pending') === 'pending');
  if (!waiting) {
    retry.reset();
    return;
  }
  // Whatever is still waiting (offline, server down) gets a Background Sync and a timed retry.
  void requestOutboxSync();
  retry.schedule();
}

export function startOutbox(): void {
  if (started) return;
  started = true;
  registerOutboxHandler(OUTBOX_SUBMIT, sendSubmit);
  registerOutboxHandler(OUTBOX_AMEND, sendAmend);
  registerOutboxHandler(OUTBOX_OUTCOME, sendOutcome);
  registerOutboxHandler(OUTBOX_CHECK_IN, sendCheckIn);
  addEventListener('online', () => {
    retry.reset();
    void flush();
  });
  onOutboxSyncRequested(() => void flush());
  void flush();
}

/** Queue-then-send for screens: after enqueueing, try at once; if that fails, it is retried. */
export function sendSoon(): void {
  startOutbox();
  void flush();
}
