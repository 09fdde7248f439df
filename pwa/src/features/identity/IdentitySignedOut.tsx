import { t } from '../../i18n';
import { ti } from './identityMessages';

/** What a page for signed-in people shows someone signed out: why, and the two ways in. */
export function IdentitySignedOut({ message, signInHref }: { message: string; signInHref: string }) {
  return (
    <>
      <p>{message}</p>
      <div class="button-row">
        <a class="button button--primary" href={signInHref}>
          {t('header.signIn')}
        </a>
        <a class="button button--secondary" href="/me/sign-up">
          {ti('signIn.createAccount')}
        </a>
      </div>
    </>
  );
}
