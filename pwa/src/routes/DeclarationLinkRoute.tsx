import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t } from '../i18n';

/**
 * `/declare/<id>`: the link the server puts in declaration notifications. The screen lives at
 * `/declare/declarations/<id>`; replace the entry so Back does not bounce here.
 */
export default function DeclarationLinkRoute() {
  const { params } = useRoute();
  const { route } = useLocation();
  useEffect(() => {
    route(`/declare/declarations/${encodeURIComponent(params.id ?? '')}`, true);
  }, [params.id, route]);
  return <p role="status">{t('loading')}</p>;
}
