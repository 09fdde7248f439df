import { LOCALES, isLocale, locale, setLocale, t } from '../i18n';

/** A native select: accessible, thumb-friendly, and each language named in itself. */
export function LanguageSwitcher() {
  return (
    <div class="language-switcher">
      <label class="visually-hidden" for="language-switcher">
        {t('lang.label')}
      </label>
      <select
        id="language-switcher"
        class="language-switcher__select"
        value={locale.value}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLocale(value)) setLocale(value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`lang.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
