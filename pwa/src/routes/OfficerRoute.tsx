import { BeingBuilt } from '../components/BeingBuilt';
import { t } from '../i18n';

export default function OfficerRoute() {
  return <BeingBuilt title={t('officer.title')} />;
}
