// The reviewer's line about an application's fee: due, paid or not owed (the receipt the
// applicant shows is a signed credential the officer tablet checks offline, like a duty receipt).
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { PaymentOfApplicationFeeForReviewDocument, type PaymentOfApplicationFeeForReviewQuery } from '../../graphql/generated/graphql';
import { money } from './money';
import { tp, type PaymentsKey } from './paymentsMessages';

type Fee = NonNullable<PaymentOfApplicationFeeForReviewQuery['applicationFeePaymentForReview']>;

export function ApplicationFeeForReview({ applicationId }: { applicationId: string }) {
  const [fee, setFee] = useState<Fee | null>(null);
  useEffect(() => {
    // Another application: nothing is shown until its own fee is known (never the last one's).
    let current = true;
    setFee(null);
    request(PaymentOfApplicationFeeForReviewDocument, { applicationId })
      .then((data) => current && setFee(data.applicationFeePaymentForReview ?? null))
      .catch(() => current && setFee(null));
    return () => {
      current = false;
    };
  }, [applicationId]);
  if (!fee || fee.state === 'NO_FEE') return null;
  const amount = fee.state === 'PAID' ? fee.paidFen : fee.dueFen;
  return (
    <p class="reviews-task__meta" data-testid="review-fee" data-state={fee.state}>
      <span>
        {tp('fee.review.label')}: {tp(`fee.state.${fee.state}` as PaymentsKey, { amount: money(amount) })}
        {fee.receiptOrder && ` · ${fee.receiptOrder}`}
      </span>
    </p>
  );
}
