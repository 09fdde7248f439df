import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ReviewsQueue } from '../features/reviews/ReviewsQueue';

export default function OfficerReviewsRoute() {
  return <IdentityRequireSignIn>{() => <ReviewsQueue />}</IdentityRequireSignIn>;
}
