import { AboutServerVersion } from '../about/AboutServerVersion';
import { t } from '../../i18n';

export function ShellFooter() {
  return (
    <footer class="shell-footer" aria-label={t('footer.label')}>
      <p>{t('app.name')}</p>
      <AboutServerVersion />
    </footer>
  );
}
