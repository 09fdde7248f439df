import { PageHeading } from '../components/PageHeading';
import { HomeJourneyCard } from '../features/home/HomeJourneyCard';
import { t } from '../i18n';
import { ROUTES } from './paths';

export default function HomeRoute() {
  return (
    <div class="page">
      <PageHeading title={t('app.name')}>{t('home.title')}</PageHeading>
      <p class="lead">{t('home.intro')}</p>
      <section aria-labelledby="home-journeys">
        <h2 id="home-journeys">{t('home.journeys')}</h2>
        <ul class="journey-grid">
          <HomeJourneyCard journey="declare" href={ROUTES.declare} />
          <HomeJourneyCard journey="services" href={ROUTES.services} />
          <HomeJourneyCard journey="appointments" href={ROUTES.appointments} />
          <HomeJourneyCard journey="help" href={ROUTES.help} />
          <HomeJourneyCard journey="officer" href={ROUTES.officer} />
        </ul>
      </section>
    </div>
  );
}
