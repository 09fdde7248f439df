import { BeingBuilt } from '../components/BeingBuilt';
import { t } from '../i18n';

export default function ServicesRoute() {
  return <BeingBuilt title={t('services.title')} />;
}
