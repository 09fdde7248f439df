import { useRoute } from 'preact-iso';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ServicesApplication } from '../features/services/ServicesApplication';

export default function ApplicationRoute() {
  const { params } = useRoute();
  const id = params.id ?? '';
  return <IdentityRequireSignIn>{() => <ServicesApplication key={id + location.search} id={id} />}</IdentityRequireSignIn>;
}
