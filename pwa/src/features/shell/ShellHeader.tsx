import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { t } from '../../i18n';

export function ShellHeader() {
  return (
    <header class="shell-header">
      <a class="shell-header__brand" href="/">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <span>{t('app.name')}</span>
      </a>
      <div class="shell-header__tools">
        <a class="shell-header__link" href="/inbox">
          {t('header.inbox')}
        </a>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
