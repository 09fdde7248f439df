// Sending an inspection outcome recorded at the channel, possibly offline, from the outbox.
import { client } from '../../graphql/client';
import {
  DeclarationOutcomeRecordDocument,
  type DeclarationOutcomeRecordMutationVariables,
} from '../../graphql/generated/graphql';
import { putRecord, type OutboxRecord } from '../../offline/idb';
import { CACHE_KEYS, STORES } from '../../offline/keys';
import type { OutboxResult } from '../../offline/outbox';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';

export const OUTBOX_OUTCOME = 'inspectionOutcomeRecord';
export type OutcomeVariables = DeclarationOutcomeRecordMutationVariables;

export async function sendOutcome(record: OutboxRecord, interactive: boolean): Promise<OutboxResult> {
  const variables = record.variables as OutcomeVariables;
  const data = interactive
    ? await createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) })(DeclarationOutcomeRecordDocument, variables)
    : await client.request(DeclarationOutcomeRecordDocument, variables);
  const result = data.inspectionOutcomeRecord;
  if (result.__typename === 'OutcomeRecorded') {
    await putRecord(STORES.cache, { key: CACHE_KEYS.outcome(record.id), value: result, storedAt: Date.now() });
    return { kind: 'sent', result };
  }
  return { kind: 'refused', result };
}
