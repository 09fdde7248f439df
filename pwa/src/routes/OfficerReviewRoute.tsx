import { useRoute } from 'preact-iso';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ReviewsReview } from '../features/reviews/ReviewsReview';

export default function OfficerReviewRoute() {
  const { params } = useRoute();
  return <IdentityRequireSignIn>{() => <ReviewsReview reviewId={params.id ?? ''} />}</IdentityRequireSignIn>;
}
