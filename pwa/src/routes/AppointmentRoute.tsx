import { useRoute } from 'preact-iso';
import { PageHeading } from '../components/PageHeading';
import { AppointmentsBooking } from '../features/appointments/AppointmentsBooking';
import { ta } from '../features/appointments/appointmentsMessages';

// No sign-in gate: the booking (and its QR) must open from this device's copy when offline.
export default function AppointmentRoute() {
  const { params } = useRoute();
  return (
    <section class="page">
      <PageHeading title={ta('booking.title')}>{ta('booking.title')}</PageHeading>
      <AppointmentsBooking id={params.id ?? ''} />
    </section>
  );
}
