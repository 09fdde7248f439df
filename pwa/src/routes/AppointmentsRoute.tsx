import { useEffect } from 'preact/hooks';
import { PageHeading } from '../components/PageHeading';
import { IdentitySignedOut } from '../features/identity/IdentitySignedOut';
import { AppointmentsMine } from '../features/appointments/AppointmentsMine';
import { ta } from '../features/appointments/appointmentsMessages';
import { me, refreshMe, signInPath } from '../features/identity/identitySession';
import { t } from '../i18n';

export default function AppointmentsRoute() {
  const account = me.value;
  useEffect(() => {
    if (account === undefined) void refreshMe();
  }, [account]);
  return (
    <section class="page">
      <PageHeading title={ta('mine.title')}>{ta('mine.title')}</PageHeading>
      <p class="lead">{ta('mine.lead')}</p>
      {account === undefined && <p role="status">{t('loading')}</p>}
      {account === null && <IdentitySignedOut message={ta('mine.signIn')} signInHref={signInPath('/appointments')} />}
      {account && <AppointmentsMine />}
      <p class="link-list">
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
