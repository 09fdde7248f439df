import { BeingBuilt } from '../components/BeingBuilt';
import { t } from '../i18n';

export default function AppointmentsRoute() {
  return <BeingBuilt title={t('appointments.title')} />;
}
