import { PageHeading } from '../components/PageHeading';
import { AppointmentsDay } from '../features/appointments/AppointmentsDay';
import { ta } from '../features/appointments/appointmentsMessages';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';

export default function OfficerAppointmentsRoute() {
  return (
    <section class="page page--wide">
      <PageHeading title={ta('day.title')}>{ta('day.title')}</PageHeading>
      <IdentityRequireSignIn>{() => <AppointmentsDay />}</IdentityRequireSignIn>
    </section>
  );
}
