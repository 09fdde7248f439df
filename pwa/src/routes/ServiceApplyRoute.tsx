import { useRoute } from 'preact-iso';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ServicesApply } from '../features/services/ServicesApply';

export default function ServiceApplyRoute() {
  const { params } = useRoute();
  return <IdentityRequireSignIn>{() => <ServicesApply code={params.code ?? ''} />}</IdentityRequireSignIn>;
}
