// Sending a check-in made on an officer's tablet, possibly offline, from the outbox. The
// idempotency key makes a resend return the first answer (the same queue number).
import { client } from '../../graphql/client';
import {
  AppointmentsCheckInDocument,
  type AppointmentsCheckInMutation,
  type AppointmentsCheckInMutationVariables,
} from '../../graphql/generated/graphql';
import type { OutboxRecord } from '../../offline/idb';
import { CACHE_KEYS } from '../../offline/keys';
import type { OutboxResult } from '../../offline/outbox';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { cachePut } from './appointmentsStore';

export const OUTBOX_CHECK_IN = 'bookingCheckIn';
export type CheckInVariables = AppointmentsCheckInMutationVariables;
export type CheckInResult = AppointmentsCheckInMutation['bookingCheckIn'];

export async function sendCheckIn(record: OutboxRecord, interactive: boolean): Promise<OutboxResult> {
  const variables = record.variables as CheckInVariables;
  const data = interactive
    ? await createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) })(AppointmentsCheckInDocument, variables)
    : await client.request(AppointmentsCheckInDocument, variables);
  const result = data.bookingCheckIn;
  await cachePut(CACHE_KEYS.checkIn(record.id), result);
  return result.__typename === 'CheckInSuccess' ? { kind: 'sent', result } : { kind: 'refused', result };
}
