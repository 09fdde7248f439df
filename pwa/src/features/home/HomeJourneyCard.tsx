import { t, type MessageKey } from '../../i18n';

export type Journey = 'declare' | 'services' | 'appointments' | 'help' | 'officer';

export function HomeJourneyCard({ journey, href }: { journey: Journey; href: string }) {
  const key = (part: string) => `home.${journey}.${part}` as MessageKey;
  const headingId = `journey-${journey}`;
  return (
    <li class="journey-card">
      <article aria-labelledby={headingId}>
        <h3 class="journey-card__title" id={headingId}>
          {t(key('title'))}
        </h3>
        <p class="journey-card__audience">{t(key('audience'))}</p>
        <p>{t(key('body'))}</p>
        <a class="journey-card__link" href={href}>
          {t(key('cta'))}
        </a>
      </article>
    </li>
  );
}
