import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';
import { ServicesApplicationList } from '../features/services/ServicesApplication';

export default function ApplicationsRoute() {
  return <IdentityRequireSignIn>{() => <ServicesApplicationList />}</IdentityRequireSignIn>;
}
