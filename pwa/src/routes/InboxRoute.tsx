import { BeingBuilt } from '../components/BeingBuilt';
import { t } from '../i18n';

export default function InboxRoute() {
  return <BeingBuilt title={t('inbox.title')} />;
}
