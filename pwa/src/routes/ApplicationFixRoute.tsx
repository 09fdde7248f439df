import { useRoute } from 'preact-iso';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ServicesApply } from '../features/services/ServicesApply';

export default function ApplicationFixRoute() {
  const { params } = useRoute();
  return <IdentityRequireSignIn>{() => <ServicesApply applicationId={params.id ?? ''} />}</IdentityRequireSignIn>;
}
