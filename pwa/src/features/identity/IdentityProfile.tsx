import { useEffect, useState } from 'preact/hooks';
import { IdentityPendingTotpDocument } from '../../graphql/generated/graphql';
import { request } from '../../graphql/client';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { refreshMe, type SignedIn } from './identitySession';
import { IdentityTotpSetup } from './IdentityTotpSetup';
import { ti } from './identityMessages';
import { countryName } from './countries';
import { countryOverrides } from './CountryPicker';
import { locale } from '../../i18n/locale';
import { tt } from '../transparency/transparencyMessages';

function PendingTotp() {
  const [pending, setPending] = useState<{ secret: string; uri: string } | null>(null);
  useEffect(() => {
    request(IdentityPendingTotpDocument, {})
      .then((data) => setPending(data.pendingTotp ?? null))
      .catch(() => setPending(null));
  }, []);
  if (!pending) return null;
  return <IdentityTotpSetup secret={pending.secret} uri={pending.uri} onDone={() => void refreshMe()} />;
}

/** Who you are, as the customs authority holds it (document number masked). */
export function IdentityProfile({ account }: { account: SignedIn }) {
  const person = account.person;
  const officer = account.officer;
  return (
    <>
      {account.needsTotpConfirmation && <PendingTotp />}
      {person && (
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{ti('me.profile.heading')}</h2>
          <dl class="summary-list">
            <dt>{ti('me.profile.name')}</dt>
            <dd>{person.fullName}</dd>
            <dt>{ti('me.profile.document')}</dt>
            <dd>
              {t(`document.${person.documentType}`)} {person.documentNumberMasked}
            </dd>
            {person.dateOfBirth && (
              <>
                <dt>{ti('me.profile.dateOfBirth')}</dt>
                <dd>{formatDate(`${person.dateOfBirth}T00:00:00`)}</dd>
              </>
            )}
            <dt>{ti('me.profile.nationality')}</dt>
            <dd>{countryName(person.nationality, locale.value, countryOverrides)}</dd>
            <dt>{ti('me.profile.residency')}</dt>
            <dd>{ti(person.isResident ? 'me.profile.resident' : 'me.profile.nonResident')}</dd>
            {person.email && (
              <>
                <dt>{ti('me.profile.email')}</dt>
                <dd>{person.email}</dd>
              </>
            )}
            {person.mobile && (
              <>
                <dt>{ti('me.profile.mobile')}</dt>
                <dd>{person.mobile}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {officer && (
        <section aria-labelledby="officer-profile-heading">
          <h2 id="officer-profile-heading">{ti('me.officer.heading')}</h2>
          <dl class="summary-list">
            <dt>{ti('me.profile.name')}</dt>
            <dd>{officer.fullName}</dd>
            <dt>{t('officer.badge')}</dt>
            <dd>{officer.badgeNumber}</dd>
            <dt>{t('officer.unit')}</dt>
            <dd>{officer.unit}</dd>
          </dl>
        </section>
      )}
      <ul class="link-list link-list--cards">
        <li>
          <a href="/me/security">{ti('me.link.security')}</a>
        </li>
        {person && (
          <li>
            <a href="/me/identity">{t('me.identity.link')}</a>
          </li>
        )}
        {person && (
          <li>
            <a href="/me/enterprises">{ti('me.link.enterprises')}</a>
          </li>
        )}
        {person && (
          <li>
            <a href="/me/data-access">{tt('dataAccess.link')}</a>
          </li>
        )}
        {officer && (
          <li>
            <a href="/officer">{ti('me.link.officer')}</a>
          </li>
        )}
      </ul>
    </>
  );
}
