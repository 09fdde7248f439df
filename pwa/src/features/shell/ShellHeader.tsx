import { useEffect } from 'preact/hooks';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { t } from '../../i18n';
import { displayName, me, refreshMe } from '../identity/identitySession';

export function ShellHeader() {
  useEffect(() => void refreshMe(), []);
  const account = me.value;
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
        {account ? (
          <a class="shell-header__link shell-header__account" href="/me" data-testid="header-account">
            <span class="visually-hidden">{t('header.signedInAs')} </span>
            {displayName(account) || t('nav.me')}
          </a>
        ) : account === null ? (
          <a class="shell-header__link" href="/me/sign-in" data-testid="header-account">
            {t('header.signIn')}
          </a>
        ) : null}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
