// The outbox: submissions made offline (or whose send failed) wait here with their idempotency
// key until they are sent. Sent on `online`, at app start and on the service worker's Background
// Sync (through sw-bridge). The server deduplicates by key, so a resend never makes a second record.
import { signal } from '@preact/signals';
import { GraphQLResponseError, NetworkError, HttpError } from '../graphql/client';
import { deleteRecord, listRecords, putRecord, type OutboxRecord } from './idb';
import { STORES } from './keys';

/** What a handler did with one record. */
export type OutboxResult =
  | { kind: 'sent'; result: unknown }
  /** The server refused it for good (validation, conflict): keep it for the person to fix. */
  | { kind: 'refused'; result: unknown };

/** Sends one record; throws NetworkError/HttpError/GraphQLResponseError to mean "try again later". */
export type OutboxHandler = (record: OutboxRecord, interactive: boolean) => Promise<OutboxResult>;

const handlers = new Map<string, OutboxHandler>();

export function registerOutboxHandler(operation: string, handler: OutboxHandler): void {
  handlers.set(operation, handler);
}

/** Bumped whenever the outbox changes: screens that show "queued / sent" re-read on it. */
export const outboxRevision = signal(0);

export async function enqueue(operation: string, idempotencyKey: string, variables: unknown): Promise<OutboxRecord> {
  const record: OutboxRecord = {
    id: idempotencyKey,
    operation,
    variables,
    createdAt: Date.now(),
    attempts: 0,
    state: 'pending',
  };
  await putRecord(STORES.outbox, record);
  outboxRevision.value++;
  return record;
}

export async function outboxRecords(operation?: string): Promise<OutboxRecord[]> {
  const all = await listRecords(STORES.outbox);
  return all
    .filter((r) => operation === undefined || r.operation === operation)
    .sort((a, b) => a.createdAt - b.createdAt);
}

export async function removeFromOutbox(id: string): Promise<void> {
  await deleteRecord(STORES.outbox, id);
  outboxRevision.value++;
}

let flushing: Promise<number> | null = null;
let again: Promise<number> | null = null;
let againInteractive = false;

/**
 * Try to send everything waiting. `interactive` (the person pressed a button) lets a handler ask
 * for a passkey step-up; automatic sends only mark the record as needing the person.
 * Resolves to the number of records sent.
 *
 * A call while a pass is running never joins it: that pass may already have given up (its send
 * failed offline a moment before `online` fired), so one more pass follows it, shared by every
 * call made meanwhile.
 */
export function flushOutbox({ interactive = false }: { interactive?: boolean } = {}): Promise<number> {
  if (!flushing) {
    flushing = run(interactive).finally(() => {
      flushing = null;
    });
    return flushing;
  }
  againInteractive ||= interactive;
  const next = () => {
    again = null;
    const wasInteractive = againInteractive;
    againInteractive = false;
    return flushOutbox({ interactive: wasInteractive });
  };
  again ??= flushing.then(next, next);
  return again;
}

async function run(interactive: boolean): Promise<number> {
  let sent = 0;
  for (const record of await outboxRecords()) {
    if (record.state === 'refused') continue;
    const handler = handlers.get(record.operation);
    if (!handler) continue;
    try {
      const outcome = await handler(record, interactive);
      if (outcome.kind === 'sent') {
        await deleteRecord(STORES.outbox, record.id);
        sent++;
      } else {
        await putRecord(STORES.outbox, { ...record, state: 'refused', result: outcome.result, attempts: record.attempts + 1 });
      }
    } catch (error) {
      const state = authStateOf(error);
      if (state === 'pending' && error instanceof GraphQLResponseError && !error.hasCode('INTERNAL')) {
        // The server understood and refused the request itself: retrying will not help.
        await putRecord(STORES.outbox, { ...record, state: 'refused', result: { __typename: 'RequestError', message: error.message }, attempts: record.attempts + 1 });
        continue;
      }
      await putRecord(STORES.outbox, { ...record, state, attempts: record.attempts + 1, lastTriedAt: Date.now() });
      if (error instanceof NetworkError) break; // offline or server down: the rest will fail too
    } finally {
      outboxRevision.value++;
    }
  }
  return sent;
}

function authStateOf(error: unknown): NonNullable<OutboxRecord['state']> {
  if (error instanceof GraphQLResponseError) {
    if (error.hasCode('UNAUTHENTICATED')) return 'signIn';
    if (error.hasCode('FORBIDDEN')) return 'signIn'; // signed in, but not as someone who may send it
    if (error.hasCode('STEP_UP_REQUIRED')) return 'stepUp';
    return 'pending';
  }
  if (error instanceof NetworkError || error instanceof HttpError) return 'pending';
  return 'pending';
}

/** A refused record the person has corrected is tried again. */
export async function retryRecord(record: OutboxRecord, variables: unknown): Promise<void> {
  await putRecord(STORES.outbox, { ...record, variables, state: 'pending' });
  outboxRevision.value++;
}
