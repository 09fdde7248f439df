import { BeingBuilt } from '../components/BeingBuilt';
import { t } from '../i18n';

export default function MeRoute() {
  return <BeingBuilt title={t('me.title')} />;
}
