import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { me, navigate, refreshMe, signInPath, type SignedIn } from './identitySession';

/** Renders its children with the signed-in account; otherwise goes to sign in and comes back here. */
export function IdentityRequireSignIn({ children }: { children: (account: SignedIn) => ComponentChildren }) {
  const account = me.value;
  useEffect(() => {
    if (account === undefined) void refreshMe();
    else if (account === null) navigate(signInPath(location.pathname + location.search), { replace: true });
  }, [account]);
  if (!account) return <p role="status">{t('loading')}</p>;
  return <>{children(account)}</>;
}
