import { PageHeading } from '../components/PageHeading';
import { FairDrawList } from '../features/fairness/FairDrawList';
import { tf } from '../features/fairness/fairMessages';
import { t } from '../i18n';

export default function FairDrawsRoute({ code }: { code?: string }) {
  return (
    <section class="page">
      <PageHeading title={tf('draws.title')}>{tf('draws.title')}</PageHeading>
      <p class="lead">{tf('draws.lead')}</p>
      <FairDrawList itemCode={decodeURIComponent(code ?? '')} />
      <p class="link-list">
        <a href="/appointments">{t('nav.appointments')}</a>
      </p>
    </section>
  );
}
