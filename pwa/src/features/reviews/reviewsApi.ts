// The queue is the officer's only view of a review; the review screen reads its task from it.
import { request } from '../../graphql/client';
import { ReviewsDictionaryDocument, ReviewsQueueDocument, type ReviewsDictionaryQuery, type ReviewsTaskFragment } from '../../graphql/generated/graphql';
import { getRecord, putRecord } from '../../offline/idb';
import { STORES } from '../../offline/keys';

const QUEUE_KEY = 'officer.reviewQueue';
const DICTIONARY_KEY = 'officer.reviewDictionary';

export async function loadQueue(): Promise<{ tasks: ReviewsTaskFragment[]; offline: boolean }> {
  try {
    const tasks = [...(await request(ReviewsQueueDocument, {})).reviewQueue].sort((a, b) =>
      String(a.application.dueDate) === String(b.application.dueDate) ? a.application.daysLeft - b.application.daysLeft : String(a.application.dueDate).localeCompare(String(b.application.dueDate)),
    );
    await putRecord(STORES.cache, { key: QUEUE_KEY, value: tasks, storedAt: Date.now() }).catch(() => undefined);
    return { tasks, offline: false };
  } catch (error) {
    const cached = await getRecord(STORES.cache, QUEUE_KEY).catch(() => undefined);
    if (!cached) throw error;
    return { tasks: cached.value as ReviewsTaskFragment[], offline: true };
  }
}

export async function loadDictionary(): Promise<ReviewsDictionaryQuery | null> {
  try {
    const data = await request(ReviewsDictionaryDocument, {});
    await putRecord(STORES.cache, { key: DICTIONARY_KEY, value: data, storedAt: Date.now() }).catch(() => undefined);
    return data;
  } catch {
    return ((await getRecord(STORES.cache, DICTIONARY_KEY).catch(() => undefined))?.value as ReviewsDictionaryQuery | undefined) ?? null;
  }
}
