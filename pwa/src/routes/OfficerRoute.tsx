import { useEffect } from 'preact/hooks';
import { PageHeading } from '../components/PageHeading';
import { ta } from '../features/alerts/alertsMessages';
import { me, refreshMe } from '../features/identity/identitySession';
import { t } from '../i18n';

export default function OfficerRoute() {
  const account = me.value;
  useEffect(() => void refreshMe(), []);
  const officer = account?.officer;
  return (
    <section class="page">
      <PageHeading title={t('officer.title')}>{t('officer.title')}</PageHeading>
      {officer ? (
        <>
          <p class="lead">{t('officer.signedInAs', { badge: officer.badgeNumber })}</p>
          <p>
            {officer.fullName} · {officer.unit}
          </p>
          <ul class="link-list">
            <li>
              <a href="/officer/verify">{t('officer.verify.link')}</a>
            </li>
            {officer.roles.some((r) => r === 'window_clerk' || r === 'supervisor') && (
              <li>
                <a href="/officer/appointments">{t('officer.appointments.link')}</a>
              </li>
            )}
            {officer.roles.some((r) => r === 'supervisor' || r === 'administrator') && (
              <>
                <li>
                  <a href="/officer/notices">{t('officer.notices.link')}</a>
                </li>
                <li>
                  <a href="/officer/alerts">{ta('alerts.link')}</a>
                </li>
              </>
            )}
            {officer.roles.some((r) => r === 'supervisor' || r === 'administrator') && (
              <>
                <li>
                  <a href="/officer/feedback">{t('officer.feedback.link')}</a>
                </li>
                <li>
                  <a href="/officer/articles">{t('officer.articles.link')}</a>
                </li>
                <li>
                  <a href="/officer/draws">{t('officer.draws.link')}</a>
                </li>
              </>
            )}
            {officer.roles.includes('administrator') && (
              <>
                <li>
                  <a href="/officer/materials">{t('officer.materials.link')}</a>
                </li>
                <li>
                  <a href="/officer/items">{t('officer.items.link')}</a>
                </li>
                <li>
                  <a href="/officer/payments">{t('officer.payments.link')}</a>
                </li>
              </>
            )}
            {officer.roles.some((r) => r === 'reviewer' || r === 'senior_reviewer') && (
              <li>
                <a href="/officer/reviews">{t('officer.reviews.link')}</a>
              </li>
            )}
          </ul>
        </>
      ) : (
        <>
          <p>{t('officer.signedOut')}</p>
          <ul class="link-list">
            <li>
              <a href="/me/sign-in?next=%2Fofficer">{t('header.signIn')}</a>
            </li>
            <li>
              <a href="/officer/enrol">{t('officer.enrol.link')}</a>
            </li>
          </ul>
        </>
      )}
      <p class="link-list">
        <a href="/">{t('building.homeLink')}</a>
      </p>
    </section>
  );
}
