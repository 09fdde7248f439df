import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import { me, navigate, refreshMe, signInPath, type SignedIn } from './identitySession';

/** Renders its children with the signed-in account; otherwise goes to sign in and comes back here. */
export function IdentityRequireSignIn({ children }: { children: (account: SignedIn) => ComponentChildren }) {
  const account = me.value;
  // The page this guard was shown on: when the person has already been sent elsewhere (deleting
  // the account goes to /me while this screen may still be shown), it must not pull them back to
  // sign in for a page they left.
  const page = useRef(location.pathname);
  useEffect(() => {
    if (account === undefined) void refreshMe();
    else if (account === null && location.pathname === page.current) {
      navigate(signInPath(location.pathname + location.search), { replace: true });
    }
  }, [account]);
  if (!account) return <p role="status">{t('loading')}</p>;
  return <>{children(account)}</>;
}
