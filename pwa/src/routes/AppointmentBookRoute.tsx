import { useLocation } from 'preact-iso';
import { PageHeading } from '../components/PageHeading';
import { AppointmentsBook } from '../features/appointments/AppointmentsBook';
import { ta } from '../features/appointments/appointmentsMessages';
import { IdentityRequireSignIn } from '../features/identity/IdentityRequireSignIn';

export default function AppointmentBookRoute() {
  const { query } = useLocation();
  const rescheduleId = query.reschedule ?? '';
  const title = ta(rescheduleId ? 'book.rescheduleTitle' : 'book.title');
  return (
    <section class="page">
      <PageHeading title={title}>{title}</PageHeading>
      <IdentityRequireSignIn>{() => <AppointmentsBook itemCode={query.item ?? ''} rescheduleId={rescheduleId} />}</IdentityRequireSignIn>
    </section>
  );
}
