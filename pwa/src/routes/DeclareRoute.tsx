import { BeingBuilt } from '../components/BeingBuilt';
import { t } from '../i18n';

export default function DeclareRoute() {
  return <BeingBuilt title={t('declare.title')} />;
}
