import { useEffect } from 'preact/hooks';
import { PageHeading } from '../components/PageHeading';
import { AppointmentsMine } from '../features/appointments/AppointmentsMine';
import { ta } from '../features/appointments/appointmentsMessages';
import { me, refreshMe, signInPath } from '../features/identity/identitySession';
import { t } from '../i18n';
import { ti } from '../features/identity/identityMessages';

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
      {account === null && (
        <>
          <p>{ta('mine.signIn')}</p>
          <div class="button-row">
            <a class="button button--primary" href={signInPath('/appointments')}>
              {t('header.signIn')}
            </a>
            <a class="button button--secondary" href="/me/sign-up">
              {ti('signIn.createAccount')}
            </a>
          </div>
        </>
      )}
      {account && <AppointmentsMine />}
      <p class="link-list">
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
