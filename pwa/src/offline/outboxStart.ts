// Wires the outbox at app start (loaded after the first screen): the handlers of each feature,
// and the three moments it is sent — now, on `online`, and on the worker's Background Sync.
import { sendCheckIn, OUTBOX_CHECK_IN } from '../features/appointments/appointmentsOutbox';
import { sendAmend, sendSubmit, OUTBOX_AMEND, OUTBOX_SUBMIT } from '../features/declarations/declarationsOutbox';
import { sendOutcome, OUTBOX_OUTCOME } from '../features/officer/officerOutbox';
import { onOutboxSyncRequested, requestOutboxSync } from '../sw-bridge';
import { flushOutbox, outboxRecords, registerOutboxHandler } from './outbox';

let started = false;

export function startOutbox(): void {
  if (started) return;
  started = true;
  registerOutboxHandler(OUTBOX_SUBMIT, sendSubmit);
  registerOutboxHandler(OUTBOX_AMEND, sendAmend);
  registerOutboxHandler(OUTBOX_OUTCOME, sendOutcome);
  registerOutboxHandler(OUTBOX_CHECK_IN, sendCheckIn);
  const flush = () => {
    void flushOutbox().then(async () => {
      // Whatever is still waiting (offline, server down) gets a Background Sync.
      if ((await outboxRecords()).some((r) => r.state === 'pending' || r.state === undefined)) void requestOutboxSync();
    });
  };
  addEventListener('online', flush);
  onOutboxSyncRequested(flush);
  flush();
}

/** Queue-then-send for screens: after enqueueing, try at once; if that fails, a sync is registered. */
export function sendSoon(): void {
  startOutbox();
  void flushOutbox().then(async () => {
    if ((await outboxRecords()).some((r) => (r.state ?? 'pending') === 'pending')) void requestOutboxSync();
  });
}
