import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewsTaskFragment } from '../../graphql/generated/graphql';
import { setLocale } from '../../i18n';
import { dueText } from './ReviewsQueue';

const task = (daysLeft: number) => ({ application: { daysLeft } }) as unknown as ReviewsTaskFragment;

describe('dueText', () => {
  afterEach(async () => {
    await setLocale('en');
    localStorage.clear();
  });

  it('says one working day in the singular, and more in the plural', async () => {
    await setLocale('en');
    expect([2, 1, 0, -1, -3].map((n) => dueText(task(n)))).toEqual([
      '2 working days left',
      '1 working day left',
      expect.any(String),
      'Overdue by 1 working day',
      'Overdue by 3 working days',
    ]);
  });
});
